import { analyze, createCatalog } from '@whydenied/core';
import { predictPlan } from '@whydenied/core/plan';
import { Option } from 'commander';
import { createNodeCatalogSource } from '../catalog-source.js';
import { EXIT_OK, firstProblem, inputError, usageError } from '../cli-error.js';
import { readEvidenceInputs } from '../evidence-inputs.js';
import { readInput } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
import { planSarif } from '../render/plan-sarif.js';
import { renderPlanText } from '../render/plan-text.js';
import { terminalSafe, terminalSafeStrings } from '../render/terminal-safe.js';
import type { CommandSpec } from './command.js';

/** The gate `--fail-on` asks for: the command ran and predicted a denial at that level (contract). */
const EXIT_PREDICTED = 3;

const FAIL_ON = ['error', 'warning'] as const;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

interface PlanOptions {
  readonly format: OutputFormat;
  readonly account?: string[];
  readonly org?: string;
  readonly resourcePolicy?: string[];
  readonly principal?: string;
  readonly region?: string;
  readonly failOn?: string;
}

/**
 * `whydenied plan PLAN.json`: the denials a Terraform plan will meet, predicted before apply. Exits 0
 * when it ran, denials or not; 3 with `--fail-on error` when a certain denial is predicted, with
 * `--fail-on warning` when any is (one that turns on a value known only after apply included).
 * @see https://developer.hashicorp.com/terraform/cli/commands/show#json-output
 */
export const planCommand: CommandSpec = {
  name: 'plan',
  summary: 'denials predicted for a Terraform plan (terraform show -json), before apply',
  formats: ['text', 'json', 'sarif'],
  configure(command) {
    command
      .usage(
        '--account FILE [--org FILE] [--resource-policy ARN=FILE] [--principal ARN] [--format text|json|sarif] [--fail-on error|warning] PLAN.json',
      )
      .argument('<plan>', 'the output of `terraform show -json PLANFILE` (`-` for standard input)')
      .addOption(
        new Option('--account <file>', 'aws iam get-account-authorization-details output').argParser(collect),
      )
      .addOption(new Option('--org <file>', 'an organization snapshot'))
      .addOption(
        new Option('--resource-policy <arn=file>', 'the resource-based policy of ARN').argParser(collect),
      )
      .option(
        '--principal <arn>',
        'the deploying principal (default: the one user or role of the account file)',
      )
      .option('--region <region>', "the region, when the plan's provider configuration does not state it")
      .option('--fail-on <level>', 'exit 3 when a denial is predicted: error (certain ones), warning (any)');
  },
  async run({ io, command, args }) {
    const opts = command.opts<PlanOptions>();
    if (opts.failOn !== undefined && !(FAIL_ON as readonly string[]).includes(opts.failOn)) {
      throw usageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got \`${opts.failOn}\``);
    }
    if ((opts.account ?? []).length === 0)
      throw usageError("plan needs the deployer's policies: --account FILE");
    const plan = await readInput(args[0] as string, io);
    const inputs = await readEvidenceInputs(opts, io);
    const analysis = await analyze({ inputs });
    if (analysis.evidence === null || analysis.diagnostics.some((d) => d.severity === 'error')) {
      throw inputError(firstProblem(analysis.diagnostics));
    }
    const result = await predictPlan({
      planText: plan.text,
      evidence: analysis.evidence,
      catalog: createCatalog(createNodeCatalogSource()),
      ...(opts.principal === undefined ? {} : { principal: opts.principal }),
      ...(opts.region === undefined ? {} : { region: opts.region }),
    });
    if (!result.ok) {
      if (result.diagnostics.some((d) => d.code === 'plan-principal-unknown')) {
        throw usageError(
          'give the deploying principal with --principal ARN: the account file does not hold exactly one user or role',
        );
      }
      throw inputError(firstProblem(result.diagnostics, plan.name));
    }
    const prediction = result.value;
    io.stdout.write(
      opts.format === 'json'
        ? toJsonText(prediction)
        : opts.format === 'sarif'
          ? toJsonText(planSarif(prediction, plan.name))
          : terminalSafe(renderPlanText(terminalSafeStrings(prediction), plan.name)),
    );
    const denials = prediction.resources.flatMap((r) => r.denials);
    const reached = opts.failOn === 'warning' ? denials.length > 0 : denials.some((d) => d.certain);
    return opts.failOn !== undefined && reached ? EXIT_PREDICTED : EXIT_OK;
  },
};
