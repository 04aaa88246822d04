import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliCase, checkCliCase, runCli } from './run-cli.js';

const DIR = 'packages/cli/test/fixtures/redact';
const ERROR = `${DIR}/error.txt`;
const CASE = `${DIR}/case.json`;
const work = mkdtempSync(join(tmpdir(), 'whydenied-redact-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The identifiers of the fixtures, none of which may survive redaction. */
const SECRETS = [
  '111122223333',
  'deploy-role',
  'acme-artifacts',
  'app.zip',
  '10.20.30.40',
  'ops@acme-corp.com',
  'AKIAIOSFODNN7EXAMPLE',
];

const FAILURES: readonly CliCase[] = [
  {
    name: 'missing file: exit 1',
    args: ['redact', 'no/such/file.txt'],
    exit: 1,
    stderr: /^whydenied: no\/such\/file\.txt: no such file$/,
  },
  {
    name: '--use-map that is no map: exit 1 naming it',
    args: ['redact', ERROR, '--use-map', `${DIR}/not-a-map.json`],
    exit: 1,
    stderr: /^whydenied: packages\/cli\/test\/fixtures\/redact\/not-a-map\.json: not a redaction map/,
  },
  {
    name: '--use-map with broken JSON: file, line and column, exit 1',
    args: ['redact', ERROR, '--use-map', `${DIR}/broken-map.json`],
    exit: 1,
    stderr: /^whydenied: packages\/cli\/test\/fixtures\/redact\/broken-map\.json:4:23: invalid JSON/,
  },
  {
    name: '--map naming a file that is no map: refused, exit 1',
    args: ['redact', ERROR, '--map', `${DIR}/not-a-map.json`],
    exit: 1,
    stderr: /not-a-map\.json: not a redaction map/,
  },
  {
    name: 'two files without --out: usage, exit 2',
    args: ['redact', ERROR, CASE],
    exit: 2,
    stderr: /^whydenied: several files are redacted together into a directory: give --out DIR$/,
  },
  {
    name: '--reverse without a map: usage, exit 2',
    args: ['redact', '--reverse', ERROR],
    exit: 2,
    stderr: /^whydenied: --reverse needs the map/,
  },
  {
    name: '--use-map with a different, existing --map: usage, exit 2',
    args: ['redact', ERROR, '--use-map', `${DIR}/not-a-map.json`, '--map', CASE],
    exit: 2,
    stderr: /--map .* exists: with --use-map, --map must name a new file or the same file$/,
  },
];

describe('whydenied redact (end to end)', () => {
  it('replaces every identifier of a file and keeps what the diagnosis needs', () => {
    const run = runCli(['redact', ERROR]);
    expect(run.status, run.stderr).toBe(0);
    for (const secret of SECRETS) expect(run.stdout).not.toContain(secret);
    expect(run.stdout).toMatchInlineSnapshot(`
      "An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::100000000001:assumed-role/role-1/session-1 is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::bucket-1/name-1/name-2" with an explicit deny in a resource-based policy
      request from 192.0.2.1 by user1@example.com with key AKIAREDACTED00000001
      "
    `);
  });

  it('reads standard input by default and with `-`', () => {
    const text = readFileSync(ERROR, 'utf8');
    const fromFile = runCli(['redact', ERROR]).stdout;
    expect(runCli(['redact'], text).stdout).toBe(fromFile);
    expect(runCli(['redact', '-'], text).stdout).toBe(fromFile);
  });

  it('--format json counts what was replaced, without the originals', () => {
    const run = runCli(['redact', ERROR, '--format', 'json']);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { text: string; added: number; kinds: Record<string, number> };
    expect(out.text).toBe(runCli(['redact', ERROR]).stdout);
    expect(out.kinds).toEqual({
      'account-id': 1,
      'role-name': 1,
      'session-name': 1,
      'bucket-name': 1,
      name: 2,
      ipv4: 1,
      email: 1,
      'access-key-id': 1,
    });
    expect(out.added).toBe(9);
  });

  it('--map keeps a map that --reverse uses to restore the input exactly', () => {
    const map = join(work, 'reverse-map.json');
    const redacted = join(work, 'redacted.txt');
    const run = runCli(['redact', ERROR, '--map', map]);
    expect(run.status).toBe(0);
    writeFileSync(redacted, run.stdout);
    const parsed = JSON.parse(readFileSync(map, 'utf8')) as { version: number; entries: unknown[] };
    expect(parsed.version).toBe(1);
    expect(parsed.entries).toHaveLength(9);
    const back = runCli(['redact', '--reverse', '--map', map, redacted]);
    expect(back.status).toBe(0);
    expect(back.stdout).toBe(readFileSync(ERROR, 'utf8'));
  });

  it('writes no map when the input is unusable', () => {
    const map = join(work, 'never.json');
    const run = runCli(['redact', 'no/such/file.txt', '--map', map]);
    expect(run.status).toBe(1);
    expect(existsSync(map)).toBe(false);
  });

  it('a redacted error plus redacted evidence give the same answer', () => {
    const map = join(work, 'case-map.json');
    const error = runCli(['redact', ERROR, '--map', map]);
    const evidence = runCli(['redact', CASE, '--map', map]);
    expect(error.status).toBe(0);
    expect(evidence.status).toBe(0);
    for (const secret of SECRETS.slice(0, 3)) expect(evidence.stdout).not.toContain(secret);
    const redactedCase = join(work, 'case.json');
    writeFileSync(redactedCase, evidence.stdout);

    // the same verdict from the same policies
    const simulated = runCli(['simulate', '--case', CASE, '--format', 'json']);
    const simulatedRedacted = runCli(['simulate', '--case', redactedCase, '--format', 'json']);
    expect(simulated.status).toBe(0);
    expect(JSON.parse(simulatedRedacted.stdout)).toEqual(JSON.parse(simulated.stdout));

    // the same reading of the error, naming the redacted case's principal and resource
    const diagnosed = JSON.parse(runCli(['diagnose', '--error', ERROR, '--format', 'json']).stdout);
    const diagnosedRedacted = JSON.parse(runCli(['diagnose', '--format', 'json'], error.stdout).stdout);
    const request = (JSON.parse(evidence.stdout) as { request: { principal: string; resource: string } })
      .request;
    expect(diagnosedRedacted.failure).toEqual({
      ...diagnosed.failure,
      principal: request.principal,
      resource: request.resource,
    });
    expect(diagnosedRedacted.kind).toBe(diagnosed.kind);
  });

  it.each(FAILURES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const before = existsSync(`${DIR}/not-a-map.json`) ? readFileSync(`${DIR}/not-a-map.json`, 'utf8') : null;
    checkCliCase(c);
    // a refused map is left as it was
    expect(readFileSync(`${DIR}/not-a-map.json`, 'utf8')).toBe(before);
  });
});
