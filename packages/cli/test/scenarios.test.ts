/**
 * End-to-end scenarios of issue 5, run through the built CLI: each case of `scenarios/scenarios.json`
 * diagnoses `scenarios/<name>/error.txt` with the evidence files beside it, checks codes and fields
 * of the JSON output, then applies every printed fix to the evidence files and diagnoses again: the
 * checks a fix answers must be gone.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FAILURE_FIELDS } from '../../core/test/case-table.js';
import { runCli } from './run-cli.js';

const DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));

// ---------------------------------------------------------------------------------------------------
// The table

interface ScenarioArgs {
  readonly error: string;
  readonly account?: readonly string[];
  readonly org?: string;
  readonly resourcePolicy?: readonly { readonly arn: string; readonly file: string }[];
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  /** Parameters of the failed call (`--param`); a list repeats the key. */
  readonly param?: Readonly<Record<string, string | readonly string[]>>;
  /** A decoded authorization message (`--decoded`). */
  readonly decoded?: string;
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
}

interface ExpectedCondition {
  readonly key: string;
  readonly expected: readonly string[];
  readonly actual: readonly string[] | null;
}

interface ExpectedFinding {
  readonly action: string;
  readonly resource: string;
  readonly decision: 'ExplicitDeny' | 'ImplicitDeny';
  readonly layer: string;
  readonly policy?: string | null;
  readonly sid?: string | null;
  readonly failedConditions?: readonly ExpectedCondition[];
  readonly dependsOn?: readonly string[];
}

/** The fields of an added or changed statement that a case pins (the others are not compared). */
type ExpectedStatement = Readonly<Record<string, unknown>>;

interface ExpectedFix {
  readonly layer: string;
  readonly target: string;
  readonly owner: 'account' | 'organization' | 'resource-owner';
  readonly proposal: boolean;
  readonly policyName: string;
  /** The start of the printed apply command. */
  readonly command?: string;
  readonly findings: readonly number[];
  /** The statements of `document` that the current document does not have, in order. */
  readonly statements: readonly ExpectedStatement[];
  /** Probe requests the change newly allows (only exemptions from a Deny may have any). */
  readonly widened?: number;
}

interface Expected {
  readonly kind: string;
  readonly failure?: Readonly<Record<string, unknown>>;
  /** An ordered subset of the findings. */
  readonly findings: readonly ExpectedFinding[];
  readonly findingCount?: number;
  readonly fixes: readonly ExpectedFix[];
  /** `noFix` codes, in output order. */
  readonly noFix: readonly string[];
  /** The exact set of unknown codes, when given. */
  readonly unknowns?: readonly string[];
  /** The exact set of missing-evidence codes, when given. */
  readonly missingEvidence?: readonly string[];
  /**
   * The ways to make the call as the policy allows, in output order, each `finding key want`
   * (`0 aws:RequestedRegion one-of`); when absent, there are none.
   */
  readonly remedies?: readonly string[];
}

interface Scenario {
  readonly name: string;
  /** The spec part or AWS document the case encodes. */
  readonly source: string;
  readonly args: ScenarioArgs;
  readonly expected: Expected;
}

const KEYS = {
  scenario: ['name', 'source', 'args', 'expected'],
  args: [
    'error',
    'decoded',
    'account',
    'org',
    'resourcePolicy',
    'context',
    'param',
    'principal',
    'action',
    'resource',
  ],
  resourcePolicy: ['arn', 'file'],
  expected: [
    'kind',
    'failure',
    'findings',
    'findingCount',
    'fixes',
    'noFix',
    'unknowns',
    'missingEvidence',
    'remedies',
  ],
  failure: FAILURE_FIELDS,
  finding: ['action', 'resource', 'decision', 'layer', 'policy', 'sid', 'failedConditions', 'dependsOn'],
  condition: ['key', 'expected', 'actual'],
  fix: ['layer', 'target', 'owner', 'proposal', 'policyName', 'command', 'findings', 'statements', 'widened'],
  statement: ['Sid', 'Effect', 'Principal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
} as const;

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected an object`);
  }
  return value as Record<string, unknown>;
}

function only(value: unknown, allowed: readonly string[], where: string): Record<string, unknown> {
  const r = record(value, where);
  for (const key of Object.keys(r)) {
    if (!allowed.includes(key)) throw new Error(`${where}: unknown key \`${key}\``);
  }
  return r;
}

