/**
 * The registry of built-in rules: every rule cites AWS's documentation, writes its explanation and
 * advice in the message style, names its actions as the engine compares them, and is exercised by
 * the case table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from './built-in-rules.js';

const directory = new URL('./cases/', import.meta.url);
const cases = readdirSync(directory)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(new URL(f, directory), 'utf8'))
  .join('\n');

describe('built-in rules', () => {
  for (const [id, rule] of Object.entries(BUILT_IN_RULES)) {
    it(`${id} is well formed`, () => {
      expect(rule.id).toBe(id);
      for (const source of rule.sources)
        expect(source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+\.html/);
      for (const text of [rule.explanation, rule.advice]) {
        expect(text).toMatch(/^[^A-Z]|^(AWS|IAM|KMS) /);
        expect(text).not.toMatch(/\.$/);
      }
      expect(rule.actions.length).toBeGreaterThan(0);
      for (const action of rule.actions) expect(action).toMatch(/^[a-z0-9-]+:([a-z0-9]+|\*)$/);
    });

    it(`${id} is decided by a case of the table`, () => {
      expect(cases).toContain(`"id": "${id}"`);
    });
  }
});
