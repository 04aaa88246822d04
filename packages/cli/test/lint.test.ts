import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const FIXTURES = 'packages/cli/test/fixtures/lint';

interface JsonFinding {
  readonly file: string;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

function findings(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}

describe('whydenied lint', () => {
  it('prints file:line:column, severity, code, message and help as text', () => {
    const r = runCli(['lint', `${FIXTURES}/launch-instance-only.json`]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "packages/cli/test/fixtures/lint/launch-instance-only.json:8:19: warning runinstances-missing-resources: \`ec2:RunInstances\` is allowed only on \`instance\`, so no instance can be launched
        help: every launch is also authorised on \`image\`, \`network-interface\`, \`security-group\`, \`subnet\`; allow \`ec2:RunInstances\` on those resource types too (AWS evaluates the action once per resource)
      packages/cli/test/fixtures/lint/launch-instance-only.json:13:43: error unknown-action: \`ec2:DescribeImagez\` is not an action of \`ec2\`; did you mean \`ec2:DescribeImages\`
        help: a statement never matches an action that does not exist; check the spelling in the Service Authorization Reference
      2 findings in 1 file
      "
    `);
  });

  it('writes the contract JSON: one findings array over all files', () => {
    const r = runCli([
      'lint',
      '--format',
      'json',
      `${FIXTURES}/launch-instance-only.json`,
      `${FIXTURES}/clean.json`,
      `${FIXTURES}/get-role-policy.json`,
    ]);
    expect(r.status).toBe(0);
    const list = findings(r.stdout);
    expect(list.map((f) => [f.file.split('/').at(-1), f.code, f.severity, f.path, f.line, f.column])).toEqual(
      [
        [
          'launch-instance-only.json',
          'runinstances-missing-resources',
          'warning',
          '/Statement/0/Resource',
          8,
          19,
        ],
        ['launch-instance-only.json', 'unknown-action', 'error', '/Statement/1/Action/1', 13, 43],
        ['get-role-policy.json', 'passrole-unrestricted', 'warning', '/Statement/0/Resource', 10, 29],
      ],
    );
    for (const f of list) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['file', 'code', 'severity', 'message', 'path', 'line', 'column']),
      );
    }
  });

  it('says so when nothing is found, and exits 0', () => {
    const r = runCli(['lint', `${FIXTURES}/clean.json`]);
    expect(r).toMatchObject({ status: 0, stdout: 'no problems found in 1 file\n', stderr: '' });
  });

  it('reads standard input with `-`', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    });
    const r = runCli(['lint', '--format', 'json', '-'], policy);
    expect(r.status).toBe(0);
    expect(findings(r.stdout).map((f) => [f.file, f.code, f.line, f.column])).toEqual([
      ['<stdin>', 'allow-with-not-action', 1, 67],
    ]);
  });

  it('finds policies in URL-encoded strings and places findings at the string', () => {
    const r = runCli(['lint', '--format', 'json', `${FIXTURES}/url-encoded.json`]);
    expect(r.status).toBe(0);
    expect(findings(r.stdout).map((f) => [f.code, f.path, f.line, f.column])).toEqual([
      ['resource-type-mismatch', '/Statement/0/Resource', 3, 21],
    ]);
  });

  it('reads `{"Policy": "..."}` from get-bucket-policy as a resource policy', () => {
    const r = runCli(['lint', '--format', 'json', `${FIXTURES}/get-bucket-policy.json`]);
    expect(r.status).toBe(0);
    expect(findings(r.stdout).map((f) => [f.code, f.path, f.line])).toEqual([
      ['allow-with-not-resource', '/Statement/0/NotResource', 2],
    ]);
  });

  it('reports grammar errors as findings with positions', () => {
    const r = runCli(['lint', '--format', 'json', `${FIXTURES}/grammar-error.json`]);
    expect(r.status).toBe(0);
    expect(findings(r.stdout).map((f) => [f.code, f.severity, f.path, f.line, f.column])).toEqual([
      ['policy-effect', 'error', '/Statement/0/Effect', 4, 17],
    ]);
  });

  it('checks the SCP grammar when told the kind', () => {
    const r = runCli(['lint', '--kind', 'scp', '--format', 'json', `${FIXTURES}/scp-with-principal.json`]);
    expect(r.status).toBe(0);
    expect(findings(r.stdout).map((f) => [f.code, f.path])).toEqual([
      ['policy-principal-not-allowed', '/Statement/0/Principal'],
    ]);
    const auto = runCli(['lint', '--format', 'json', `${FIXTURES}/scp-with-principal.json`]);
    expect(findings(auto.stdout)).toEqual([]);
  });

  it('exits 1 with one line naming file:line:column for a JSON syntax error, printing nothing else', () => {
    const r = runCli(['lint', `${FIXTURES}/clean.json`, `${FIXTURES}/syntax-error.json`]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^whydenied: packages\/cli\/test\/fixtures\/lint\/syntax-error\.json:4:51: invalid JSON: .+\n$/,
    );
  });

  it('exits 1 for a missing file', () => {
    const r = runCli(['lint', `${FIXTURES}/no-such-file.json`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`whydenied: ${FIXTURES}/no-such-file.json: no such file\n`);
  });

  it.each([
    [['lint'], /missing required argument/],
    [['lint', '--kind', 'session', `${FIXTURES}/clean.json`], /--kind must be one of/],
    [['lint', '--format', 'xml', `${FIXTURES}/clean.json`], /--format must be one of/],
    [['lint', '-', '-'], /standard input/],
  ])('exits 2 on wrong usage: %j', (args, stderr) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(stderr);
  });
});