function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
  return value;
}

/** Loads the table, rejecting unknown keys at every level and cases without their folder's files. */
function loadScenarios(): Scenario[] {
  const raw = JSON.parse(readFileSync(join(DIR, 'scenarios.json'), 'utf8')) as unknown;
  const names = new Set<string>();
  return list(raw, 'scenarios.json').map((item, i) => {
    const c = only(item, KEYS.scenario, `scenarios.json case ${i}`);
    const where = `scenarios.json case ${i} (${String(c.name)})`;
    if (typeof c.name !== 'string' || !/^[a-z0-9-]+$/.test(c.name)) throw new Error(`${where}: bad name`);
    if (names.has(c.name)) throw new Error(`${where}: duplicate name`);
    names.add(c.name);
    if (typeof c.source !== 'string' || c.source === '') throw new Error(`${where}: missing source`);
    const args = only(c.args, KEYS.args, `${where} args`);
    if (typeof args.error !== 'string') throw new Error(`${where}: args.error is required`);
    for (const [j, p] of list(args.resourcePolicy, `${where} args.resourcePolicy`).entries()) {
      only(p, KEYS.resourcePolicy, `${where} args.resourcePolicy ${j}`);
    }
    const expected = only(c.expected, KEYS.expected, `${where} expected`);
    for (const key of ['kind', 'findings', 'fixes', 'noFix'] as const) {
      if (expected[key] === undefined) throw new Error(`${where}: expected.${key} is required`);
    }
    if (expected.failure !== undefined) only(expected.failure, KEYS.failure, `${where} expected.failure`);
    for (const [j, f] of list(expected.findings, `${where} findings`).entries()) {
      const finding = only(f, KEYS.finding, `${where} findings ${j}`);
      for (const [k, cond] of list(finding.failedConditions, `${where} findings ${j}`).entries()) {
        only(cond, KEYS.condition, `${where} findings ${j} failedConditions ${k}`);
      }
    }
    for (const [j, f] of list(expected.fixes, `${where} fixes`).entries()) {
      const fix = only(f, KEYS.fix, `${where} fixes ${j}`);
      for (const [k, s] of list(fix.statements, `${where} fixes ${j} statements`).entries()) {
        only(s, KEYS.statement, `${where} fixes ${j} statements ${k}`);
      }
    }
    // every file the case names must be in its folder
    const files = [
      args.error,
      ...list(args.account, where),
      ...(args.org === undefined ? [] : [args.org]),
      ...list(args.resourcePolicy, where).map((p) => record(p, where).file),
    ];
    for (const file of files) readFileSync(join(DIR, c.name, String(file)));
    return c as unknown as Scenario;
  });
}

// ---------------------------------------------------------------------------------------------------
// Running the CLI

interface OutFinding {
  readonly action: string;
  readonly resource: string;
  readonly decision: string;
  readonly layer: string;
  readonly policy: string | null;
  readonly sid: string | null;
  readonly failedConditions: readonly ExpectedCondition[];
  readonly dependsOn: readonly string[];
}

interface OutFix {
  readonly layer: string;
  readonly target: string;
  readonly owner: string;
  readonly document: unknown;
  readonly policyName: string;
  readonly findings: readonly number[];
  readonly command: string;
  readonly proposal: boolean;
  readonly verification: { readonly allowsChecks: boolean; readonly widened: readonly string[] };
}

interface Output {
  readonly kind: string;
  readonly failure: Readonly<Record<string, unknown>>;
  readonly findings: readonly OutFinding[];
  readonly fixes: readonly OutFix[];
  readonly noFix: readonly { readonly finding: number; readonly code: string }[];
  readonly remedies: readonly {
    readonly finding: number;
    readonly conditions: readonly { readonly key: string; readonly want: string }[];
  }[];
  readonly unknowns: readonly { readonly code: string }[];
  readonly missingEvidence: readonly { readonly code: string; readonly command: string }[];
}

