import { Command, CommanderError, Option } from 'commander';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import { COMMANDS } from './commands/index.js';
import { invocationOf } from './invocation.js';
import type { CliIo } from './io.js';
import { DEFAULT_FORMATS, parseFormat } from './output.js';

export type { CliIo } from './io.js';

/**
 * Runs the CLI with `argv` (without the node and script paths) and returns the exit code.
 * Everything a command prints is written once, at the end, so a failure never leaves half an answer.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('whydenied')
    .description('Explains why AWS denied a request and proposes the smallest safe fix')
    .version('0.1.0')
    .showHelpAfterError(`(run \`${invocationOf(io.env)} --help\` for usage)`)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  let exitCode = EXIT_OK;
  for (const command of COMMANDS) {
    const sub = program
      .command(command.name)
      .description(command.summary)
      .addOption(
        new Option(
          '--format <format>',
          command.formatHelp ?? `output format: ${(command.formats ?? DEFAULT_FORMATS).join(', ')}`,
        )
          .default('text')
          .argParser((value) => parseFormat(value, command.formats)),
      )
      .exitOverride();
    command.configure(sub);
    sub.action(async (...args: unknown[]) => {
      exitCode = await command.run({ io, command: sub, args: args.slice(0, -2) });
    });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`whydenied: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT_OK;
      }
      // commander already printed the reason
      return EXIT_USAGE;
    }
    throw error;
  }
}
