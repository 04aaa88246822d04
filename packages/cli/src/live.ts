import type { ContextValue, Diagnosis } from '@whydenied/core';
import type { ReadErrorOptions } from '@whydenied/core/errors';
import { firstProblem, inputError } from './cli-error.js';
import type { CliIo } from './io.js';

/** The live package's API, loaded only when a command goes live. */
type LiveModule = typeof import('@whydenied/aws');
export type LiveEvidence = import('@whydenied/aws').LiveEvidence;

/** How the user asked to reach AWS. */
export interface LiveOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly all?: boolean;
}

/**
 * Loads live mode (the AWS SDK) on demand: every other command starts without it. A missing package
 * is a one-line error.
 */
export async function loadLive(): Promise<LiveModule> {
  // the SDK warns on every run that its releases after January 2027 need Node 22; the lock file
  // pins SDK versions that run on Node 20, whydenied's runtime, so the warning is noise on standard error
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    return await import('@whydenied/aws');
  } catch (error) {
    throw inputError(
      `live mode is not available: the @whydenied/aws package cannot be loaded (${(error as Error).message.split('\n')[0]})`,
    );
  }
}

/**
 * Gathers the evidence of one error from AWS, read-only, reporting each step on standard error (a
 * line per step; on a terminal, the line is rewritten in place).
 */
export async function gatherLive(
  errorText: string | null,
  request: {
    readonly options: ReadErrorOptions;
    readonly parameters: Readonly<Record<string, unknown>>;
    readonly context: Readonly<Record<string, ContextValue>>;
  },
  live: LiveOptions,
  io: CliIo,
): Promise<LiveEvidence> {
  const aws = await loadLive();
  const session = new aws.AwsSession({
    ...(live.profile === undefined ? {} : { profile: live.profile }),
    ...(live.region === undefined ? {} : { region: live.region }),
    // an AWS-compatible endpoint (`AWS_ENDPOINT_URL`, the SDK's own setting) serves buckets by path
    pathStyle: io.env.AWS_ENDPOINT_URL !== undefined || io.env.AWS_ENDPOINT_URL_S3 !== undefined,
  });
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let shown = false;
  const progress = (step: string) => {
    if (tty) {
      io.stderr.write(`\r\x1b[2K… ${step}`);
      shown = true;
    } else {
      io.stderr.write(`whydenied: ${step}\n`);
    }
  };
  try {
    const result = await aws.gatherEvidence(
      {
        errorText,
        options: request.options,
        parameters: request.parameters,
        context: request.context,
        ...(live.all === true ? { all: true } : {}),
      },
      session,
      progress,
    );
    if (!result.ok) throw inputError(firstProblem(result.diagnostics));
    return result.value;
  } finally {
    if (shown) io.stderr.write('\r\x1b[2K');
    session.close();
  }
}

/** The live options of a command's parsed flags. */
export function liveOptions(opts: { profile?: string; region?: string; all?: boolean }): LiveOptions {
  return {
    ...(opts.profile === undefined ? {} : { profile: opts.profile }),
    ...(opts.region === undefined ? {} : { region: opts.region }),
    ...(opts.all === true ? { all: true } : {}),
  };
}

/** What live mode adds to a diagnosis: the caller, what could not be read, AWS's simulator beside the engine, the calls. */
export interface LiveReport {
  readonly caller: LiveEvidence['caller'];
  readonly sameCaller: boolean | null;
  readonly gaps: LiveEvidence['gaps'];
  readonly notes: readonly string[];
  readonly simulator: readonly import('@whydenied/aws').SimulatorAgreement[];
  readonly calls: LiveEvidence['calls'];
  /** The least-privilege policy that lets live mode read everything, when something was denied. */
  readonly livePolicy: unknown;
}

/** The report of a live run against the diagnosis made with its evidence. */
export async function liveReport(live: LiveEvidence, diagnosis: Diagnosis): Promise<LiveReport> {
  const aws = await loadLive();
  return {
    caller: live.caller,
    sameCaller: live.sameCaller,
    gaps: live.gaps,
    notes: live.notes,
    simulator: aws.simulatorAgreement(live.simulation, diagnosis),
    calls: live.calls,
    livePolicy: live.gaps.some((g) => g.outcome === 'denied') ? aws.liveModePolicy() : null,
  };
}
