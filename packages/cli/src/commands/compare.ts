import {
  type Catalog,
  COMPARE_LAYERS,
  type CompareLayer,
  comparePolicies,
  createCatalog,
} from '@whydenied/core';
import { createNodeCatalogSource } from '../catalog-source.js';
import { EXIT_OK, firstProblem, inputError, usageError } from '../cli-error.js';
import { readInput } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
import { renderCompareText } from '../render/compare-text.js';
import { styleFor } from '../render/style.js';
import { terminalSafeStrings } from '../render/terminal-safe.js';
import type { CommandSpec } from './command.js';

/** The gate `--fail-on-new-access` asks for: the command ran and found new access (contract). */
const EXIT_NEW_ACCESS = 3;

function parseLayer(value: string): CompareLayer {
  if ((COMPARE_LAYERS as readonly string[]).includes(value)) return value as CompareLayer;
  throw usageError(`--layer must be one of ${COMPARE_LAYERS.join(', ')}, got \`${value}\``);
}

let catalog: Catalog | undefined;

/**
 * `whydenied compare OLD NEW`: what NEW allows that OLD does not, an offline "no new access" check.
 * Exits 0 when it ran, new access or not; 3 with `--fail-on-new-access` when there is new access;
 * 1 when a file is unusable (one line naming it, with line and column); 2 on wrong usage.
 *
 * @see https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
 */
export const compareCommand: CommandSpec = {
  name: 'compare',
  summary: 'what NEW allows that OLD does not (offline "no new access" check)',
  configure(command) {
    command
      .usage('[--layer LAYER] [--format text|json] [--fail-on-new-access] OLD NEW')
      .argument(
        '<old>',
        'the policy before the change: a document or the AWS CLI output holding one (`-` for standard input)',
      )
      .argument('<new>', 'the policy after the change (`-` for standard input)')
      .option('--layer <layer>', `the layer both policies stand at: ${COMPARE_LAYERS.join(', ')}`, 'identity')
      .option('--fail-on-new-access', 'exit 3 when NEW allows anything OLD does not');
  },
  async run({ io, command, args }) {
    const options = command.opts<{ layer: string; format: OutputFormat; failOnNewAccess?: boolean }>();
    const layer = parseLayer(options.layer);
    const [oldPath, newPath] = args as [string, string];
    if (oldPath === '-' && newPath === '-') throw usageError('standard input (`-`) can be read only once');
    const oldInput = await readInput(oldPath, io);
    const newInput = await readInput(newPath, io);
    catalog ??= createCatalog(createNodeCatalogSource());
    const result = await comparePolicies(
      { name: oldInput.name, policy: oldInput.text },
      { name: newInput.name, policy: newInput.text },
      { catalog, layer },
    );
    if (!result.ok) throw inputError(firstProblem(result.diagnostics));
    const comparison = result.value;
    io.stdout.write(
      options.format === 'json'
        ? toJsonText({
            layer: comparison.layer,
            newAccess: comparison.newAccess,
            removedAccess: comparison.removedAccess,
            limits: comparison.limits,
            keys: comparison.keys,
            tested: comparison.tested,
          })
        : renderCompareText(
            terminalSafeStrings(comparison),
            terminalSafeStrings({ old: oldInput.name, new: newInput.name }),
            styleFor(io.stdout as { isTTY?: boolean }, io.env),
          ),
    );
    return options.failOnNewAccess === true && comparison.newAccess.length > 0 ? EXIT_NEW_ACCESS : EXIT_OK;
  },
};
