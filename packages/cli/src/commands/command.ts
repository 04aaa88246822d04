import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import type { OutputFormat } from '../output.js';

/** What a command's `run` receives. */
export interface CommandContext {
  readonly io: CliIo;
  /** The commander command, for `opts()`. */
  readonly command: Command;
  /** Positional arguments, in declaration order. */
  readonly args: readonly unknown[];
}

/** One sub-command: its name, its arguments and options, and what it does. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** The `--format` values it accepts; `text` and `json` when absent. */
  readonly formats?: readonly OutputFormat[];
  /** How `--help` describes `--format` (what each format holds); the list of formats when absent. */
  readonly formatHelp?: string;
  /** Declares arguments and options (`--format` is added for every command). */
  configure(command: Command): void;
  /** Runs the command and returns its exit code. */
  run(context: CommandContext): Promise<number>;
}
