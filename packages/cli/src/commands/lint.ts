import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Catalog,
  createCatalog,
  type FileLintFinding,
  LINT_POLICY_KINDS,
  type LintPolicyKind,
  lintText,
  type Severity,
} from '@whydenied/core';
import { LINT_RULES } from '@whydenied/core/lint';
import { createNodeCatalogSource } from '../catalog-source.js';
import { EXIT_OK, firstProblem, inputError, usageError } from '../cli-error.js';
import { type CliIo, type InputText, readInput } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
import { type SarifResultInput, type SarifRuleInput, toSarif } from '../render/sarif.js';
import { terminalSafe } from '../render/terminal-safe.js';
import type { CommandSpec } from './command.js';

type KindOption = LintPolicyKind | 'auto';

const KINDS: readonly KindOption[] = [...LINT_POLICY_KINDS, 'auto'];

/** One finding in the JSON of the contract: `{ file, code, severity, message, path, line, column }`. */
interface JsonFinding {
  readonly file: string;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly help?: string;
  /** The policy, in a file of several (account details, organization snapshot, plan, template). */
  readonly policy?: string;
  /** The Terraform address or template logical id that holds the policy. */
  readonly resource?: string;
  readonly endLine: number;
  readonly endColumn: number;
}

/** `--fail-on` levels, least serious first: a finding at or above the level exits 3. */
const FAIL_ON: readonly Severity[] = ['info', 'warning', 'error'];

/** The gate `--fail-on` asks for: the command ran and found findings at that level (contract). */
const EXIT_FINDINGS = 3;

function parseKind(value: string): KindOption {
  if ((KINDS as readonly string[]).includes(value)) return value as KindOption;
  throw usageError(`--kind must be one of ${KINDS.join(', ')}, got \`${value}\``);
}

/** `file:line:column: severity code: message`, then the help indented below. */
export function renderLintText(findings: readonly JsonFinding[], files: number): string {
  const lines: string[] = [];
  for (const f of findings) {
    const where = f.policy === undefined ? '' : ` (${f.policy})`;
    lines.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}${where}`);
    if (f.help !== undefined) lines.push(`  help: ${f.help}`);
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    findings.length === 0
      ? `no problems found in ${count(files, 'file')}`
      : `${count(findings.length, 'finding')} in ${count(files, 'file')}`,
  );
  return `${lines.join('\n')}\n`;
}

function toJsonFinding(file: string, f: FileLintFinding): JsonFinding {
  return {
    file,
    code: f.code,
    severity: f.severity,
    message: f.message,
    path: f.path,
    line: f.span.start.line,
    column: f.span.start.column,
    ...(f.help === undefined ? {} : { help: f.help }),
    ...(f.policy === undefined ? {} : { policy: f.policy.name }),
    ...(f.policy?.resource === undefined ? {} : { resource: f.policy.resource }),
    endLine: f.span.end.line,
    endColumn: f.span.end.column,
  };
}

function parseFailOn(value: string | undefined): Severity | null {
  if (value === undefined) return null;
  if ((FAIL_ON as readonly string[]).includes(value)) return value as Severity;
  throw usageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got \`${value}\``);
}

/** Pages for the findings that are no rule of the registry: grammar and input problems. */
const GRAMMAR_PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html';
const TERRAFORM_JSON_PAGE = 'https://developer.hashicorp.com/terraform/internals/json-format';

/** The SARIF rule of every code the findings name: registry rules with their metadata, others generic. */
function sarifRules(findings: readonly JsonFinding[]): SarifRuleInput[] {
  const rules: SarifRuleInput[] = Object.values(LINT_RULES).map((rule) => {
    const help = Object.values(rule.meta.messages).find((m) => m.help !== undefined)?.help;
    return {
      id: rule.meta.id,
      description: rule.meta.description,
      help: help ?? rule.meta.description,
      helpUri: rule.meta.docsUrl,
      severity: rule.meta.severity,
    };
  });
  const known = new Set(rules.map((r) => r.id));
  for (const f of findings) {
    if (known.has(f.code)) continue;
    known.add(f.code);
    const unknownValue = f.code === 'lint-unknown-until-apply';
    rules.push({
      id: f.code,
      description: unknownValue
        ? 'a policy known only after apply cannot be linted from the plan'
        : 'the policy does not follow the IAM policy grammar',
      help:
        f.help ??
        (unknownValue ? 'lint the plan of a later apply, or the applied policy' : 'see the policy grammar'),
      helpUri: unknownValue ? TERRAFORM_JSON_PAGE : GRAMMAR_PAGE,
      severity: unknownValue ? 'info' : 'error',
    });
  }
  return rules;
}