/** Runs `diagnose --format json` with the case's files, read from `dir`. */
function diagnoseIn(dir: string, args: ScenarioArgs): Output {
  const cli = ['diagnose', '--error', join(dir, args.error), '--format', 'json'];
  for (const file of args.account ?? []) cli.push('--account', join(dir, file));
  if (args.org !== undefined) cli.push('--org', join(dir, args.org));
  for (const p of args.resourcePolicy ?? []) cli.push('--resource-policy', `${p.arn}=${join(dir, p.file)}`);
  for (const [key, value] of Object.entries(args.context ?? {})) {
    for (const v of typeof value === 'string' ? [value] : value) cli.push('--context', `${key}=${v}`);
  }
  for (const [key, value] of Object.entries(args.param ?? {})) {
    for (const v of typeof value === 'string' ? [value] : value) cli.push('--param', `${key}=${v}`);
  }
  if (args.decoded !== undefined) cli.push('--decoded', join(dir, args.decoded));
  if (args.principal !== undefined) cli.push('--principal', args.principal);
  if (args.action !== undefined) cli.push('--action', args.action);
  if (args.resource !== undefined) cli.push('--resource', args.resource);
  const run = runCli(cli);
  if (run.status !== 0) throw new Error(`diagnose exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Output;
}

// ---------------------------------------------------------------------------------------------------
// Where a fix's document lives in the evidence files

type Json = Record<string, unknown>;

/** The evidence files of one case, parsed, by file name. */
type Files = Map<string, unknown>;

/** Reads a document as the files hold it: an object, JSON text, or URL-encoded JSON text (IAM API). */
function documentValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trimStart().startsWith('%') ? decodeURIComponent(value.replaceAll('+', '%20')) : value;
  return JSON.parse(text) as unknown;
}

/** A slot holding a policy document in one evidence file. */
interface Slot {
  readonly get: () => unknown;
  readonly set: (document: unknown) => void;
}

function entries(file: unknown, list: string): Json[] {
  return ((file as Json)[list] as Json[] | undefined) ?? [];
}

function accountEntity(files: Files, args: ScenarioArgs, list: string, arn: string): Json {
  for (const name of args.account ?? []) {
    const found = entries(files.get(name), list).find((e) => e.Arn === arn);
    if (found !== undefined) return found;
  }
  throw new Error(`no entry \`${arn}\` in ${list} of the --account files`);
}

function inlineSlot(entity: Json, list: string, policyName: string): Slot {
  const policies = (entity[list] as Json[] | undefined) ?? [];
  entity[list] = policies;
  const find = () => policies.find((p) => p.PolicyName === policyName);
  return {
    get: () => (find() === undefined ? null : documentValue(find()?.PolicyDocument)),
    set: (document) => {
      const existing = find();
      if (existing === undefined) policies.push({ PolicyName: policyName, PolicyDocument: document });
      else existing.PolicyDocument = document;
    },
  };
}

/** The slot a fix changes: chosen by the AWS CLI command it prints, located by its target. */
function slotOf(fix: OutFix, files: Files, args: ScenarioArgs): Slot {
  const command = fix.command;
  const inline = [
    ['aws iam put-role-policy ', 'RoleDetailList', 'RolePolicyList'],
    ['aws iam put-user-policy ', 'UserDetailList', 'UserPolicyList'],
    ['aws iam put-group-policy ', 'GroupDetailList', 'GroupPolicyList'],
  ] as const;
  for (const [prefix, entities, policies] of inline) {
    if (command.startsWith(prefix)) {
      return inlineSlot(accountEntity(files, args, entities, fix.target), policies, fix.policyName);
    }
  }
  if (command.startsWith('aws sso-admin put-inline-policy-to-permission-set ')) {
    // Identity Center provisions a permission set's inline policy as `AwsSSOInlinePolicy` of its roles
    const prefix = `AWSReservedSSO_${fix.policyName}_`;
    for (const name of args.account ?? []) {
      const role = entries(files.get(name), 'RoleDetailList').find((r) =>
        String(r.RoleName).startsWith(prefix),
      );
      if (role !== undefined) return inlineSlot(role, 'RolePolicyList', 'AwsSSOInlinePolicy');
    }
    throw new Error(`no role of permission set \`${fix.policyName}\` in the --account files`);
  }
  if (command.startsWith('aws iam create-policy-version ')) {
    const policy = accountEntity(files, args, 'Policies', fix.target);
    const version = entries(policy, 'PolicyVersionList').find((v) => v.VersionId === policy.DefaultVersionId);
    if (version === undefined) throw new Error(`no default version of \`${fix.target}\``);
    return { get: () => documentValue(version.Document), set: (d) => (version.Document = d) };
  }
  if (command.startsWith('aws iam update-assume-role-policy ')) {
    const role = accountEntity(files, args, 'RoleDetailList', fix.target);
    return {
      get: () => documentValue(role.AssumeRolePolicyDocument),
      set: (d) => (role.AssumeRolePolicyDocument = d),
    };
  }
  if (command.startsWith('aws organizations update-policy ')) {
    if (args.org === undefined) throw new Error('an organization fix without --org');
    const policy = entries(files.get(args.org), 'policies').find((p) => p.id === fix.target);
    if (policy === undefined) throw new Error(`no policy \`${fix.target}\` in the org snapshot`);
    return { get: () => documentValue(policy.document), set: (d) => (policy.document = d) };
  }
  const given = (args.resourcePolicy ?? []).find((p) => p.arn === fix.target);
  if (given === undefined) throw new Error(`no --resource-policy for fix target \`${fix.target}\``);
  // a policy as `get-bucket-policy` prints it holds the document as text in `Policy`
  const unwrap = (value: unknown): unknown => {
    const text = (value as { Policy?: unknown } | null)?.Policy;
    return typeof text === 'string' ? (JSON.parse(text) as unknown) : value;
  };
  return { get: () => unwrap(files.get(given.file)), set: (d) => files.set(given.file, d) };
}

