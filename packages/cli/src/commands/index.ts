import type { CommandSpec } from './command.js';
import { diagnoseCommand } from './diagnose.js';
import { explainCommand } from './explain.js';
import { lintCommand } from './lint.js';
import { notYetImplemented } from './not-yet.js';
import { redactCommand } from './redact.js';
import { simulateCommand } from './simulate.js';

/** Every command of the contract, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  diagnoseCommand,
  explainCommand,
  simulateCommand,
  lintCommand,
  redactCommand,
  notYetImplemented('web', 'serve the web page on localhost', '[--port N]'),
];
