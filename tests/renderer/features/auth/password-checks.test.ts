import { describe, expect, it } from 'vitest';
import {
  passwordChecks,
  passwordLooksAcceptable,
} from '../../../../src-renderer/features/auth/password-checks';

const person = {
  username: 'emma1',
  email: 'emma1@school.test',
  firstName: 'Emma',
  lastName: 'Stone',
};
const stateOf = (password: string, context = person) =>
  Object.fromEntries(passwordChecks(password, context).map((c) => [c.rule, c.state]));

describe('the live password checklist', () => {
  it('has checked nothing before anything is typed', () => {
    expect(stateOf('')).toEqual({
      length: 'untested',
      numeric: 'untested',
      similar: 'untested',
      common: 'checked-by-hub',
    });
  });

  it('marks each rule of the shared policy met or unmet', () => {
    expect(stateOf('12345')).toMatchObject({ length: 'unmet', numeric: 'unmet', similar: 'met' });
    expect(stateOf('Lantern-Orbit-42')).toMatchObject({
      length: 'met',
      numeric: 'met',
      similar: 'met',
    });
  });

  it('names the field a password is too similar to', () => {
    const similar = passwordChecks('stone2026', person).find((c) => c.rule === 'similar');
    expect(similar).toEqual({ rule: 'similar', state: 'unmet', similarTo: 'lastName' });
  });

  it('leaves similarity to the hub when it knows no names (a reset link)', () => {
    expect(stateOf('Lantern-Orbit-42', {} as typeof person).similar).toBe('checked-by-hub');
  });

  it('lets the form submit only when every rule it can check is met', () => {
    expect(passwordLooksAcceptable('short', person)).toBe(false);
    expect(passwordLooksAcceptable('Lantern-Orbit-42', person)).toBe(true);
  });
});
