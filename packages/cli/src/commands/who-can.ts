import { analyze, parseContextPairs } from '@whydenied/core';
import { whoCan } from '@whydenied/core/access';
import { Option } from 'commander';
import { EXIT_OK, firstProblem, inputError, usable, usageError } from '../cli-error.js';
import { readEvidenceInputs } from '../evidence-inputs.js';
import { type OutputFormat, toJsonText } from '../output.js';
import { styleFor } from '../render/style.js';
import { terminalSafe, terminalSafeStrings } from '../render/terminal-safe.js';
import { renderWhoCanCsv, renderWhoCanText } from '../render/who-can-text.js';
import type { CommandSpec } from './command.js';

interface WhoCanOptions {
  readonly format: OutputFormat;
  readonly account?: string[];
  readonly org?: string;
  readonly resourcePolicy?: string[];
  readonly context?: string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A progress line on standard error when it is a terminal (redrawn at most ten times a second). */
function progressLine(stream: NodeJS.WritableStream & { isTTY?: boolean }) {
  if (stream.isTTY !== true) return { report: undefined, done: () => undefined };
  let drawn = 0;
  let shown = false;
  return {
    report: (done: number, total: number) => {
      const now = Date.now();
      if (now - drawn < 100 && done < total) return;
      drawn = now;
      shown = true;
      stream.write(
        `\r\x1b[Kwho-can: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} principals`,
      );
    },
    done: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/**
 * `whydenied who-can ACTION RESOURCE`: every principal of the accounts given (users and roles) and
 * every principal the resource policy names that is allowed to make the request, with the allowing
 * statements and the conditions it is allowed under.
 */
export const whoCanCommand: CommandSpec = {
  name: 'who-can',
  summary: 'every principal allowed one action on one resource, and under which conditions',
  formats: ['text', 'json', 'ndjson', 'csv'],
  formatHelp: 'output format: text, json, ndjson (one principal per line) or csv',
  configure(command) {
    command
      .usage(
        '--account FILE... [--org FILE] [--resource-policy ARN=FILE] [--context KEY=VALUE] [--format text|json|ndjson|csv] ACTION RESOURCE',
      )
      .argument('<action>', 'the action, `service:Action` (no wildcards)')
      .argument('<resource>', 'the resource ARN (`*` for an action without a resource type)')
      .addOption(
        new Option(
          '--account <file>',
          'aws iam get-account-authorization-details output (repeat per account)',
        ).argParser(collect),
      )
      .addOption(new Option('--org <file>', 'an organization snapshot'))
      .addOption(
        new Option('--resource-policy <arn=file>', 'the resource-based policy of ARN').argParser(collect),
      )
      .addOption(
        new Option('--context <key=value>', 'a request context value the question fixes').argParser(collect),
      );
  },
  async run({ io, command, args }) {
    const opts = command.opts<WhoCanOptions>();
    const [action, resource] = args as [string, string];
    if ((opts.account ?? []).length === 0)
      throw usageError('who-can needs the principals to ask about: --account FILE');
    const context = usable(parseContextPairs(opts.context ?? [], '--context'));
    const inputs = await readEvidenceInputs(opts, io);
    const analysis = await analyze({ inputs, options: { context } });
    if (analysis.evidence === null || analysis.diagnostics.some((d) => d.severity === 'error')) {
      throw inputError(firstProblem(analysis.diagnostics));
    }
    const progress = progressLine(io.stderr as NodeJS.WritableStream & { isTTY?: boolean });
    const result = whoCan(
      analysis.evidence,
      { action, resource },
      progress.report === undefined ? {} : { onProgress: progress.report },
    );
    progress.done();
    if (!result.ok) throw usageError(firstProblem(result.diagnostics));
    const answer = result.value;
    if (opts.format === 'json') io.stdout.write(toJsonText(answer));
    else if (opts.format === 'ndjson')
      io.stdout.write(answer.principals.map((row) => `${JSON.stringify(row)}\n`).join(''));
    else if (opts.format === 'csv') io.stdout.write(renderWhoCanCsv(answer));
    else
      io.stdout.write(
        terminalSafe(
          renderWhoCanText(terminalSafeStrings(answer), styleFor(io.stdout as { isTTY?: boolean }, io.env)),
        ),
      );
    return EXIT_OK;
  },
};
