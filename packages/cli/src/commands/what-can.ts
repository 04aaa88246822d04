import { analyze, createCatalog, parseContextPairs } from '@whydenied/core';
import { whatCan } from '@whydenied/core/access';
import { Option } from 'commander';
import { createNodeCatalogSource } from '../catalog-source.js';
import { EXIT_OK, firstProblem, inputError, usable, usageError } from '../cli-error.js';
import { readEvidenceDirectory } from '../evidence-dir.js';
import { readEvidenceInputs } from '../evidence-inputs.js';
import { type OutputFormat, writePieces } from '../output.js';
import { styleFor } from '../render/style.js';
import {
  renderWhatCanCsv,
  renderWhatCanText,
  whatCanJsonText,
  whatCanNdjsonText,
} from '../render/what-can-text.js';
import type { CommandSpec } from './command.js';

interface WhatCanOptions {
  readonly format: OutputFormat;
  readonly account?: string[];
  readonly org?: string;
  readonly resourcePolicy?: string[];
  readonly evidence?: string;
  readonly service?: string;
  readonly resource?: string;
  readonly context?: string[];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * `whydenied what-can PRINCIPAL --account FILE... [--org FILE] [--resource-policy ARN=FILE]
 * [--service S] [--resource PATTERN]`: every catalog action the principal is allowed, from its
 * account's authorization details, the organization's SCPs and RCPs, and the resource-based policies
 * given (a grant they take part in is marked with the policy), grouped by service and access level, with privilege-escalation
 * actions flagged. Exits 0 when it ran; 1 when a file is unusable or does not hold the principal;
 * 2 on wrong usage.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export const whatCanCommand: CommandSpec = {
  name: 'what-can',
  summary: 'every action one principal is allowed, by service and access level, escalation paths flagged',
  formats: ['text', 'json', 'ndjson', 'csv'],
  formatHelp: 'output format: text, json, ndjson (one grant per line) or csv (one grant per row)',
  configure(command) {
    command
      .usage(
        '--account FILE|--evidence DIR [--org FILE] [--resource-policy ARN=FILE] [--service S] [--resource PATTERN] [--context KEY=VALUE] [--format text|json|ndjson|csv] PRINCIPAL',
      )
      .argument('<principal>', 'the ARN of the IAM role or user (or a session of the role)')
      .addOption(
        new Option('--account <file>', 'aws iam get-account-authorization-details output').argParser(collect),
      )
      .addOption(new Option('--org <file>', 'an organization snapshot (SCPs and RCPs)'))
      .addOption(
        new Option('--resource-policy <arn=file>', 'the resource-based policy of ARN').argParser(collect),
      )
      .option(
        '--evidence <dir>',
        'an evidence directory written by `collect` (its accounts, organization, resource policies)',
      )
      .option('--service <prefix>', "only this service's actions (e.g. s3)")
      .option('--resource <pattern>', 'only access on resources this ARN pattern can name (IAM wildcards)')
      .addOption(
        new Option(
          '--context <key=value>',
          'a request context value the access may depend on (repeat for a multi-valued key); settles that key',
        ).argParser(collect),
      );
  },
  async run({ io, command, args }) {
    const opts = command.opts<WhatCanOptions>();
    const principal = args[0] as string;
    if (!principal.startsWith('arn:')) throw usageError(`PRINCIPAL must be an ARN, got \`${principal}\``);
    if ((opts.account ?? []).length === 0 && opts.evidence === undefined)
      throw usageError("what-can needs the principal's account: --account FILE (or --evidence DIR)");
    if (opts.service !== undefined && !/^[a-z0-9-]+$/i.test(opts.service))
      throw usageError(`--service takes a service prefix such as \`s3\`, got \`${opts.service}\``);
    if (opts.resource !== undefined && opts.resource !== '*' && !opts.resource.startsWith('arn:'))
      throw usageError(`--resource takes an ARN pattern or \`*\`, got \`${opts.resource}\``);
    const context = usable(parseContextPairs(opts.context ?? [], '--context'));
    // an evidence directory's accounts, organization and resource policies (not its error or decoded message)
    const fromDirectory =
      opts.evidence === undefined ? [] : (await readEvidenceDirectory(opts.evidence, io)).inputs;
    const inputs = [
      ...fromDirectory.filter((i) => i.kind !== 'decoded'),
      ...(await readEvidenceInputs(opts, io)),
    ];
    const analysis = await analyze({ inputs, options: { context } });
    if (analysis.evidence === null || analysis.diagnostics.some((d) => d.severity === 'error'))
      throw inputError(firstProblem(analysis.diagnostics));
    const result = await whatCan(analysis.evidence, principal, {
      catalog: createCatalog(createNodeCatalogSource()),
      ...(opts.service === undefined ? {} : { service: opts.service }),
      ...(opts.resource === undefined ? {} : { resource: opts.resource }),
    });
    if (!result.ok) {
      if (result.diagnostics.some((d) => d.code === 'what-can-service-unknown'))
        throw usageError(`--service: ${firstProblem(result.diagnostics)}`);
      throw inputError(
        firstProblem(
          result.diagnostics,
          [...(opts.account ?? []), ...(opts.evidence === undefined ? [] : [opts.evidence])].join(', '),
        ),
      );
    }
    const found = result.value;
    if (opts.format === 'json') await writePieces(io.stdout, whatCanJsonText(found));
    else if (opts.format === 'ndjson') await writePieces(io.stdout, whatCanNdjsonText(found));
    else if (opts.format === 'csv') io.stdout.write(renderWhatCanCsv(found));
    else io.stdout.write(renderWhatCanText(found, styleFor(io.stdout as { isTTY?: boolean }, io.env)));
    return EXIT_OK;
  },
};
