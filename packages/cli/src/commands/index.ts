import { collectCommand } from './collect.js';
import type { CommandSpec } from './command.js';
import { compareCommand } from './compare.js';
import { diagnoseCommand } from './diagnose.js';
import { explainCommand } from './explain.js';
import { lintCommand } from './lint.js';
import { mcpCommand } from './mcp.js';
import { planCommand } from './plan.js';
import { redactCommand } from './redact.js';
import { simulateCommand } from './simulate.js';
import { trailCommand } from './trail.js';
import { webCommand } from './web.js';
import { whatCanCommand } from './what-can.js';
import { whoCanCommand } from './who-can.js';

/** Every command of the contract, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  diagnoseCommand,
  explainCommand,
  simulateCommand,
  lintCommand,
  redactCommand,
  webCommand,
  compareCommand,
  collectCommand,
  planCommand,
  mcpCommand,
  trailCommand,
  whoCanCommand,
  whatCanCommand,
];
