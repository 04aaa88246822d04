import { EXIT_USAGE } from '../cli-error.js';
import type { CommandSpec } from './command.js';

/** A contract command whose implementation has not landed: it says so and exits 2. */
export function notYetImplemented(name: string, summary: string, usage: string): CommandSpec {
  return {
    name,
    summary: `${summary} (not implemented yet)`,
    configure(command) {
      command.usage(usage).allowUnknownOption().allowExcessArguments();
    },
    async run({ io }) {
      io.stderr.write(`whydenied: \`${name}\` is not implemented yet in this version\n`);
      return EXIT_USAGE;
    },
  };
}