function toSarifResult(f: JsonFinding): SarifResultInput {
  const where = [f.policy, f.path === '' ? undefined : f.path]
    .filter((x): x is string => x !== undefined)
    .join(' ');
  return {
    ruleId: f.code,
    severity: f.severity as Severity,
    message: f.help === undefined ? f.message : `${f.message}\n\n${f.help}`,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(where === '' ? {} : { logicalLocation: where }),
  };
}

/**
 * The files a path names: the file itself, or, for a directory (a CDK `cdk.out`), every
 * `*.template.json` in it and in its nested assemblies (`assembly-*`, one per CDK stage).
 */
async function filesOf(path: string, io: CliIo): Promise<InputText[]> {
  if (path === '-') return [await readInput(path, io)];
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isDirectory()) return [await readInput(path, io)];
  const templates: string[] = [];
  const visit = async (dir: string, depth: number) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const at = join(dir, entry.name);
      if (entry.isFile() && entry.name.endsWith('.template.json')) templates.push(at);
      else if (entry.isDirectory() && entry.name.startsWith('assembly-') && depth < 4)
        await visit(at, depth + 1);
    }
  };
  await visit(path, 0);
  if (templates.length === 0) {
    throw inputError(`${path}: a directory without \`*.template.json\` (expected a CDK \`cdk.out\`)`);
  }
  return Promise.all(templates.map((t) => readInput(t, io)));
}

let catalog: Catalog | undefined;

/**
 * `whydenied lint FILE...`: checks policies for problems that cause or hide access failures, where
 * they live: policy files, account authorization details, organization snapshots, Terraform plans,
 * CloudFormation/SAM templates (JSON or YAML) and CDK `cdk.out` directories. Exits 0 when it ran,
 * whatever it found (findings are an answer, as a deny is for `simulate`), or 3 with `--fail-on LEVEL`
 * when a finding reaches LEVEL; 1 when a file cannot be read or is not JSON or a YAML template; 2 on
 * wrong usage.
 */
export const lintCommand: CommandSpec = {
  name: 'lint',
  summary:
    'check policies (files, account details, org snapshots, plans, templates) for problems that cause or hide access failures',
  formats: ['text', 'json', 'sarif'],
  configure(command) {
    command
      .usage('[--kind KIND] [--format text|json|sarif] [--fail-on error|warning|info] FILE...')
      .argument(
        '<files...>',
        'policy files, `get-account-authorization-details` output, organization snapshots, `terraform show -json` plans, CloudFormation/SAM templates, `cdk.out` directories (`-` for standard input)',
      )
      .option(
        '--kind <kind>',
        `the kind of a policy file: ${KINDS.join(', ')} (auto: a document with a Principal is a resource policy)`,
        'auto',
      )
      .option(
        '--fail-on <level>',
        `exit 3 when a finding is at this level or above: ${[...FAIL_ON].reverse().join(', ')}`,
      );
  },
  async run({ io, command, args }) {
    const options = command.opts<{ kind: string; format: OutputFormat; failOn?: string }>();
    const kind = parseKind(options.kind);
    const failOn = parseFailOn(options.failOn);
    const files = (args[0] as readonly string[] | undefined) ?? [];
    if (files.length === 0) throw usageError('lint needs at least one FILE');
    if (files.filter((f) => f === '-').length > 1)
      throw usageError('standard input (`-`) can be read only once');
    catalog ??= createCatalog(createNodeCatalogSource());
    const findings: JsonFinding[] = [];
    // read and lint every file before printing: an unusable file leaves no half answer
    let read = 0;
    for (const path of files) {
      for (const input of await filesOf(path, io)) {
        read += 1;
        const result = await lintText(input.text, catalog, { kind });
        if (!result.ok) throw inputError(firstProblem(result.diagnostics, input.name));
        for (const f of result.value.findings) findings.push(toJsonFinding(input.name, f));
      }
    }
    if (options.format === 'sarif') {
      const sarif = toSarif({
        tool: {
          name: 'whydenied',
          version: '0.1.0',
          informationUri: 'https://github.com/whydenied/whydenied',
        },
        rules: sarifRules(findings),
        results: findings.map(toSarifResult),
      });
      io.stdout.write(toJsonText(sarif));
    } else {
      io.stdout.write(
        options.format === 'json'
          ? toJsonText({ findings: findings.map(({ endLine: _l, endColumn: _c, ...f }) => f) })
          : terminalSafe(renderLintText(findings, read)),
      );
    }
    const gate = failOn === null ? -1 : FAIL_ON.indexOf(failOn);
    const reached = findings.some((f) => FAIL_ON.indexOf(f.severity as Severity) >= gate);
    return failOn !== null && reached ? EXIT_FINDINGS : EXIT_OK;
  },
};
