import type { DecodedMessage } from '../decoded/decoded-model.js';
import { parseDecodedMessage } from '../decoded/parse-decoded.js';
import { decodedAction } from '../diagnose/checks-for-failure.js';
import { type DiagnoseInput, type Diagnosis, diagnose } from '../diagnose/diagnose.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import type { ContextValue } from '../engine/request.js';
import { readCloudTrail } from '../errors/cloudtrail.js';
import type { ReadErrorOptions } from '../errors/read-error.js';
import { buildEvidence, type Evidence } from '../evidence/evidence.js';
import { parseJson } from '../json/parse-json.js';
import { createScanningLocator, type PointerLocator } from '../json/pointer-position.js';
import { redactAll } from '../redact/redact.js';
import type { RedactionMap } from '../redact/redaction-map.js';
import { INPUT_KIND_NAME, type InputKind, recognizeParsed } from './input-kind.js';

/** One input as a front end has it: a file's or a field's text, and what it is when the user said so. */
export interface AnalyzeInput {
  /** How messages name the input: a file name, `<stdin>`, the name of a pasted field. */
  readonly id: string;
  /** What the input holds; recognised from its content when left out. */
  readonly kind?: InputKind;
  readonly text: string;
  /** For a resource-based policy: the ARN of the resource it is attached to. */
  readonly arn?: string;
}

/**
 * What the inputs do not say, and how to analyse them: what the error reader takes (the caller, action
 * and resource when the error does not name them, the CloudTrail event), and what `diagnose` takes
 * besides the inputs (context values, call parameters, the catalog).
 */
export interface AnalyzeOptions
  extends ReadErrorOptions,
    Pick<DiagnoseInput, 'context' | 'parameters' | 'catalog' | 'fixDirectory' | 'invocation'> {
  /** Redacts every input (and context value) with one map before anything reads it. */
  readonly redact?: boolean;
}

/** One input as it was analysed: its kind, and its text (redacted when redaction was asked for). */
export interface AnalyzedInput {
  readonly id: string;
  readonly kind: InputKind | null;
  readonly text: string;
  readonly arn?: string;
}

/** Everything the front ends render: the diagnosis, or the diagnostics that stopped it. */
export interface Analysis {
  /** `null` when an input was unusable (see `diagnostics`) or no error was given. */
  readonly diagnosis: Diagnosis | null;
  /** Problems with the inputs, each naming its input in `source`, with line and column where known. */
  readonly diagnostics: readonly Diagnostic[];
  readonly inputs: readonly AnalyzedInput[];
  /** The evidence the diagnosis used, for what-if evaluations; `null` without evidence. */
  readonly evidence: Evidence | null;
  /** The context values as used (redacted when redaction was asked for). */
  readonly context: Readonly<Record<string, ContextValue>>;
  /** The failed call's parameters as used (redacted when redaction was asked for). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** What redaction replaced, and by what; `null` when redaction was not asked for. */
  readonly redaction: RedactionMap | null;
  /** The failed events of a CloudTrail error input, denials first, to pick one by `event`; else empty. */
  readonly failedEvents: readonly FailedEvent[];
}

/** One failed event of a CloudTrail input, as a front end offers it for choosing. */
export interface FailedEvent {
  /** 1-based position among the failed events (denials first), as the `event` option takes it. */
  readonly position: string;
  readonly eventName: string | null;
  readonly errorCode: string;
  readonly eventId: string | null;
  readonly requestId: string | null;
}

/**
 * The one entry of every front end: recognises each input's kind (or checks the kind the user gave
 * against the content), parses and validates it, reports problems as diagnostics naming the input
 * with line and column, and diagnoses the error with the evidence. Front ends read files or fields
 * and render the result; they parse nothing themselves.
 */
