import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, similarity } from '../../src-shared/password-policy';

const person = {
  username: 'emma1',
  email: 'emma.johnson@school.org',
  firstName: 'Emma',
  lastName: 'Johnson',
};
const rules = (password: string, isCommon?: (p: string) => boolean) =>
  checkPasswordPolicy(password, person, isCommon).map((p) => p.rule);

describe('the password policy', () => {
  it('accepts a long, unrelated password', () => {
    expect(checkPasswordPolicy('Lantern-Orbit-42', person)).toEqual([]);
  });

  it('wants at least 8 characters', () => {
    expect(rules('Ab3$xyz')).toContain('length');
    expect(rules('Ab3$xyzq')).not.toContain('length');
  });

  it('refuses passwords made only of digits', () => {
    expect(rules('20260901123')).toEqual(['numeric']);
  });

  it('refuses passwords close to the username, a name or a part of the email', () => {
    expect(rules('emma1emma1')).toContain('similar');
    expect(rules('johnson99')).toContain('similar');
    expect(rules('Johnsen!!')).toContain('similar');
    expect(checkPasswordPolicy('johnson99', person)[0]?.message).toBe(
      'Too similar to your email address.',
    );
  });

  it('asks the common-password lookup, case-insensitively at the caller', () => {
    const common = new Set(['sunshine99']);
    expect(rules('Sunshine99', (p) => common.has(p.toLowerCase()))).toEqual(['common']);
  });

  it('reports every broken rule at once, each with its own message', () => {
    const problems = checkPasswordPolicy('1234', person, () => true);
    expect(problems.map((p) => p.rule)).toEqual(['length', 'numeric', 'common']);
    expect(new Set(problems.map((p) => p.message)).size).toBe(3);
  });
});

describe('similarity', () => {
  it('is the share of characters two strings have in common, in order', () => {
    expect(similarity('same', 'same')).toBe(1);
    expect(similarity('abcd', 'wxyz')).toBe(0);
    expect(similarity('johnsen!!', 'johnson')).toBeCloseTo(0.75);
  });
});
