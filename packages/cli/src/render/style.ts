import pc from 'picocolors';

/** Text styling, off when output is not a terminal or `NO_COLOR` is set. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const plain: Style = {
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  yellow: (s) => s,
  green: (s) => s,
  cyan: (s) => s,
};

/** Chooses colours for a stream: only a TTY without `NO_COLOR` gets them. */
export function styleFor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): Style {
  if (stream.isTTY !== true || env.NO_COLOR !== undefined || env.TERM === 'dumb') {
    return plain;
  }
  const c = pc.createColors(true);
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
}

export const PLAIN_STYLE = plain;
