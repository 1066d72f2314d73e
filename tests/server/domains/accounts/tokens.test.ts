import { describe, expect, it } from 'vitest';
import {
  composeToken,
  hashToken,
  newSecret,
  sameHash,
  splitToken,
} from '../../../../src-server/domains/accounts/tokens';
import { initialsAvatarSvg } from '../../../../src-server/domains/accounts/initials-avatar';

describe('tokens', () => {
  it('are 256-bit URL-safe secrets, never repeated', () => {
    const secrets = new Set(Array.from({ length: 1000 }, newSecret));
    expect(secrets.size).toBe(1000);
    for (const secret of [...secrets].slice(0, 10)) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('split back into session id and secret, and refuse malformed input', () => {
    expect(splitToken(composeToken('abc', 'xyz'))).toEqual({ sessionId: 'abc', secret: 'xyz' });
    for (const bad of ['', '.', 'abc', '.xyz', 'abc.']) expect(splitToken(bad)).toBeUndefined();
  });

  it('compare by hash, equal only for the same secret', () => {
    const secret = newSecret();
    expect(sameHash(hashToken(secret), hashToken(secret))).toBe(true);
    expect(sameHash(hashToken(secret), hashToken(newSecret()))).toBe(false);
    expect(sameHash(hashToken(secret), 'short')).toBe(false);
  });
});

describe('initials avatars', () => {
  it('show the first letters of first and last name, escaped, in a stable colour', () => {
    const svg = initialsAvatarSvg({
      id: 'u1',
      firstName: 'émile',
      lastName: '<Zola>',
      username: 'ez',
    });
    expect(svg).toContain('>É&#60;<');
    expect(initialsAvatarSvg({ id: 'u1', firstName: 'A', lastName: 'B', username: 'x' })).toMatch(
      /fill="(#[0-9a-f]{6})"/,
    );
    const colour = (id: string) =>
      /rect[^>]*fill="(#[0-9a-f]{6})"/.exec(
        initialsAvatarSvg({ id, firstName: 'A', lastName: 'B', username: 'x' }),
      )?.[1];
    expect(colour('same-id')).toBe(colour('same-id'));
  });
});
