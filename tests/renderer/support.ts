import type { TokenPair } from '../../src-shared/schemas/accounts';
import type { SignOutReason, TokenSource } from '../../src-renderer/api/token-refresher';

/** A JSON response as the hub would send it. */
export function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
}

export function errorBody(code: string, message = `${code} happened`, details?: object) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

export function tokenPair(n: number): TokenPair {
  return {
    accessToken: `access-${n}`,
    accessTokenExpiresAt: '2030-01-01T00:00:00.000Z',
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: '2030-02-01T00:00:00.000Z',
  };
}

/** An in-memory token store that records sign-outs. */
export class MemoryTokens implements TokenSource {
  pair: TokenPair | undefined;
  readonly signOuts: SignOutReason[] = [];
  constructor(pair?: TokenPair) {
    this.pair = pair;
  }
  accessToken = () => this.pair?.accessToken;
  refreshToken = () => this.pair?.refreshToken;
  storeTokens = (pair: TokenPair) => {
    this.pair = pair;
  };
  signedOut = (reason: SignOutReason) => {
    this.pair = undefined;
    this.signOuts.push(reason);
  };
}

export const ACCOUNT = {
  id: 'u1',
  username: 'emma1',
  firstName: 'Emma',
  lastName: 'Stone',
  role: 'student',
  isAdmin: false,
  avatarUrl: '/api/users/emma1/avatar?v=initials',
  email: 'emma@school.test',
  bio: '',
  joinedAt: '2026-09-01T08:00:00.000Z',
  status: 'active',
  emailVerified: true,
};