export async function analyze(request: {
  readonly inputs: readonly AnalyzeInput[];
  readonly options?: AnalyzeOptions;
}): Promise<Analysis> {
  const options = request.options ?? {};
  const redacted =
    options.redact === true
      ? redactEverything(request.inputs, options.context ?? {}, options.parameters ?? {})
      : null;
  const given = redacted?.inputs ?? request.inputs;
  const context = redacted?.context ?? options.context ?? {};
  const callParameters = redacted?.parameters ?? options.parameters ?? {};
  const diagnostics: Diagnostic[] = [];
  const refused = new Set<AnalyzedInput>();
  const jsonOfInput = new Map<AnalyzedInput, Result<unknown>>();
  const inputs = given.map((input): AnalyzedInput => {
    const before = diagnostics.length;
    // each input is read as JSON once: to recognise it, to check a given kind, to read evidence
    const json = parseJson(input.text);
    const kind = kindOf(input, json, diagnostics);
    const analyzed = {
      id: input.id,
      kind,
      text: input.text,
      ...(input.arn === undefined ? {} : { arn: input.arn }),
    };
    if (diagnostics.length > before) refused.add(analyzed);
    jsonOfInput.set(analyzed, json);
    return analyzed;
  });
  // an input refused for its shape is not read further: its content would only add noise
  const usable = inputs.filter((i) => !refused.has(i));
  const errors = usable.filter((i) => i.kind === 'error');
  for (const extra of errors.slice(1)) {
    diagnostics.push(
      fail(
        'input-error-twice',
        `only one error is diagnosed at a time; \`${errors[0]?.id}\` is one`,
        extra.id,
      ),
    );
  }
  for (const kind of ['decoded', 'organization'] as const) {
    const same = usable.filter((i) => i.kind === kind);
    for (const extra of same.slice(1)) {
      diagnostics.push(
        fail('input-twice', `${INPUT_KIND_NAME[kind]} is given twice (also \`${same[0]?.id}\`)`, extra.id),
      );
    }
  }
  const evidence = readEvidence(usable, jsonOfInput, context, diagnostics);
  const decoded = readDecoded(
    usable.find((i) => i.kind === 'decoded'),
    diagnostics,
  );
  const error = errors[0];
  let diagnosis: Diagnosis | null = null;
  if (error !== undefined && !diagnostics.some((d) => d.severity === 'error')) {
    const {
      context: _given,
      parameters: _parameters,
      catalog,
      redact: _redact,
      fixDirectory,
      invocation,
      ...reading
    } = options;
    const result = await diagnose({
      errorText: error.text,
      options: reading,
      ...(catalog === undefined ? {} : { catalog }),
      ...(evidence === null ? {} : { evidence }),
      ...(decoded === undefined ? {} : { decoded }),
      context,
      parameters: callParameters,
      ...(fixDirectory === undefined ? {} : { fixDirectory }),
      ...(invocation === undefined ? {} : { invocation }),
    });
    if (result.ok) diagnosis = result.value;
    else for (const d of result.diagnostics) diagnostics.push({ ...d, source: d.source ?? error.id });
  }
  return {
    diagnosis,
    diagnostics,
    inputs,
    evidence,
    context,
    parameters: callParameters,
    redaction: redacted?.map ?? null,
    failedEvents: error === undefined ? [] : failedEventsOf(error.text),
  };
}

/** The failed events of CloudTrail text; empty for any other error text. */
function failedEventsOf(text: string): FailedEvent[] {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return [];
  const parsed = parseJson(text);
  const trail = parsed.ok ? readCloudTrail(parsed.value) : null;
  return (trail?.failures ?? []).map((f, i) => ({
    position: String(i + 1),
    eventName: f.eventName,
    errorCode: f.errorCode,
    eventId: f.eventId,
    requestId: f.requestId,
  }));
}

function fail(code: string, message: string, source: string, help?: string): Diagnostic {
  return { code, severity: 'error', message, path: '', source, ...(help === undefined ? {} : { help }) };
}

/** The kind the user gave, checked against the content, or the kind the content shows. */
function kindOf(input: AnalyzeInput, parsed: Result<unknown>, diagnostics: Diagnostic[]): InputKind | null {
  const seen = recognizeParsed(input.text, parsed);
  if (input.kind === undefined) {
    if (seen === null && input.text.trim() !== '') {
      diagnostics.push(
        ...(parsed.ok
          ? [
              fail(
                'input-unrecognized',
                'this is neither an AWS error, a decoded message, account authorization details, an organization snapshot nor a resource-based policy',
                input.id,
              ),
            ]
          : parsed.diagnostics.map((d) => ({ ...d, source: input.id }))),
      );
    }
    return seen;
  }
  // an error as pasted may be anything a tool printed, and a decoded message may come with text around
  // it; only JSON that plainly holds another kind is refused (an error given as evidence too: an
  // organization snapshot read as an error finds its policy names where error codes stand)
  if (seen !== null && seen !== input.kind && parsed.ok) {
    diagnostics.push(
      fail(
        'input-kind-mismatch',
        `this holds ${INPUT_KIND_NAME[seen]}, not ${INPUT_KIND_NAME[input.kind]}`,
        input.id,
      ),
    );
  }
  return input.kind;
}

/** The JSON value of an evidence input (read once), or a syntax diagnostic naming it with line and column. */
function jsonOf(input: AnalyzedInput, parsed: Result<unknown>, diagnostics: Diagnostic[]): Result<unknown> {
  if (!parsed.ok) for (const d of parsed.diagnostics) diagnostics.push({ ...d, source: input.id });
  return parsed;
}

