import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const fixtures = 'packages/cli/test/fixtures/simulate';

function run(args: readonly string[], input?: string) {
  const result = spawnSync('node', ['packages/cli/bin/whydenied.js', 'simulate', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    ...(input === undefined ? {} : { input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonLines(stdout: string): unknown[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
}

describe('whydenied simulate', () => {
  it('prints the contract JSON for a single case', () => {
    const { code, stdout, stderr } = run(['--case', `${fixtures}/single.json`, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['decision', 'layer', 'statements']);
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.layer).toBe('identity');
    expect(result.statements).toContainEqual({
      layer: 'identity',
      policy: 'EC2Launch',
      sid: 'AllowLaunch',
      index: 0,
      effect: 'Allow',
      matched: false,
    });
  });

  it('evaluates `requests` and prints one JSON line per request, in order', () => {
    const { code, stdout } = run(['--case', `${fixtures}/requests.json`, '--format', 'json']);
    expect(code).toBe(0);
    const results = jsonLines(stdout) as Array<{ decision: string; layer: string | null }>;
    expect(results.map((r) => [r.decision, r.layer])).toEqual([
      ['Allowed', null],
      ['ImplicitDeny', 'identity'],
      ['ExplicitDeny', 'identity'],
    ]);
  });

  it('reads a JSON array of cases', () => {
    const { code, stdout } = run(['--case', `${fixtures}/array.json`, '--format', 'json']);
    expect(code).toBe(0);
    expect((jsonLines(stdout) as Array<{ decision: string }>).map((r) => r.decision)).toEqual([
      'Allowed',
      'ImplicitDeny',
      'Allowed',
      'ImplicitDeny',
    ]);
  });

  it('reads JSON Lines, and from standard input with `-`', () => {
    const fromFile = run(['--case', `${fixtures}/lines.jsonl`, '--format', 'json']);
    expect(fromFile.code).toBe(0);
    expect(jsonLines(fromFile.stdout)).toHaveLength(4);
    const array = run(['--case', `${fixtures}/array.json`, '--format', 'json']);
    expect(fromFile.stdout).toBe(array.stdout);
    const stdin = run(
      ['--case', '-', '--format', 'json'],
      readFileSync(`${root}${fixtures}/lines.jsonl`, 'utf8'),
    );
    expect(stdin.code).toBe(0);
    expect(stdin.stdout).toBe(fromFile.stdout);
  });

  it('reads URL-encoded policy documents', () => {
    const { code, stdout } = run(['--case', `${fixtures}/url-encoded.json`, '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { decision: string }).decision).toBe('Allowed');
  });

  it('exits 0 with a deny, and explains it in text', () => {
    const { code, stdout } = run(['--case', `${fixtures}/single.json`]);
    expect(code).toBe(0);
    expect(stdout).toContain('ImplicitDeny');
    expect(stdout).toContain('no identity-based policy allows it');
    expect(stdout).toContain('StringEquals ec2:InstanceType: expected `t3.micro`, actual `m5.large`');
  });

  it('names file, line and column of a JSON syntax error', () => {
    const { code, stdout, stderr } = run(['--case', `${fixtures}/bad-json.json`, '--format', 'json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/bad-json\.json:4:30: invalid JSON/);
  });

  it('names the line of a bad JSON Lines entry and prints nothing else', () => {
    const { code, stdout, stderr } = run(['--case', `${fixtures}/bad-line.jsonl`, '--format', 'json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/bad-line\.jsonl:2:\d+: invalid JSON/);
  });

  it('rejects unknown keys naming their JSON pointer', () => {
    const { code, stderr } = run(['--case', `${fixtures}/unknown-key.json`, '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `whydenied: ${fixtures}/unknown-key.json: unknown key \`colour\` at /request/colour`,
    );
  });

  it('rejects an invalid policy naming its JSON pointer', () => {
    const { code, stderr } = run(['--case', `${fixtures}/bad-policy.json`, '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toContain('at /identityPolicies/0/document/Statement/0/Effect');
  });

  it('fails on a missing file with exit 1 and on missing --case with exit 2', () => {
    expect(run(['--case', `${fixtures}/nope.json`]).code).toBe(1);
    expect(run([]).code).toBe(2);
    expect(run(['--case', `${fixtures}/single.json`, '--format', 'yaml']).code).toBe(2);
  });
});

describe('whydenied simulate: a large batch on one line, read request by request', () => {
  const policies = JSON.parse(readFileSync(`${root}${fixtures}/requests.json`, 'utf8')) as Record<
    string,
    unknown
  > & { requests: unknown[] };
  // over 1 MiB on one line: the lazy reading; the same case pretty-printed: the whole reading
  const requests = Array.from({ length: 12000 }, (_, i) => policies.requests[i % policies.requests.length]);
  const big = { ...policies, requests };

  it('prints what the whole reading prints, and keeps only --fields', () => {
    const line = JSON.stringify(big);
    expect(line.length).toBeGreaterThan(1 << 20);
    const lazy = run(['--case', '-', '--format', 'json'], `${line}\n`);
    const whole = run(['--case', '-', '--format', 'json'], JSON.stringify(big, null, 1));
    expect(lazy.stderr).toBe('');
    expect(lazy.stdout).toBe(whole.stdout);
    const compact = run(['--case', '-', '--format', 'json', '--fields', 'decision,layer'], line);
    const full = jsonLines(lazy.stdout) as Record<string, unknown>[];
    expect(jsonLines(compact.stdout)).toEqual(full.map((r) => ({ decision: r.decision, layer: r.layer })));
  });

  it('reads the line from a file in pieces, with a byte-order mark and a CRLF line end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'whydenied-simulate-'));
    try {
      const file = join(dir, 'batch.jsonl');
      // several read chunks of 1 MiB, with multibyte characters across their ends
      const noted = requests.map((r) => {
        const request = r as { context?: Record<string, unknown> };
        return { ...request, context: { ...request.context, 'test:note': 'é€😀 note' } };
      });
      const wide = { ...big, requests: [...noted, ...noted, ...noted] };
      writeFileSync(file, `\ufeff${JSON.stringify(wide)}\r\n`);
      const lazy = run(['--case', file, '--format', 'json', '--fields', 'decision,layer']);
      const whole = run(
        ['--case', '-', '--format', 'json', '--fields', 'decision,layer'],
        JSON.stringify(wide, null, 1),
      );
      expect(lazy.stderr).toBe('');
      expect(lazy.code).toBe(0);
      expect(lazy.stdout).toBe(whole.stdout);
      expect(jsonLines(lazy.stdout)).toHaveLength(36_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a bad request exactly as the whole reading does', () => {
    const bad = { ...big, requests: [...requests, { principal: '', action: 's3:GetObject' }] };
    const lazy = run(['--case', '-', '--format', 'json'], JSON.stringify(bad));
    const whole = run(['--case', '-', '--format', 'json'], JSON.stringify(bad, null, 1));
    expect(lazy.code).toBe(1);
    expect(lazy.stdout).toBe('');
    expect(lazy.stderr).toBe(whole.stderr);
    expect(lazy.stderr).toContain('/requests/12000/principal');
  });

  it('refuses an unknown field and --fields without JSON output', () => {
    expect(run(['--case', `${fixtures}/requests.json`, '--format', 'json', '--fields', 'colour']).code).toBe(
      2,
    );
    expect(run(['--case', `${fixtures}/requests.json`, '--fields', 'decision']).code).toBe(2);
  });
});
