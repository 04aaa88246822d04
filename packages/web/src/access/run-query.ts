import { type Catalog, formatDiagnostic } from '@whydenied/core';
import { type WhatCanResult, whatCan, whoCan } from '@whydenied/core/access';
import { analyzePage, type PageAnalysis } from '../analyze.js';
import type { PageInputs } from '../inputs.js';
import { isUnless } from './condition-effect.js';
import type { AccessOutcome, AccessQuery, WhatCanView } from './messages.js';

/** The analysis the last query read its evidence from, kept while the evidence inputs stay the same. */
let last: { inputs: PageInputs; analysis: Promise<PageAnalysis> } | null = null;

/** Whether two inputs give the same evidence (texts compared as strings: cheap beside a reading). */
function sameEvidence(a: PageInputs, b: PageInputs): boolean {
  return (
    a.redactOn === b.redactOn &&
    a.contextText === b.contextText &&
    // with redaction on, the error's names take part in the stand-ins the evidence gets
    (!a.redactOn || (a.errorText === b.errorText && a.decodedText === b.decodedText)) &&
    a.files.length === b.files.length &&
    a.files.every((f, i) => {
      const g = b.files[i];
      return g !== undefined && f.id === g.id && f.kind === g.kind && f.arn === g.arn && f.text === g.text;
    })
  );
}

/**
 * The evidence as the page's own analysis reads it (the same pipeline, so the same redaction and the
 * same problems); the error is left out unless redaction is on, as only its stand-ins matter here.
 */
function evidenceAnalysis(inputs: PageInputs, catalog: Catalog): Promise<PageAnalysis> {
  if (last !== null && sameEvidence(last.inputs, inputs)) return last.analysis;
  const reading = inputs.redactOn ? inputs : { ...inputs, errorText: '', decodedText: '', event: '' };
  const analysis = analyzePage(reading, catalog);
  last = { inputs, analysis };
  return analysis;
}

/**
 * Runs one access query over the evidence the user dropped: `whoCan` or `whatCan` of core, on the
 * evidence core's `analyze` reads from the page's inputs. Nothing is parsed here.
 */
export async function runAccessQuery(
  inputs: PageInputs,
  query: AccessQuery,
  catalog: Catalog,
  onProgress: (done: number, total: number) => void,
): Promise<AccessOutcome> {
  const analysis = await evidenceAnalysis(inputs, catalog);
  const evidence = analysis.evidence;
  const problem = analysis.problems.find((p) => p.input !== 'error' && p.input !== 'decoded');
  if (evidence === null) {
    return { ok: false, message: problem?.message ?? 'drop an account authorization details file first' };
  }
  if (query.type === 'who-can') {
    const result = whoCan(
      evidence,
      { action: query.action.trim(), resource: query.resource.trim() },
      { onProgress },
    );
    return result.ok
      ? { ok: true, type: 'who-can', value: result.value }
      : {
          ok: false,
          message: result.diagnostics.map((d) => formatDiagnostic(d, { source: false })).join('; '),
        };
  }
  const service = query.service.trim();
  const result = await whatCan(evidence, query.principal, {
    catalog,
    ...(service === '' ? {} : { service }),
  });
  return result.ok
    ? { ok: true, type: 'what-can', value: whatCanView(result.value) }
    : {
        ok: false,
        message: result.diagnostics.map((d) => formatDiagnostic(d, { source: false })).join('; '),
      };
}

/** The rows the panel shows of a what-can result (see {@link WhatCanView}). */
function whatCanView(result: WhatCanResult): WhatCanView {
  return {
    principal: result.principal,
    grants: result.grants.map((g) => ({
      action: g.action,
      accessLevel: g.accessLevel,
      resourceType: g.resourceType,
      resource: g.resource,
      except: g.except,
      conditions: [...new Set(g.conditions.map((c) => `${isUnless(c.effect) ? 'unless ' : ''}${c.key}`))],
      escalation: g.escalation === null ? null : { code: g.escalation.code, summary: g.escalation.summary },
      via: g.via?.policy ?? null,
    })),
    unknownActions: result.unknownActions.length,
    notes: [...result.missingEvidence.map((m) => m.message), ...result.limits.map((l) => l.message)],
  };
}
