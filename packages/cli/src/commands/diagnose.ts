import type { CommandSpec } from './command.js';
import { EXIT_USAGE } from '../cli-error.js';

/** `whydenied diagnose`: reads an AWS error and explains it. */
export const diagnoseCommand: CommandSpec = {
  name: 'diagnose',
  summary: 'read an AWS error and explain it',
  configure() {},
  async run() {
    return EXIT_USAGE;
  },
};
