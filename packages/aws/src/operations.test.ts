/**
 * Live mode is read-only by construction: the package reaches AWS only through the operations table,
 * every entry of which is a read, and the least-privilege policy it prints lists exactly them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { liveModePolicy } from './least-privilege.js';
import { OPERATIONS, READ_VERBS } from './operations.js';

const SRC = new URL('./', import.meta.url);
const sources = readdirSync(SRC)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(new URL(f, SRC), 'utf8') }));

describe('the operations table', () => {
  it('holds only reads: Get, List, Describe, Decode, Simulate', () => {
    for (const action of Object.keys(OPERATIONS)) {
      const name = action.slice(action.indexOf(':') + 1);
      expect(name, action).toMatch(READ_VERBS);
    }
  });

  it("names each entry's SDK command after its operation (a read too)", () => {
    for (const [action, operation] of Object.entries(OPERATIONS)) {
      const name = 'operation' in operation ? operation.operation : action.slice(action.indexOf(':') + 1);
      expect(name, action).toMatch(READ_VERBS);
      expect(operation.command.name, action).toBe(`${name}Command`);
      expect(operation.source, action).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it('is the only way to AWS: commands are imported only by the table, clients sent to only by the session', () => {
    for (const { file, text } of sources) {
      // only the table and the session import the SDK; the session imports clients, never commands
      if (file !== 'operations.ts' && file !== 'session.ts') expect(text, file).not.toMatch(/@aws-sdk\//);
      if (file === 'session.ts') expect(text, file).not.toMatch(/Command\b/);
      if (file !== 'session.ts') {
        expect(text, file).not.toMatch(/\.send\(/);
        expect(text, file).not.toMatch(/new [A-Z]\w*Client\(/);
      }
    }
    // every command the package imports is a read
    const imported = [
      ...(sources.find((s) => s.file === 'operations.ts')?.text ?? '').matchAll(/\b(\w+)Command\b/g),
    ]
      .map((m) => m[1] as string)
      .filter((n) => n !== '');
    for (const name of imported) expect(name).toMatch(READ_VERBS);
  });

  it('the least-privilege policy for live mode lists exactly the table', () => {
    const policy = liveModePolicy();
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]?.Action).toEqual(Object.keys(OPERATIONS).sort());
  });
});
