import type { AnalyzeInput, InputKind } from '@whydenied/core';
import { usageError } from './cli-error.js';
import { type CliIo, readInput } from './io.js';

/** The evidence options the commands share, as commander gives them. */
export interface EvidenceOptions {
  /** `--account FILE`, repeated: `aws iam get-account-authorization-details` outputs. */
  readonly account?: readonly string[];
  /** `--org FILE`: an organization snapshot. */
  readonly org?: string;
  /** `--resource-policy ARN=FILE`, repeated: the resource-based policy of ARN. */
  readonly resourcePolicy?: readonly string[];
}

/**
 * Reads the evidence files a command names, in the order `analyze` takes them: the accounts, the
 * organization, then each resource policy with its ARN. A file that cannot be read is a one-line input
 * error naming it; a `--resource-policy` that is no `ARN=FILE` is wrong usage.
 */
export async function readEvidenceInputs(options: EvidenceOptions, io: CliIo): Promise<AnalyzeInput[]> {
  const inputs: AnalyzeInput[] = [];
  const add = async (path: string, kind: InputKind, arn?: string) => {
    const input = await readInput(path, io);
    inputs.push({ id: input.name, kind, text: input.text, ...(arn === undefined ? {} : { arn }) });
  };
  for (const path of options.account ?? []) await add(path, 'account');
  if (options.org !== undefined) await add(options.org, 'organization');
  for (const spec of options.resourcePolicy ?? []) {
    const at = spec.lastIndexOf('=');
    if (at <= 0 || at === spec.length - 1)
      throw usageError(`--resource-policy takes ARN=FILE, got \`${spec}\``);
    await add(spec.slice(at + 1), 'resource-policy', spec.slice(0, at));
  }
  return inputs;
}
