import { explainDecoded, parseDecodedMessage } from '@whydenied/core';
import { EXIT_OK, firstProblem, inputError } from '../cli-error.js';
import { readInput } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
import { renderExplainText } from '../render/explain-text.js';
import { styleFor } from '../render/style.js';
import { terminalSafeStrings } from '../render/terminal-safe.js';
import type { CommandSpec } from './command.js';

/**
 * `whydenied explain FILE`: a decoded authorization message in plain words. Reads the JSON itself,
 * the CLI's `{"DecodedMessage": "..."}`, or a string holding the JSON; a message cut off is read as
 * far as it goes, with a warning. Exits 0 when it ran, 1 when the input holds no decoded message
 * (the file, and for JSON the line and column, are named), 2 on wrong usage.
 */
export const explainCommand: CommandSpec = {
  name: 'explain',
  summary: 'explain a decoded authorization message (aws sts decode-authorization-message output)',
  configure(command) {
    command
      .usage('[--format text|json] FILE')
      .argument('<file>', 'the decoded message (`-` for standard input)');
  },
  async run({ io, command, args }) {
    const options = command.opts<{ format: OutputFormat }>();
    const input = await readInput(args[0] as string, io);
    const parsed = parseDecodedMessage(input.text);
    if (!parsed.ok) throw inputError(firstProblem(parsed.diagnostics, input.name));
    const explanation = explainDecoded(parsed.value);
    io.stdout.write(
      options.format === 'json'
        ? toJsonText(explanation)
        : renderExplainText(
            terminalSafeStrings(explanation),
            styleFor(io.stdout as { isTTY?: boolean }, io.env),
          ),
    );
    return EXIT_OK;
  },
};
