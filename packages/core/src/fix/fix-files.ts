import { applyCommand, type CommandTarget } from './apply-command.js';

/** What naming a fix's file needs: its target, for the command and the name. */
export interface FileableFix extends CommandTarget {
  readonly command: string;
}

/**
 * The file each fix's complete document is written to, distinct per fix (`fix-1-EC2Launch.json`),
 * and the apply command rebuilt to name it: under `directory` when given (the front end writes the
 * files there), else in the current directory.
 * @see https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-file.html
 */
export function withFixFiles<F extends FileableFix>(
  fixes: readonly F[],
  directory?: string,
): (F & { readonly file: string })[] {
  const prefix = directory === undefined || directory === '' ? '' : `${trimEnd(directory, '/')}/`;
  return fixes.map((fix, i) => {
    const file = fixFileName(i, fix.policyName);
    return { ...fix, file, command: applyCommand(fix, `${prefix}${file}`) };
  });
}

/** `fix-<n>-<policy>.json`, the policy name reduced to characters every file system and shell take. */
export function fixFileName(index: number, policyName: string): string {
  const dashed = policyName.replace(/[^A-Za-z0-9._-]+/g, '-');
  let start = 0;
  while (start < dashed.length && (dashed[start] === '-' || dashed[start] === '.')) start++;
  const name = trimEnd(dashed.slice(start), '-').slice(0, 64);
  return `fix-${index + 1}${name === '' ? '' : `-${name}`}.json`;
}

/** `text` without the run of `char` it ends with (a backward scan: `/-+$/` is quadratic on long runs). */
function trimEnd(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}
