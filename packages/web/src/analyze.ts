import {
  buildEvidence,
  checkFromDecoded,
  type DecodedCheck,
  type Diagnosis,
  diagnose,
  type Evidence,
  type EvidenceParts,
  parseDecodedMessage,
  parseJson,
  type RedactionMap,
  redact,
} from '@whydenied/core';
import { pageCatalog } from './catalog.js';
import { type EvidenceFile, type PageInputs, parseContextLines } from './inputs.js';

/** A problem with one input, shown next to it. */
export interface InputProblem {
  /** `error`, `decoded`, `context` or the evidence file's id. */
  readonly input: string;
  readonly message: string;
}

/** What the page shows for the current inputs. */
export interface Analysis {
  readonly diagnosis: Diagnosis | null;
  /** The evidence the diagnosis used (redacted when redaction is on). */
  readonly evidence: Evidence | null;
  readonly context: Record<string, string | string[]>;
  readonly problems: readonly InputProblem[];
  /** The redaction map, when redaction is on: what was replaced, and by what. */
  readonly redaction: RedactionMap | null;
  /** The inputs as diagnosed (redacted when redaction is on). */
  readonly errorText: string;
}

/** The analysis of empty inputs. */
export const EMPTY_ANALYSIS: Analysis = {
  diagnosis: null,
  evidence: null,
  context: {},
  problems: [],
  redaction: null,
  errorText: '',
};

function at(diagnostic: { span?: { start: { line: number; column: number } } }): string {
  const start = diagnostic.span?.start;
  return start === undefined ? '' : ` (line ${start.line}, column ${start.column})`;
}

/** Redacts every input with one map, so the same value gets the same stand-in everywhere. */
function redactAll(inputs: PageInputs): { inputs: PageInputs; map: RedactionMap } {
  let map: RedactionMap = { version: 1, entries: [] };
  const pass = (text: string): string => {
    if (text === '') return text;
    const result = redact(text, { map });
    map = result.map;
    return result.text;
  };
  const errorText = pass(inputs.errorText);
  const decodedText = pass(inputs.decodedText);
  const files = inputs.files.map((f): EvidenceFile => ({ ...f, text: pass(f.text), arn: pass(f.arn) }));
  const contextText = pass(inputs.contextText);
  return { inputs: { ...inputs, errorText, decodedText, files, contextText }, map };
}

/** A resource policy as `get-bucket-policy` and friends print it (`{"Policy": "<json>"}`) or the document. */
function unwrapResourcePolicy(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'Policy' in value) {
    const inner = (value as { Policy: unknown }).Policy;
    if (typeof inner === 'string') {
      const parsed = parseJson(inner);
      if (parsed.ok) return parsed.value;
    }
  }
  return value;
}

function readEvidence(
  files: readonly EvidenceFile[],
  context: Record<string, string | string[]>,
  problems: InputProblem[],
): Evidence | null {
  const accounts: unknown[] = [];
  const accountFiles: EvidenceFile[] = [];
  let organization: unknown;
  let orgFile: EvidenceFile | undefined;
  const policies: { arn: string; document: unknown }[] = [];
  const policyFiles: EvidenceFile[] = [];
  for (const file of files) {
    const parsed = parseJson(file.text);
    if (!parsed.ok) {
      problems.push({
        input: String(file.id),
        message: `${parsed.diagnostic.message}${at(parsed.diagnostic)}`,
      });
      continue;
    }
    if (file.kind === 'account') {
      accounts.push(parsed.value);
      accountFiles.push(file);
    } else if (file.kind === 'organization') {
      organization = parsed.value;
      orgFile = file;
    } else if (file.kind === 'resource-policy') {
      if (file.arn.trim() === '') {
        problems.push({ input: String(file.id), message: 'give the ARN of the resource this policy is on' });
        continue;
      }
      policies.push({ arn: file.arn.trim(), document: unwrapResourcePolicy(parsed.value) });
      policyFiles.push(file);
    }
  }
  if (accounts.length === 0 && orgFile === undefined && policies.length === 0) return null;
  const parts: EvidenceParts = {
    accounts,
    ...(orgFile === undefined ? {} : { organization }),
    resourcePolicies: policies,
    context,
  };
  const built = buildEvidence(parts);
  if (built.ok) return built.value;
  for (const d of built.diagnostics) {
    const m = /^\/(accounts|organization|resourcePolicies)(?:\/(\d+))?/.exec(d.path);
    const index = Number(m?.[2] ?? 0);
    const file =
      m?.[1] === 'accounts' ? accountFiles[index] : m?.[1] === 'organization' ? orgFile : policyFiles[index];
    problems.push({
      input: file === undefined ? 'evidence' : String(file.id),
      message: `${d.message} at \`${d.path}\``,
    });
  }
  return null;
}

function readDecoded(text: string, problems: InputProblem[]): DecodedCheck | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseDecodedMessage(text);
  if (!parsed.ok) {
    problems.push({ input: 'decoded', message: `${parsed.diagnostic.message}${at(parsed.diagnostic)}` });
    return undefined;
  }
  const check = checkFromDecoded(parsed.value);
  if (check === null) {
    problems.push({ input: 'decoded', message: 'the decoded message names no action' });
    return undefined;
  }
  return check;
}

/**
 * Runs the same pipeline as `whydenied diagnose`: redaction first when asked (one map for every
 * input), then the evidence, the decoded message and the diagnosis, all in the page.
 */
export async function analyze(original: PageInputs): Promise<Analysis> {
  const redacted = original.redactOn ? redactAll(original) : null;
  const inputs = redacted?.inputs ?? original;
  const problems: InputProblem[] = [];
  const context = parseContextLines(inputs.contextText);
  const evidence = readEvidence(inputs.files, context, problems);
  const decoded = readDecoded(inputs.decodedText, problems);
  let diagnosis: Diagnosis | null = null;
  if (inputs.errorText.trim() !== '') {
    const result = await diagnose({
      errorText: inputs.errorText,
      options: inputs.event === '' ? {} : { event: inputs.event },
      catalog: pageCatalog(),
      ...(evidence === null ? {} : { evidence }),
      ...(decoded === undefined ? {} : { decoded }),
      context,
    });
    if (result.ok) diagnosis = result.value;
    else problems.push({ input: 'error', message: `${result.diagnostic.message}${at(result.diagnostic)}` });
  }
  return {
    diagnosis,
    evidence,
    context,
    problems,
    redaction: redacted?.map ?? null,
    errorText: inputs.errorText,
  };
}
