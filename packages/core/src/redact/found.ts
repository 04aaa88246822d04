import type { StandInFor } from './arn-rewrite.js';

/** A piece of the input to replace; `rewrite` gives the replacement, asking for stand-ins. */
export interface Found {
  readonly start: number;
  readonly end: number;
  /** Higher wins when two pieces overlap and start together. */
  readonly priority: number;
  /** An IP address or network this piece asks a stand-in for, planned before any rewriting. */
  readonly address?: string;
  rewrite(standIn: StandInFor): string;
}

/** Which of two overlapping pieces that start together wins: the higher. */
export const PRIORITY = {
  protected: 100,
  arn: 90,
  url: 85,
  labelled: 80,
  sessionToken: 70,
  key: 60,
  email: 50,
  secret: 40,
  resourceId: 30,
  ip: 20,
  account: 10,
} as const;

/** Characters that end a URL's path in running text or JSON. */
export const URL_END = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '"',
  "'",
  '`',
  '<',
  '>',
  '\\',
  '|',
  '?',
  '#',
  ')',
  ']',
  '}',
]);
