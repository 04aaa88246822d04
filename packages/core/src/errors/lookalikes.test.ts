import { describe, expect, it } from 'vitest';
import { LOOKALIKE_RULES, lookalikeAdvice } from './lookalikes.js';

describe('look-alike rules', () => {
  it('have distinct ids', () => {
    const ids = LOOKALIKE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('each say what to do instead, and match on a code or a phrase', () => {
    for (const rule of LOOKALIKE_RULES) {
      expect(rule.advice.message, rule.id).not.toBe('');
      expect(lookalikeAdvice(rule.id)).toBe(rule.advice);
      const matchers =
        (rule.codes?.length ?? 0) + (rule.codeSuffixes?.length ?? 0) + (rule.phrases?.length ?? 0);
      expect(matchers, rule.id).toBeGreaterThan(0);
    }
  });

  it('never treat a code that means "no permission" as a look-alike', () => {
    for (const rule of LOOKALIKE_RULES) {
      expect(rule.codes ?? [], rule.id).not.toContain('AccessDenied');
      expect(rule.codes ?? [], rule.id).not.toContain('AccessDeniedException');
    }
  });
});