function readEvidence(
  inputs: readonly AnalyzedInput[],
  json: ReadonlyMap<AnalyzedInput, Result<unknown>>,
  context: Readonly<Record<string, ContextValue>>,
  diagnostics: Diagnostic[],
): Evidence | null {
  const accounts: { input: AnalyzedInput; value: unknown }[] = [];
  const policies: { input: AnalyzedInput; arn: string; value: unknown }[] = [];
  let organization: { input: AnalyzedInput; value: unknown } | null = null;
  for (const input of inputs) {
    if (input.kind !== 'account' && input.kind !== 'organization' && input.kind !== 'resource-policy')
      continue;
    const read = jsonOf(input, json.get(input) ?? parseJson(input.text), diagnostics);
    if (!read.ok) continue;
    if (input.kind === 'account') accounts.push({ input, value: read.value });
    else if (input.kind === 'organization') organization ??= { input, value: read.value };
    else if (input.arn === undefined || input.arn.trim() === '') {
      diagnostics.push(
        fail(
          'resource-policy-arn-missing',
          'a resource-based policy needs the ARN of the resource it is attached to',
          input.id,
        ),
      );
    } else policies.push({ input, arn: input.arn.trim(), value: read.value });
  }
  if (accounts.length === 0 && organization === null && policies.length === 0) return null;
  const built = buildEvidence({
    accounts: accounts.map((a) => a.value),
    ...(organization === null ? {} : { organization: organization.value }),
    resourcePolicies: policies.map((p) => ({ arn: p.arn, document: p.value })),
    context,
  });
  if (built.ok) return built.value;
  // one locator per input for all its problems (a tree of the whole file per problem was quadratic)
  const locators = new Map<AnalyzedInput, PointerLocator>();
  const locatorOf = (owner: AnalyzedInput): PointerLocator => {
    let locator = locators.get(owner);
    if (locator === undefined) {
      locator = createScanningLocator(owner.text);
      locators.set(owner, locator);
    }
    return locator;
  };
  for (const d of built.diagnostics) {
    const m = /^\/(accounts|organization|resourcePolicies)(?:\/(\d+))?(.*)$/.exec(d.path);
    const index = Number(m?.[2] ?? 0);
    let owner: AnalyzedInput | undefined;
    let pointer = m?.[3] ?? '';
    if (m?.[1] === 'accounts') owner = accounts[index]?.input;
    else if (m?.[1] === 'organization') {
      owner = organization?.input;
      pointer = `${m[2] === undefined ? '' : `/${m[2]}`}${pointer}`;
    } else if (m?.[1] === 'resourcePolicies') {
      owner = policies[index]?.input;
      pointer = pointer.replace(/^\/document/, '');
    }
    if (owner === undefined) {
      diagnostics.push(d);
      continue;
    }
    const span = pointer.startsWith('/arn') ? undefined : locatorOf(owner).locate(pointer);
    diagnostics.push({ ...d, path: pointer, source: owner.id, ...(span === undefined ? {} : { span }) });
  }
  return null;
}

/** A decoded message that names an action, or a diagnostic naming the input. */
function readDecoded(
  input: AnalyzedInput | undefined,
  diagnostics: Diagnostic[],
): DecodedMessage | undefined {
  if (input === undefined) return undefined;
  const parsed = parseDecodedMessage(input.text);
  if (!parsed.ok) {
    for (const d of parsed.diagnostics) diagnostics.push({ ...d, source: input.id });
    return undefined;
  }
  if (decodedAction(parsed.value) === null) {
    diagnostics.push(fail('decoded-no-action', 'the decoded message names no action', input.id));
    return undefined;
  }
  return parsed.value;
}

/** Where a parameter's string waits while every text is redacted together. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * Redacts every input, its ARN, the context values and the call's parameters together, with one map:
 * a value gets one stand-in everywhere, a name met in one input is replaced in all, and a network or
 * pattern of a policy keeps holding what it held (see `redactAll`).
 */
function redactEverything(
  inputs: readonly AnalyzeInput[],
  context: Readonly<Record<string, ContextValue>>,
  parameters: Readonly<Record<string, unknown>>,
): {
  inputs: AnalyzeInput[];
  context: Record<string, ContextValue>;
  parameters: Readonly<Record<string, unknown>>;
  map: RedactionMap;
} {
  // every text is gathered first, redacted in one call, then put back where it came from
  const texts: string[] = [];
  const slot = (text: string): number => texts.push(text) - 1;
  const inputSlots = inputs.map((input) => ({
    text: slot(input.text),
    arn: input.arn === undefined ? undefined : slot(input.arn),
  }));
  const contextSlots = Object.entries(context).map(
    ([key, value]) => [key, typeof value === 'string' ? slot(value) : value.map(slot)] as const,
  );
  // the call's parameters name subnets, images and groups: every string in them, nested or listed
  const slotValue = (value: unknown): unknown =>
    typeof value === 'string'
      ? new Slot(slot(value))
      : Array.isArray(value)
        ? value.map(slotValue)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, slotValue(v)]))
          : value;
  const parameterSlots = slotValue(parameters);
  const { texts: redacted, map } = redactAll(texts);
  const at = (i: number): string => redacted[i] ?? '';
  const redactedInputs = inputs.map(
    (input, i): AnalyzeInput => ({
      ...input,
      text: at(inputSlots[i]?.text ?? -1),
      ...(inputSlots[i]?.arn === undefined ? {} : { arn: at(inputSlots[i]?.arn ?? -1) }),
    }),
  );
  const redactedContext: Record<string, ContextValue> = {};
  for (const [key, value] of contextSlots) {
    redactedContext[key] = typeof value === 'number' ? at(value) : value.map(at);
  }
  const fill = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(fill)
      : value instanceof Slot
        ? at(value.index)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]))
          : value;
  const redactedParameters = fill(parameterSlots) as Readonly<Record<string, unknown>>;
  return { inputs: redactedInputs, context: redactedContext, parameters: redactedParameters, map };
}
