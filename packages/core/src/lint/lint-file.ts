import { recognizeValue } from '../analyze/input-kind.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { isTerraformPlan } from '../iac/terraform-plan.js';
import { readYamlTemplate } from '../iac/yaml-template.js';
import { parseJson } from '../json/parse-json.js';
import { createScanningLocator, type PointerLocator } from '../json/pointer-position.js';
import { decodePolicyText } from '../policy/parse-policy.js';
import { type LintOptions, lintPolicy } from './lint-policy.js';
import type { LintRule } from './lint-rule.js';
import { type LintFinding, lintPolicyText } from './lint-text.js';
import { LINT_RULES } from './rules/index.js';
import { accountPlaces, organizationPlaces } from './sources/account-places.js';
import type { PolicyPlace, PolicyPlaces, PolicyRef } from './sources/policy-place.js';
import { isTemplate, templatePlaces } from './sources/template-places.js';
import { terraformPlaces } from './sources/terraform-places.js';

/**
 * What a file given to lint holds: one policy (bare or in a wrapper the AWS CLI prints), an account's
 * authorization details, an organization snapshot, a Terraform plan, or a CloudFormation, SAM or CDK
 * template (JSON or YAML).
 */
export type LintInputKind = 'policy' | 'account' | 'organization' | 'terraform-plan' | 'template';

/** Every {@link LintInputKind}. */
export const LINT_INPUT_KINDS: readonly LintInputKind[] = [
  'policy',
  'account',
  'organization',
  'terraform-plan',
  'template',
];

/** A lint finding of a file that holds several policies: which one it is about. */
export interface FileLintFinding extends LintFinding {
  /** The policy, when the file holds several (absent for a file of one policy). */
  readonly policy?: PolicyRef;
}

/** What {@link lintText} found in one file. */
export interface FileLintResult {
  readonly input: LintInputKind;
  /** How many policies were linted. */
  readonly policies: number;
  /** In the order of the file; `span` is in the file as written (JSON or YAML). */
  readonly findings: readonly FileLintFinding[];
}

/**
 * Lints every policy a file holds, wherever it lives: a policy file, `aws iam
 * get-account-authorization-details` output, an organization snapshot, `terraform show -json` output,
 * or a CloudFormation / SAM / CDK template in JSON or YAML. Each finding is placed at a line and column
 * of the file and, in a file of several policies, names its policy. `options.kind` applies to a file
 * of one policy; the other inputs say the kind of each of theirs.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 */
export async function lintText(
  text: string,
  catalog: Catalog,
  options: LintOptions = {},
): Promise<Result<FileLintResult>> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseJson(body);
  let value: unknown;
  let locator: PointerLocator;
  if (parsed.ok) {
    value = parsed.value;
    locator = createScanningLocator(body);
  } else {
    const start = body.trimStart()[0];
    if (start === '{' || start === '[' || start === '"') return parsed;
    const yaml = readYamlTemplate(body);
    if (!yaml.ok) return yaml;
    if (!isTemplate(yaml.value.value)) return notTemplate(parsed.diagnostics);
    value = yaml.value.value;
    locator = yaml.value.locator;
  }
  const read = readPlaces(value);
  if (read === null) {
    const single = await lintPolicyText(body, catalog, options);
    if (!single.ok) return single;
    return { ok: true, value: { input: 'policy', policies: 1, findings: single.value.findings } };
  }
  if (!read.places.ok) {
    return {
      ok: false,
      diagnostics: read.places.diagnostics.map((d) => ({ ...d, span: locator.locate(d.path) })),
    };
  }
  const findings: FileLintFinding[] = read.places.value.notes.map(({ pointer, ...d }) => ({
    ...d,
    span: locator.locate(pointer),
  }));
  const { rules } = options;
  for (const place of read.places.value.places) {
    const found = await lintPlace(place, catalog, locator, rules === undefined ? {} : { rules });
    findings.push(...found);
  }
  findings.sort((a, b) => a.span.start.offset - b.span.start.offset || a.code.localeCompare(b.code));
  return {
    ok: true,
    value: { input: read.input, policies: read.places.value.places.length, findings },
  };
}

/** The policies of a file of several, or `null` for a file of one policy. */
function readPlaces(value: unknown): { input: LintInputKind; places: Result<PolicyPlaces> } | null {
  if (isTerraformPlan(value)) return { input: 'terraform-plan', places: terraformPlaces(value) };
  if (isTemplate(value)) return { input: 'template', places: templatePlaces(value) };
  const kind = recognizeValue(value);
  if (kind === 'account') return { input: 'account', places: accountPlaces(value) };
  if (kind === 'organization') return { input: 'organization', places: organizationPlaces(value) };
  return null;
}

async function lintPlace(
  place: PolicyPlace,
  catalog: Catalog,
  locator: PointerLocator,
  options: LintOptions,
): Promise<FileLintFinding[]> {
  const policy: PolicyRef = {
    name: place.name,
    kind: place.kind,
    ...(place.resource === undefined ? {} : { resource: place.resource }),
  };
  let document = place.document;
  if (place.embedded && typeof document === 'string') {
    const decoded = decodePolicyText(document);
    const json = decoded === undefined ? undefined : parseJson(decoded);
    if (json === undefined || !json.ok) {
      const span = locator.locate(place.pointer);
      const reason = json === undefined ? 'is not valid URL-encoded text' : 'is not valid JSON';
      return [
        {
          code: 'policy-encoding',
          severity: 'error',
          message: `the policy text ${reason}`,
          path: '',
          span,
          policy,
        },
      ];
    }
    document = json.value;
  }
  const result = await lintPolicy(
    document,
    catalog,
    { ...options, kind: place.kind },
    {
      sourceText: place.embedded ? null : locator.text(place.pointer),
    },
  );
  const out: FileLintFinding[] = [];
  for (const d of result.diagnostics) {
    if (aboutPlaceholder(d, place.placeholders, options.rules ?? LINT_RULES)) continue;
    const span = locator.locate(place.embedded ? place.pointer : `${place.pointer}${d.path}`);
    out.push({ ...d, span, policy });
  }
  return out;
}

/**
 * Whether a finding is about a stand-in for a deploy-time value: at or inside it, or about the list
 * that holds it (a rule that reasons over every `Resource` of a statement cannot know the stand-in's).
 * A stand-in among a condition's values hides only the findings of rules that read those values, in
 * its statement: a finding about the condition's key stays.
 */
function aboutPlaceholder(
  d: Diagnostic,
  placeholders: readonly string[],
  rules: Readonly<Record<string, LintRule>>,
): boolean {
  return placeholders.some((p) => {
    const condition = p.indexOf('/Condition/');
    if (condition >= 0) {
      return rules[d.code]?.meta.readsConditionValues === true && d.path.startsWith(p.slice(0, condition));
    }
    if (d.path === p || d.path.startsWith(`${p}/`)) return true;
    const parent = p.slice(0, p.lastIndexOf('/'));
    return d.path === parent && /\/(Not)?(Resource|Action|Principal)$/.test(parent);
  });
}

function notTemplate(json: readonly Diagnostic[]): Result<never> {
  const first = json[0];
  return {
    ok: false,
    diagnostics: [
      {
        code: 'lint-input',
        severity: 'error',
        message:
          'this is neither JSON nor a CloudFormation template in YAML (no `Resources` with a `Type` each)',
        path: '',
        ...(first?.span === undefined ? {} : { span: first.span }),
      },
    ],
  };
}
