import {
  type AnalyzeInput,
  analyze,
  createCatalog,
  type InputKind,
  parseContextPairs,
  parseParameterPairs,
} from '@whydenied/core';
import { Option } from 'commander';
import { createNodeCatalogSource } from '../catalog-source.js';
import { EXIT_OK, firstProblem, inputError, usable, usageError } from '../cli-error.js';
import { readEvidenceDirectory } from '../evidence-dir.js';
import { readEvidenceInputs } from '../evidence-inputs.js';
import { invocationOf } from '../invocation.js';
import { type InputText, readInput } from '../io.js';
import { gatherLive, type LiveEvidence, liveOptions, liveReport } from '../live.js';
import { type OutputFormat, toJsonText } from '../output.js';
import { renderDiagnosisText } from '../render/diagnose-text.js';
import { renderLiveText } from '../render/live-text.js';
import { styleFor } from '../render/style.js';
import { terminalSafeStrings } from '../render/terminal-safe.js';
import { prepareFixDirectory, writeFixFiles } from '../write-fixes.js';
import type { CommandSpec } from './command.js';

interface DiagnoseOptions {
  readonly format: OutputFormat;
  readonly error?: string;
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
  readonly event?: string;
  readonly decoded?: string;
  readonly account?: string[];
  readonly org?: string;
  readonly resourcePolicy?: string[];
  readonly context?: string[];
  readonly param?: string[];
  readonly writeFixes?: string;
  readonly evidence?: string;
  readonly live?: boolean;
  readonly profile?: string;
  readonly region?: string;
  readonly all?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `whydenied diagnose`: reads an AWS error and explains it. */
export const diagnoseCommand: CommandSpec = {
  name: 'diagnose',
  summary: 'read an AWS error (TEXT, --error FILE, or standard input) and explain it',
  configure(command) {
    command
      .argument('[text...]', 'the error text; omit to read --error FILE or standard input')
      .option('--error <file>', 'file holding the error as pasted (`-` for standard input)')
      .option('--principal <arn>', 'the caller, when the error does not name it')
      .option('--action <action>', 'the IAM action, when the error does not name it')
      .option('--resource <arn>', 'the resource, when the error does not name it')
      .option(
        '--event <id>',
        'the failed CloudTrail event to read: its eventID or requestID, or its position (1 = first denial)',
      )
      .addOption(new Option('--decoded <file>', 'a decoded authorization message'))
      .addOption(
        new Option('--account <file>', 'aws iam get-account-authorization-details output').argParser(collect),
      )
      .addOption(new Option('--org <file>', 'an organization snapshot'))
      .addOption(
        new Option('--resource-policy <arn=file>', 'the resource-based policy of ARN').argParser(collect),
      )
      .addOption(new Option('--context <key=value>', 'a request context value').argParser(collect))
      .addOption(
        new Option(
          '--param <key=value>',
          'a parameter of the failed call, e.g. subnetId=subnet-0abc',
        ).argParser(collect),
      )
      .option(
        '--write-fixes <dir>',
        "write each fix's complete document to a file in DIR (created if missing), named by its apply command",
      )
      .option(
        '--evidence <dir>',
        'an evidence directory written by `collect` (its error too, when none is given)',
      )
      .option('--live', 'gather the evidence from AWS first, read-only, with the standard credential chain')
      .option('--profile <name>', 'with --live: the named profile of the shared AWS config files')
      .option('--region <region>', 'with --live: the region for regional services')
      .option(
        '--all',
        'with --live: read the whole account (GetAccountAuthorizationDetails) instead of the caller',
      );
  },
  async run({ io, command, args }) {
    const opts = command.opts<DiagnoseOptions>();
    if (opts.writeFixes !== undefined) prepareFixDirectory(opts.writeFixes);
    const invocation = invocationOf(io.env);
    if (
      opts.live !== true &&
      (opts.profile !== undefined || opts.region !== undefined || opts.all === true)
    ) {
      throw usageError('--profile, --region and --all go with --live');
    }
    const fromDirectory = opts.evidence === undefined ? null : await readEvidenceDirectory(opts.evidence, io);
    const words = args[0] as string[] | undefined;
    const givenError = (words === undefined || words.length === 0) && opts.error === undefined ? null : true;
    const error =
      givenError === null && fromDirectory?.errorFile != null
        ? await readInput(fromDirectory.errorFile, io)
        : await readErrorInput(words, opts.error, io);
    const inputs: AnalyzeInput[] = [{ id: error.name, kind: 'error', text: error.text }];
    inputs.push(...(fromDirectory?.inputs ?? []));
    const add = async (path: string, kind: InputKind, arn?: string) => {
      const input = await readInput(path, io);
      inputs.push({ id: input.name, kind, text: input.text, ...(arn === undefined ? {} : { arn }) });
    };
    if (opts.decoded !== undefined) await add(opts.decoded, 'decoded');
    inputs.push(...(await readEvidenceInputs(opts, io)));
    const readOptions = {
      ...(opts.principal === undefined ? {} : { principal: opts.principal }),
      ...(opts.action === undefined ? {} : { action: opts.action }),
      ...(opts.resource === undefined ? {} : { resource: opts.resource }),
      ...(opts.event === undefined ? {} : { event: opts.event }),
    };
    const context = usable(parseContextPairs(opts.context ?? [], '--context'));
    const parameters = usable(parseParameterPairs(opts.param ?? [], '--param'));
    let live: LiveEvidence | null = null;
    if (opts.live === true) {
      live = await gatherLive(
        error.text,
        { options: readOptions, parameters, context },
        liveOptions(opts),
        io,
      );
      for (const file of live.files) {
        inputs.push({
          id: file.name,
          kind: file.kind,
          text: file.text,
          ...(file.arn === undefined ? {} : { arn: file.arn }),
        });
      }
    }
    const analysis = await analyze({
      inputs,
      options: {
        ...readOptions,
        context,
        parameters,
        catalog: createCatalog(createNodeCatalogSource()),
        ...(opts.writeFixes === undefined ? {} : { fixDirectory: opts.writeFixes }),
        invocation,
      },
    });
    // a parameter the call does not have is wrong usage of `--param`, not an unusable input
    const misused = analysis.diagnostics.filter((d) => d.source === 'parameters');
    if (misused.length > 0) throw usageError(firstProblem(misused, '--param'));
    if (analysis.diagnosis === null) throw inputError(firstProblem(analysis.diagnostics));
    if (opts.writeFixes !== undefined) writeFixFiles(opts.writeFixes, analysis.diagnosis.fixes);
    const report = live === null ? null : await liveReport(live, analysis.diagnosis);
    const style = styleFor(io.stdout as { isTTY?: boolean }, io.env);
    const text =
      opts.format === 'json'
        ? toJsonText(report === null ? analysis.diagnosis : { ...analysis.diagnosis, live: report })
        : renderDiagnosisText(terminalSafeStrings(analysis.diagnosis), style, {
            invocation,
            ...(opts.writeFixes === undefined ? {} : { fixesWrittenTo: opts.writeFixes }),
          }) + (report === null ? '' : renderLiveText(terminalSafeStrings(report), style, invocation));
    io.stdout.write(text);
    return EXIT_OK;
  },
};

async function readErrorInput(
  words: readonly string[] | undefined,
  file: string | undefined,
  io: Parameters<CommandSpec['run']>[0]['io'],
): Promise<InputText> {
  if (words !== undefined && words.length > 0) {
    if (file !== undefined) {
      throw usageError('give the error either as TEXT or with --error, not both');
    }
    if (words.length === 1 && words[0] === '-') {
      return readInput('-', io);
    }
    return { name: '<arguments>', text: words.join(' ') };
  }
  if (file !== undefined) {
    return readInput(file, io);
  }
  if (io.stdin.isTTY === true) {
    throw usageError('no error given: pass TEXT, --error FILE, or pipe the error on standard input');
  }
  return readInput('-', io);
}
