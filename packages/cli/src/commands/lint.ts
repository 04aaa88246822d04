import {
  type Catalog,
  createCatalog,
  LINT_POLICY_KINDS,
  type LintFinding,
  type LintPolicyKind,
  lintPolicyText,
} from '@whydenied/core';
import { createNodeCatalogSource } from '../catalog-source.js';
import { EXIT_OK, firstProblem, inputError, usageError } from '../cli-error.js';
import { readInput } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
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
}

function parseKind(value: string): KindOption {
  if ((KINDS as readonly string[]).includes(value)) return value as KindOption;
  throw usageError(`--kind must be one of ${KINDS.join(', ')}, got \`${value}\``);
}

/** `file:line:column: severity code: message`, then the help indented below. */
export function renderLintText(findings: readonly JsonFinding[], files: number): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}`);
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

function toJsonFinding(file: string, f: LintFinding): JsonFinding {
  return {
    file,
    code: f.code,
    severity: f.severity,
    message: f.message,
    path: f.path,
    line: f.span.start.line,
    column: f.span.start.column,
    ...(f.help === undefined ? {} : { help: f.help }),
  };
}

let catalog: Catalog | undefined;

/**
 * `whydenied lint FILE...`: checks policy documents for problems that cause or hide access failures.
 * Exits 0 when it ran, whatever it found (findings are an answer, as a deny is for `simulate`); 1 when
 * a file cannot be read or is not JSON; 2 on wrong usage.
 */
export const lintCommand: CommandSpec = {
  name: 'lint',
  summary: 'check policy documents for problems that cause or hide access failures',
  configure(command) {
    command
      .usage('[--kind KIND] [--format text|json] FILE...')
      .argument('<files...>', 'policy files (`-` for standard input)')
      .option(
        '--kind <kind>',
        `the kind of policy: ${KINDS.join(', ')} (auto: a document with a Principal is a resource policy)`,
        'auto',
      );
  },
  async run({ io, command, args }) {
    const options = command.opts<{ kind: string; format: OutputFormat }>();
    const kind = parseKind(options.kind);
    const files = (args[0] as readonly string[] | undefined) ?? [];
    if (files.length === 0) throw usageError('lint needs at least one FILE');
    if (files.filter((f) => f === '-').length > 1)
      throw usageError('standard input (`-`) can be read only once');
    catalog ??= createCatalog(createNodeCatalogSource());
    const findings: JsonFinding[] = [];
    // read and lint every file before printing: an unusable file leaves no half answer
    for (const path of files) {
      const input = await readInput(path, io);
      const result = await lintPolicyText(input.text, catalog, { kind });
      if (!result.ok) throw inputError(firstProblem(result.diagnostics, input.name));
      for (const f of result.value.findings) findings.push(toJsonFinding(input.name, f));
    }
    io.stdout.write(
      options.format === 'json'
        ? toJsonText({ findings })
        : terminalSafe(renderLintText(findings, files.length)),
    );
    return EXIT_OK;
  },
};