function readFiles(name: string, args: ScenarioArgs): Files {
  const files: Files = new Map();
  const names = [
    ...(args.account ?? []),
    ...(args.org === undefined ? [] : [args.org]),
    ...(args.resourcePolicy ?? []).map((p) => p.file),
  ];
  for (const file of names) {
    files.set(file, JSON.parse(readFileSync(join(DIR, name, file), 'utf8')) as unknown);
  }
  return files;
}

function statementsOf(document: unknown): Json[] {
  if (document === null) return [];
  const statement = (document as Json).Statement;
  return (Array.isArray(statement) ? statement : [statement]) as Json[];
}

/** The statements of the fix's document that the current document does not have. */
function changedStatements(fix: OutFix, name: string, args: ScenarioArgs): Json[] {
  const current = statementsOf(slotOf(fix, readFiles(name, args), args).get()).map((s) => JSON.stringify(s));
  return statementsOf(fix.document).filter((s) => !current.includes(JSON.stringify(s)));
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Diagnoses again with `fixes` applied to a copy of the case's evidence files. */
function diagnoseWithFixes(scenario: Scenario, fixes: readonly OutFix[]): Output {
  const files = readFiles(scenario.name, scenario.args);
  for (const fix of fixes) slotOf(fix, files, scenario.args).set(fix.document);
  const dir = mkdtempSync(join(tmpdir(), `whydenied-${scenario.name}-`));
  temps.push(dir);
  cpSync(join(DIR, scenario.name), dir, { recursive: true });
  for (const [file, value] of files) writeFileSync(join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  return diagnoseIn(dir, scenario.args);
}

const checkOf = (f: { action: string; resource: string }) => `${f.action.toLowerCase()} ${f.resource}`;

// ---------------------------------------------------------------------------------------------------
// The assertions

/** `expected` in order within `actual`, each matched on the fields it gives. */
function expectOrderedSubset(actual: readonly OutFinding[], expected: readonly ExpectedFinding[]): void {
  let from = 0;
  for (const want of expected) {
    const at = actual.findIndex((f, i) => i >= from && checkOf(f) === checkOf(want));
    expect(at, `finding ${want.action} on ${want.resource} (in order)`).toBeGreaterThanOrEqual(0);
    const got = actual[at] as OutFinding;
    const fields = { ...want } as Record<string, unknown>;
    delete fields.failedConditions;
    expect(got).toMatchObject(fields);
    if (want.failedConditions !== undefined) {
      expect(
        got.failedConditions.map((c) => ({ key: c.key, expected: c.expected, actual: c.actual })),
      ).toEqual(want.failedConditions);
    }
    from = at + 1;
  }
}

const SCENARIOS = loadScenarios();

describe('issue 5 scenarios: diagnose end to end, every fix re-verified', () => {
  it('the table covers every scenario folder and names its source', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(13);
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_, scenario) => {
    const { expected } = scenario;
    const out = diagnoseIn(join(DIR, scenario.name), scenario.args);

    expect(out.kind).toBe(expected.kind);
    // the probes a fix is verified with are the tool's own: their made-up names never reach the user
    expect(JSON.stringify(out)).not.toMatch(/whydenied-probe|WhydeniedProbe/i);
    if (expected.failure !== undefined) expect(out.failure).toMatchObject(expected.failure);
    expectOrderedSubset(out.findings, expected.findings);
    if (expected.findingCount !== undefined) expect(out.findings).toHaveLength(expected.findingCount);
    if (expected.kind !== 'authorization') expect(out.findings).toEqual([]);
    expect(out.noFix.map((n) => n.code)).toEqual(expected.noFix);
    expect(out.remedies.flatMap((r) => r.conditions.map((c) => `${r.finding} ${c.key} ${c.want}`))).toEqual(
      expected.remedies ?? [],
    );
    if (expected.unknowns !== undefined) {
      expect(out.unknowns.map((u) => u.code).sort()).toEqual([...expected.unknowns].sort());
    }
    if (expected.missingEvidence !== undefined) {
      expect(out.missingEvidence.map((m) => m.code).sort()).toEqual([...expected.missingEvidence].sort());
      for (const m of out.missingEvidence) expect(m.command).not.toBe('');
    }

    // the printed fixes, each with the statements it adds or changes
    expect(out.fixes).toHaveLength(expected.fixes.length);
    out.fixes.forEach((fix, i) => {
      const want = expected.fixes[i] as ExpectedFix;
      expect(fix).toMatchObject({
        layer: want.layer,
        target: want.target,
        owner: want.owner,
        proposal: want.proposal,
        policyName: want.policyName,
        findings: want.findings,
      });
      if (want.command !== undefined) expect(fix.command.startsWith(want.command), fix.command).toBe(true);
      const changed = changedStatements(fix, scenario.name, scenario.args);
      expect(changed).toHaveLength(want.statements.length);
      want.statements.forEach((statement, j) => {
        expect(changed[j]).toMatchObject(statement);
      });
      expect(fix.verification.allowsChecks).toBe(true);
      expect(fix.verification.widened).toHaveLength(want.widened ?? 0);
      // an added allow grants nothing the failed checks did not ask for
      if (changed.every((s) => s.Effect === 'Allow')) expect(fix.verification.widened).toEqual([]);
      // a fix keeps every existing guardrail: each condition of the current document is still there,
      // with every value it had, on a statement of the same effect and actions (an exemption only adds
      // a condition beside them; an extension only adds the call's value to a list)
      const before = statementsOf(slotOf(fix, readFiles(scenario.name, scenario.args), scenario.args).get());
      const after = statementsOf(fix.document);
      for (const statement of before.filter((s) => s.Condition !== undefined)) {
        const kept = after.some(
          (s) =>
            s.Effect === statement.Effect &&
            JSON.stringify(s.Action ?? s.NotAction) ===
              JSON.stringify(statement.Action ?? statement.NotAction) &&
            Object.entries(statement.Condition as Json).every(([operator, keys]) =>
              Object.entries(keys as Json).every(([key, values]) => {
                const now = ((s.Condition as Json | undefined)?.[operator] as Json | undefined)?.[key];
                const listed = (v: unknown) => (Array.isArray(v) ? v : [v]).map((x) => JSON.stringify(x));
                return now !== undefined && listed(values).every((v) => listed(now).includes(v));
              }),
            ),
        );
        expect(kept, `fix ${i} keeps the conditions of ${JSON.stringify(statement)}`).toBe(true);
      }
    });

    // every finding gets a fix or a reason why none
    const answered = new Set([...out.fixes.flatMap((f) => f.findings), ...out.noFix.map((n) => n.finding)]);
    expect([...answered].sort((a, b) => a - b)).toEqual(out.findings.map((_f, i) => i));

    // re-verification: with every fix that answers a finding applied, its check is no longer denied
    const fixedFindings = [...new Set(out.fixes.flatMap((f) => f.findings))];
    for (const index of fixedFindings) {
      const chain = out.fixes.filter((f) => f.findings.includes(index));
      const again = diagnoseWithFixes(scenario, chain);
      const check = checkOf(out.findings[index] as OutFinding);
      expect(again.findings.map(checkOf), `finding ${index} after its fixes`).not.toContain(check);
    }
    // and with all of them applied, only the findings without a fix remain
    if (out.fixes.length > 0) {
      const again = diagnoseWithFixes(scenario, out.fixes);
      const unanswered = out.findings.filter((_f, i) => !fixedFindings.includes(i)).map(checkOf);
      expect(again.findings.map(checkOf)).toEqual(unanswered);
    }
  });
});
