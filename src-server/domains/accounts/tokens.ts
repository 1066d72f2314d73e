import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits from the OS CSPRNG, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this hash: a copied data folder signs no one in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `<sessionId>.<secret>`: the id finds the session in O(1), the secret proves possession. */
export function composeToken(sessionId: string, secret: string): string {
  return `${sessionId}.${secret}`;
}

export function splitToken(token: string): { sessionId: string; secret: string } | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1) return undefined;
  return { sessionId: token.slice(0, dot), secret: token.slice(dot + 1) };
}
