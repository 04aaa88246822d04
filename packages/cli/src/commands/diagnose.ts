import {
  checkFromDecoded,
  createCatalog,
  type DecodedCheck,
  diagnose,
  parseDecodedMessage,
  type ReadErrorOptions,
} from '@whydenied/core';
import { Option } from 'commander';
import { parseCallParameters } from '../call-parameters.js';
import { createNodeCatalogSource } from '../catalog-source.js';
import { EXIT_OK, inputError, usageError } from '../cli-error.js';
import { readEvidence } from '../evidence-input.js';
import { type InputText, readInput } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
import { renderDiagnosisText } from '../render/diagnose-text.js';
import { styleFor } from '../render/style.js';
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
      );
  },
  async run({ io, command, args }) {
    const opts = command.opts<DiagnoseOptions>();
    const input = await readErrorInput(args[0] as string[] | undefined, opts.error, io);
    const options: ReadErrorOptions = {
      ...(opts.principal === undefined ? {} : { principal: opts.principal }),
      ...(opts.action === undefined ? {} : { action: opts.action }),
      ...(opts.resource === undefined ? {} : { resource: opts.resource }),
      ...(opts.event === undefined ? {} : { event: opts.event }),
    };
    const { evidence, context } = await readEvidence(opts, io);
    const decoded = opts.decoded === undefined ? undefined : await readDecodedCheck(opts.decoded, io);
    const result = await diagnose({
      errorText: input.text,
      options,
      catalog: createCatalog(createNodeCatalogSource()),
      ...(evidence === undefined ? {} : { evidence }),
      ...(decoded === undefined ? {} : { decoded }),
      context,
      parameters: parseCallParameters(opts.param ?? []),
    });
    if (!result.ok) {
      const start = result.diagnostic.span?.start;
      const at = start === undefined ? '' : `:${start.line}:${start.column}`;
      throw inputError(`${input.name}${at}: ${result.diagnostic.message}`);
    }
    const text =
      opts.format === 'json'
        ? toJsonText(result.value)
        : renderDiagnosisText(result.value, styleFor(io.stdout as { isTTY?: boolean }, io.env));
    io.stdout.write(text);
    return EXIT_OK;
  },
};

/** Reads `--decoded FILE` into the one check it describes; unusable content fails naming the file. */
async function readDecodedCheck(
  path: string,
  io: Parameters<CommandSpec['run']>[0]['io'],
): Promise<DecodedCheck> {
  const input = await readInput(path, io);
  const parsed = parseDecodedMessage(input.text);
  if (!parsed.ok) {
    const start = parsed.diagnostic.span?.start;
    throw inputError(
      `${input.name}${start ? `:${start.line}:${start.column}` : ''}: ${parsed.diagnostic.message}`,
    );
  }
  const check = checkFromDecoded(parsed.value);
  if (check === null) {
    throw inputError(`${input.name}: the decoded message names no action`);
  }
  return check;
}

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
