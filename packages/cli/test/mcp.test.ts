import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

const BIN = join(ROOT, 'packages/cli/bin/whydenied.js');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const ENV = { ...process.env, NO_COLOR: '1' } as Record<string, string>;

/**
 * Each tool, its arguments, and the same inputs as files for the command line: the tool's answer must
 * be the command's `--format json` output, field for field.
 */
const CALLS: readonly {
  readonly tool: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly files: Readonly<Record<string, string>>;
  readonly argv: readonly string[];
  readonly stdin?: string;
}[] = [
  {
    tool: 'diagnose',
    args: {
      error: read('examples/errors/runinstances-passrole.txt'),
      accounts: [read('packages/core/src/plan/cases/account-111122223333.json')],
    },
    files: {
      'error.txt': read('examples/errors/runinstances-passrole.txt'),
      'account-1.json': read('packages/core/src/plan/cases/account-111122223333.json'),
    },
    argv: ['diagnose', '--format', 'json', '--error', 'error.txt', '--account', 'account-1.json'],
  },
  {
    tool: 'explain',
    args: { decoded: read('packages/cli/test/fixtures/explain/scp.json') },
    files: { 'decoded.json': read('packages/cli/test/fixtures/explain/scp.json') },
    argv: ['explain', '--format', 'json', 'decoded.json'],
  },
  {
    tool: 'simulate',
    args: { case: read('packages/cli/test/fixtures/simulate/single.json') },
    files: { 'case.json': read('packages/cli/test/fixtures/simulate/single.json') },
    argv: ['simulate', '--format', 'json', '--case', 'case.json'],
  },
  {
    tool: 'lint',
    args: { policy: read('packages/cli/test/fixtures/lint/launch-instance-only.json') },
    files: {},
    stdin: read('packages/cli/test/fixtures/lint/launch-instance-only.json'),
    argv: ['lint', '--format', 'json', '-'],
  },
  {
    tool: 'compare',
    args: {
      old: read('packages/cli/test/fixtures/compare/launch-old.json'),
      new: read('packages/cli/test/fixtures/compare/launch-new.json'),
    },
    files: {
      'old.json': read('packages/cli/test/fixtures/compare/launch-old.json'),
      'new.json': read('packages/cli/test/fixtures/compare/launch-new.json'),
    },
    argv: ['compare', '--format', 'json', 'old.json', 'new.json'],
  },
  {
    tool: 'redact',
    args: { text: read('examples/errors/runinstances-passrole.txt') },
    files: { 'input.txt': read('examples/errors/runinstances-passrole.txt') },
    argv: ['redact', '--format', 'json', 'input.txt'],
  },
  {
    tool: 'what-can',
    args: {
      principal: 'arn:aws:iam::111122223333:role/app',
      accounts: [read('packages/cli/test/fixtures/what-can/account.json')],
      organization: read('packages/cli/test/fixtures/what-can/org.json'),
      resourcePolicies: [
        {
          arn: 'arn:aws:s3:::app-data',
          policy: read('packages/cli/test/fixtures/what-can/bucket-policy.json'),
        },
      ],
      service: 's3',
    },
    files: {
      'account-1.json': read('packages/cli/test/fixtures/what-can/account.json'),
      'organization.json': read('packages/cli/test/fixtures/what-can/org.json'),
      'resource-policy-1.json': read('packages/cli/test/fixtures/what-can/bucket-policy.json'),
    },
    argv: [
      'what-can',
      '--format',
      'json',
      '--account',
      'account-1.json',
      '--org',
      'organization.json',
      '--resource-policy',
      'arn:aws:s3:::app-data=resource-policy-1.json',
      '--service',
      's3',
      'arn:aws:iam::111122223333:role/app',
    ],
  },
];

describe('whydenied mcp, through the SDK client', () => {
  let client: Client;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'whydenied-mcp-'));
    client = new Client({ name: 'whydenied-test', version: '0.0.0' });
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: dir, env: ENV }),
    );
  });

  afterAll(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the seven tools, each with an object schema that refuses unknown keys', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'diagnose',
      'explain',
      'simulate',
      'lint',
      'compare',
      'redact',
      'what-can',
    ]);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect((tool.inputSchema as { additionalProperties?: unknown }).additionalProperties).toBe(false);
      expect(tool.inputSchema.required?.length).toBeGreaterThan(0);
    }
  });

  for (const call of CALLS) {
    it(`${call.tool} answers with the JSON of \`${call.argv.slice(0, 3).join(' ')}\``, async () => {
      const result = await client.callTool({ name: call.tool, arguments: call.args });
      expect(result.isError ?? false).toBe(false);
      for (const [name, text] of Object.entries(call.files)) writeFileSync(join(dir, name), text);
      const cli = spawnSync(process.execPath, [BIN, ...call.argv], {
        cwd: dir,
        env: ENV,
        encoding: 'utf8',
        input: call.stdin ?? '',
      });
      expect(cli.status, cli.stderr).toBe(0);
      expect(result.structuredContent).toEqual(JSON.parse(cli.stdout));
      const [content] = result.content as { type: string; text: string }[];
      expect(content?.type).toBe('text');
      expect(JSON.parse(content?.text ?? '')).toEqual(JSON.parse(cli.stdout));
    });
  }

  it('refuses an argument the schema does not name (no file path is ever read)', async () => {
    const result = await client.callTool({
      name: 'explain',
      arguments: { decoded: '{}', file: '/etc/passwd' },
    });
    expect(result.isError).toBe(true);
  });

  it('reports unusable input as a tool error, not a crash', async () => {
    const result = await client.callTool({ name: 'simulate', arguments: { case: '{"request": ' } });
    expect(result.isError).toBe(true);
    const [content] = result.content as { text: string }[];
    expect(content?.text).toMatch(/^case\.json:1:/);
  });
});
