// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's `${Name}` references are the subject of these tests
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import { resolveIntrinsics } from '../iac/intrinsics.js';
import { readYamlTemplate } from '../iac/yaml-template.js';
import { LINT_INPUT_KINDS, type LintInputKind, lintText } from './lint-file.js';

/** One fixture file and what lint must find in it, with positions in the file as written. */
interface SourceCase {
  readonly file: string;
  readonly input: LintInputKind;
  readonly policies: number;
  readonly expect: readonly {
    readonly code: string;
    readonly severity: string;
    readonly policy: string | null;
    readonly path: string;
    readonly line: number;
    readonly column: number;
  }[];
}

const FIXTURES = new URL('./sources/fixtures/', import.meta.url);

function only(value: unknown, keys: readonly string[], where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${where}: not an object`);
  for (const key of Object.keys(value))
    if (!keys.includes(key)) throw new Error(`${where}: unknown key \`${key}\``);
  return value as Record<string, unknown>;
}

/** The table, its unknown keys refused. */
function readCases(): SourceCase[] {
  const table = only(
    JSON.parse(readFileSync(new URL('./sources/lint-file.cases.json', import.meta.url), 'utf8')),
    ['cases'],
    'lint-file.cases.json',
  );
  return (table.cases as unknown[]).map((raw, i) => {
    const c = only(raw, ['file', 'input', 'policies', 'expect'], `cases[${i}]`);
    if (!LINT_INPUT_KINDS.includes(c.input as LintInputKind)) throw new Error(`cases[${i}]: unknown input`);
    for (const [j, e] of (c.expect as unknown[]).entries()) {
      only(e, ['code', 'severity', 'policy', 'path', 'line', 'column'], `cases[${i}].expect[${j}]`);
    }
    return c as unknown as SourceCase;
  });
}

describe('lint where the policies live', () => {
  it.each(readCases().map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    const text = readFileSync(new URL(c.file, FIXTURES), 'utf8');
    const result = await lintText(text, nodeCatalog());
    if (!result.ok) throw new Error(result.diagnostics[0]?.message);
    expect(result.value.input).toBe(c.input);
    expect(result.value.policies).toBe(c.policies);
    expect(
      result.value.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        policy: f.policy?.name ?? null,
        path: f.path,
        line: f.span.start.line,
        column: f.span.start.column,
      })),
    ).toEqual(c.expect);
  });

  it('names the Terraform address and the template logical id as the resource', async () => {
    const plan = await lintText(
      readFileSync(new URL('terraform-plan.json', FIXTURES), 'utf8'),
      nodeCatalog(),
    );
    const template = await lintText(
      readFileSync(new URL('sam-template.yaml', FIXTURES), 'utf8'),
      nodeCatalog(),
    );
    if (!plan.ok || !template.ok) throw new Error('unreadable fixture');
    expect(plan.value.findings.map((f) => f.policy?.resource)).toContain(
      'module.trail.aws_s3_bucket_policy.this',
    );
    expect(template.value.findings.map((f) => [f.policy?.resource, f.policy?.kind])).toContainEqual([
      'DeployRole',
      'resource',
    ]);
  });

  it('reads the modules of planned values when a plan has no changes, or of a state', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEquals: { 's3:prefix': 'a*' } },
        },
      ],
    });
    const state = {
      format_version: '1.0',
      terraform_version: '1.9.5',
      values: {
        root_module: {
          child_modules: [
            {
              address: 'module.app',
              resources: [
                {
                  address: 'module.app.aws_iam_policy.read',
                  mode: 'managed',
                  type: 'aws_iam_policy',
                  name: 'read',
                  values: { name: 'read', policy },
                },
              ],
            },
          ],
        },
      },
    };
    const result = await lintText(JSON.stringify(state, null, 2), nodeCatalog());
    if (!result.ok) throw new Error(result.diagnostics[0]?.message);
    expect(result.value.input).toBe('terraform-plan');
    expect(result.value.findings.map((f) => [f.code, f.policy?.resource, f.span.start.line])).toEqual([
      ['condition-key-not-sent', 'module.app.aws_iam_policy.read', 17],
      ['wildcard-in-string-equals', 'module.app.aws_iam_policy.read', 17],
    ]);
  });

  it('keeps a single policy file as before', async () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    });
    const result = await lintText(text, nodeCatalog());
    expect(result.ok && result.value.input).toBe('policy');
    expect(result.ok && result.value.findings.map((f) => f.code)).toEqual(['allow-with-not-action']);
  });

  it('refuses YAML that is no template, and broken YAML with its line and column', async () => {
    const notTemplate = await lintText('just: text\n', nodeCatalog());
    expect(!notTemplate.ok && notTemplate.diagnostics.map((d) => d.code)).toEqual(['lint-input']);
    const broken = await lintText('Resources:\n  A:\n    Type: [x\n', nodeCatalog());
    expect(!broken.ok && broken.diagnostics[0]?.code).toBe('yaml-syntax');
    expect(!broken.ok && broken.diagnostics[0]?.span?.start.line).toBeGreaterThanOrEqual(3);
  });
});

describe('CloudFormation intrinsic functions', () => {
  it('reads the short forms as their long forms, each at its line', () => {
    const read = readYamlTemplate('A: !GetAtt Role.Arn\nB: !Sub "x-${Y}"\nC: !Join [":", [a, !Ref Z]]\n');
    if (!read.ok) throw new Error('unreadable');
    expect(read.value.value).toEqual({
      A: { 'Fn::GetAtt': ['Role', 'Arn'] },
      B: { 'Fn::Sub': 'x-${Y}' },
      C: { 'Fn::Join': [':', ['a', { Ref: 'Z' }]] },
    });
    expect(read.value.locator.locate('/C/Fn::Join/1/1').start.line).toBe(3);
    expect(read.value.locator.locate('/B').start).toMatchObject({ line: 2, column: 9 });
  });

  it('keeps literal parts and marks every stand-in', () => {
    const resolved = resolveIntrinsics({
      Resource: [
        { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'B' }]] },
        { 'Fn::GetAtt': ['Role', 'Arn'] },
        { 'Fn::Sub': '${RoleArn}' },
      ],
    });
    expect(resolved.document).toEqual({
      Resource: ['arn:aws:s3:::*/*', 'arn:aws:s3:::*', '{{GetAtt Role.Arn}}', '{{Sub ${RoleArn}}}'],
    });
    expect(resolved.placeholders).toEqual(['/Resource/0', '/Resource/1', '/Resource/2', '/Resource/3']);
  });
});
