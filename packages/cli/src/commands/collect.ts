import { parseContextPairs, parseParameterPairs } from '@whydenied/core';
import { Option } from 'commander';
import { EXIT_OK, firstProblem, inputError, usable, usageError } from '../cli-error.js';
import { MANIFEST, type Manifest, writeEvidenceDirectory } from '../evidence-dir.js';
import { invocationOf } from '../invocation.js';
import { readInput } from '../io.js';
import { gatherLive, liveOptions, loadLive } from '../live.js';
import { toJsonText } from '../output.js';
import type { CommandSpec } from './command.js';

interface CollectOptions {
  readonly format: 'text' | 'json';
  readonly for?: string;
  readonly out?: string;
  readonly script?: boolean;
  readonly printPolicy?: boolean;
  readonly profile?: string;
  readonly region?: string;
  readonly all?: boolean;
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
  readonly context?: string[];
  readonly param?: string[];
}

const collectValues = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * `whydenied collect [--for ERROR_FILE] --out DIR`: gathers from AWS, read-only, the evidence the
 * error's diagnosis needs and writes it as files the offline commands read, with a manifest, so it can
 * be reviewed, redacted, shared and diagnosed later (`diagnose --evidence DIR`). `--script` prints the
 * AWS CLI commands that write the same files instead; `--print-policy` the policy live mode needs.
 */
export const collectCommand: CommandSpec = {
  name: 'collect',
  summary:
    "gather an error's evidence from AWS (read-only) into files, or print the AWS CLI commands that do",
  configure(command) {
    command
      .usage('[--for ERROR_FILE] --out DIR [--profile P] [--region R] [--all] | --script | --print-policy')
      .option('--for <file>', 'the error to gather evidence for (`-` for standard input)')
      .option('--out <dir>', 'the directory to write (must not exist, or be empty)')
      .option('--script', 'print the AWS CLI commands that write the same files, instead of calling AWS')
      .option('--print-policy', 'print the IAM policy that lets live mode read everything it needs')
      .option('--profile <name>', 'the named profile of the shared AWS config files')
      .option('--region <region>', 'the region for regional services')
      .option('--all', 'read the whole account (GetAccountAuthorizationDetails) instead of the caller')
      .option('--principal <arn>', 'the caller, when the error does not name it')
      .option('--action <action>', 'the IAM action, when the error does not name it')
      .option('--resource <arn>', 'the resource, when the error does not name it')
      .addOption(new Option('--context <key=value>', 'a request context value').argParser(collectValues))
      .addOption(
        new Option('--param <key=value>', 'a parameter of the failed call').argParser(collectValues),
      );
  },
  async run({ io, command }) {
    const opts = command.opts<CollectOptions>();
    const aws = await loadLive();
    if (opts.printPolicy === true) {
      io.stdout.write(toJsonText(aws.liveModePolicy()));
      return EXIT_OK;
    }
    if (opts.out === undefined) throw usageError('collect needs --out DIR (or --script, or --print-policy)');
    const error = opts.for === undefined ? null : await readInput(opts.for, io);
    const options = {
      ...(opts.principal === undefined ? {} : { principal: opts.principal }),
      ...(opts.action === undefined ? {} : { action: opts.action }),
      ...(opts.resource === undefined ? {} : { resource: opts.resource }),
    };
    const parameters = usable(parseParameterPairs(opts.param ?? [], '--param'));
    if (opts.script === true) {
      const script = aws.collectScript(
        error?.text ?? null,
        options,
        parameters,
        opts.out,
        error === null || opts.for === '-' ? null : error.name,
      );
      if (!script.ok) throw inputError(firstProblem(script.diagnostics, error?.name));
      io.stdout.write(script.value);
      return EXIT_OK;
    }
    const context = usable(parseContextPairs(opts.context ?? [], '--context'));
    const live = await gatherLive(
      error?.text ?? null,
      { options, parameters, context },
      liveOptions(opts),
      io,
    );
    const files = live.files.map((f) => ({ file: f.name, text: f.text }));
    if (error !== null) files.push({ file: 'error.txt', text: error.text });
    const manifest: Manifest = {
      whydenied: 'evidence',
      version: 1,
      error: error === null ? null : 'error.txt',
      files: live.files.map((f) => ({
        file: f.name,
        kind: f.kind,
        ...(f.arn === undefined ? {} : { arn: f.arn }),
      })),
      live: {
        caller: live.caller,
        sameCaller: live.sameCaller,
        gaps: live.gaps,
        notes: live.notes,
        simulation: live.simulation,
        calls: live.calls,
      },
    };
    writeEvidenceDirectory(opts.out, files, manifest);
    if (opts.format === 'json') {
      io.stdout.write(
        toJsonText({
          out: opts.out,
          files: [...manifest.files.map((f) => f.file), MANIFEST],
          ...(manifest.live as object),
        }),
      );
      return EXIT_OK;
    }
    const lines = [`wrote ${opts.out}: ${[...files.map((f) => f.file), MANIFEST].join(', ')}`];
    for (const note of live.notes) lines.push(`  ${note}`);
    for (const gap of live.gaps) {
      lines.push(
        `  could not read ${gap.subject}: ${gap.outcome === 'denied' ? `denied, needs \`${gap.action}\`` : gap.code}`,
      );
    }
    lines.push(`diagnose with: ${invocationOf(io.env)} diagnose --evidence ${opts.out}`);
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
