import type { CommandSpec } from './command.js';
import { diagnoseCommand } from './diagnose.js';
import { lintCommand } from './lint.js';
import { notYetImplemented } from './not-yet.js';
import { simulateCommand } from './simulate.js';

/** Every command of the contract, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  diagnoseCommand,
  notYetImplemented('explain', 'explain a decoded authorization message', '[options] FILE'),
  simulateCommand,
  lintCommand,
  notYetImplemented(
    'redact',
    'replace account ids, ARNs, keys and tokens with consistent stand-ins',
    '[FILE]',
  ),
  notYetImplemented('web', 'serve the web page on localhost', '[--port N]'),
];
