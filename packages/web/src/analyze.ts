import {
  type Analysis,
  type AnalyzeInput,
  analyze,
  type Catalog,
  formatDiagnostic,
  parseContextPairs,
  parseParameterPairs,
} from '@whydenied/core';
import { pageCatalog } from './catalog.js';
import type { PageInputs } from './inputs.js';

/** A problem with one input, shown next to it. */
export interface InputProblem {
  /** `error`, `decoded`, `context` or the evidence file's id. */
  readonly input: string;
  readonly message: string;
}

/** What the page shows for the current inputs: core's analysis, and its problems by input. */
export interface PageAnalysis extends Analysis {
  readonly problems: readonly InputProblem[];
  /** The error text as diagnosed (redacted when redaction is on). */
  readonly errorText: string;
}

/** The analysis of empty inputs. */
export const EMPTY_ANALYSIS: PageAnalysis = {
  diagnosis: null,
  diagnostics: [],
  inputs: [],
  evidence: null,
  context: {},
  parameters: {},
  redaction: null,
  failedEvents: [],
  problems: [],
  errorText: '',
};

/** The core's inputs for the page's fields: each names its field (or evidence file id) as `id`. */
export function pageInputsToCore(inputs: PageInputs): AnalyzeInput[] {
  return [
    ...(inputs.errorText.trim() === ''
      ? []
      : [{ id: 'error', kind: 'error' as const, text: inputs.errorText }]),
    ...(inputs.decodedText.trim() === ''
      ? []
      : [{ id: 'decoded', kind: 'decoded' as const, text: inputs.decodedText }]),
    ...inputs.files.flatMap((f): AnalyzeInput[] =>
      f.kind === 'ignored'
        ? []
        : [
            {
              id: String(f.id),
              text: f.text,
              ...(f.kind === null ? {} : { kind: f.kind }),
              ...(f.kind === 'resource-policy' ? { arn: f.arn } : {}),
            },
          ],
    ),
  ];
}

/**
 * The page's pipeline: its fields and dropped files into core's `analyze` (redaction first when asked),
 * its diagnostics placed beside the field they name. Nothing is parsed here.
 */
export async function analyzePage(
  inputs: PageInputs,
  catalog: Catalog = pageCatalog(),
): Promise<PageAnalysis> {
  const context = parseContextPairs(inputs.contextText.split('\n'), 'context');
  const parameters = parseParameterPairs(inputs.parametersText.split('\n'), 'parameters');
  const analysis = await analyze({
    inputs: pageInputsToCore(inputs),
    options: {
      ...(inputs.event === '' ? {} : { event: inputs.event }),
      context: context.ok ? context.value : {},
      parameters: parameters.ok ? parameters.value : {},
      catalog,
      redact: inputs.redactOn,
    },
  });
  const diagnostics = [
    ...(context.ok ? [] : context.diagnostics),
    ...(parameters.ok ? [] : parameters.diagnostics),
    ...analysis.diagnostics,
  ];
  return {
    ...analysis,
    diagnostics,
    problems: diagnostics.map((d) => ({
      input: d.source ?? 'error',
      // shown beside its field: the message says where in it, not which input it is
      message: formatDiagnostic(d, { source: false }),
    })),
    errorText: analysis.inputs.find((i) => i.id === 'error')?.text ?? '',
  };
}
