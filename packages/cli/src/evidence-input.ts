import {
  buildEvidence,
  type ContextValue,
  createPointerLocator,
  type Diagnostic,
  type Evidence,
  parseJson,
} from '@whydenied/core';
import { inputError, usageError } from './cli-error.js';
import { type CliIo, readInput } from './io.js';

/** The evidence options of `diagnose`, as commander collects them. */
export interface EvidenceOptions {
  readonly account?: readonly string[];
  readonly org?: string;
  readonly resourcePolicy?: readonly string[];
  readonly context?: readonly string[];
}

interface JsonFile {
  readonly name: string;
  readonly text: string;
  readonly value: unknown;
}

/**
 * Reads the evidence files and `--context` values. A file that is not JSON, or whose content does not
 * validate, fails with one line naming the file, line and column.
 */
export async function readEvidence(
  options: EvidenceOptions,
  io: CliIo,
): Promise<{
  evidence: Evidence | undefined;
  context: Record<string, ContextValue>;
}> {
  const context = parseContext(options.context ?? []);
  const accounts = await Promise.all((options.account ?? []).map((f) => readJsonFile(f, io)));
  const org = options.org === undefined ? undefined : await readJsonFile(options.org, io);
  const policies = await Promise.all(
    (options.resourcePolicy ?? []).map(async (spec) => {
      const at = spec.lastIndexOf('=');
      if (at <= 0 || at === spec.length - 1) {
        throw usageError(`--resource-policy takes ARN=FILE, got \`${spec}\``);
      }
      return { arn: spec.slice(0, at), file: await readJsonFile(spec.slice(at + 1), io) };
    }),
  );
  if (accounts.length === 0 && org === undefined && policies.length === 0) {
    return { evidence: undefined, context };
  }
  const built = buildEvidence({
    accounts: accounts.map((a) => a.value),
    ...(org === undefined ? {} : { organization: org.value }),
    resourcePolicies: policies.map((p) => ({ arn: p.arn, document: p.file.value })),
    context,
  });
  if (!built.ok) {
    throw inputError(describe(built.diagnostics, { accounts, org, policies: policies.map((p) => p.file) }));
  }
  return { evidence: built.value, context };
}

/** `KEY=VALUE` pairs; a key given several times becomes a multi-valued key. */
function parseContext(pairs: readonly string[]): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw usageError(`--context takes KEY=VALUE, got \`${pair}\``);
    }
    const key = pair.slice(0, at);
    const value = pair.slice(at + 1);
    const existing = context[key];
    context[key] =
      existing === undefined ? value : [...(typeof existing === 'string' ? [existing] : existing), value];
  }
  return context;
}

async function readJsonFile(path: string, io: CliIo): Promise<JsonFile> {
  const input = await readInput(path, io);
  const parsed = parseJson(input.text);
  if (!parsed.ok) {
    const start = parsed.diagnostic.span?.start;
    throw inputError(
      `${input.name}${start ? `:${start.line}:${start.column}` : ''}: ${parsed.diagnostic.message}`,
    );
  }
  return { name: input.name, text: input.text, value: parsed.value };
}

/** The first diagnostic as one line: the file it is in, the line and column, the message. */
function describe(
  diagnostics: readonly Diagnostic[],
  files: { accounts: readonly JsonFile[]; org: JsonFile | undefined; policies: readonly JsonFile[] },
): string {
  const first = diagnostics[0];
  if (first === undefined) return 'the evidence is invalid';
  const m = /^\/(accounts|organization|resourcePolicies)(?:\/(\d+))?(.*)$/.exec(first.path);
  const part = m?.[1];
  const index = Number(m?.[2] ?? 0);
  let file: JsonFile | undefined;
  let pointer = m?.[3] ?? '';
  if (part === 'accounts') file = files.accounts[index];
  else if (part === 'organization') {
    file = files.org;
    pointer = `${m?.[2] === undefined ? '' : `/${m[2]}`}${m?.[3] ?? ''}`;
  } else if (part === 'resourcePolicies') {
    file = files.policies[index];
    pointer = pointer.replace(/^\/document/, '');
  }
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
  if (file === undefined) return `${first.message}${more}`;
  const { start } = createPointerLocator(file.text).locate(pointer);
  return `${file.name}:${start.line}:${start.column}: ${first.message}${more}`;
}
