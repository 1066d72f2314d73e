import { createHmac, timingSafeEqual } from 'node:crypto';
import { api, type RouteDef } from '../../../src-shared/api';
import { DomainError, fieldError } from '../../domain-error';

/**
 * A browser saves a big file best by itself: streamed to disk, resumable,
 * never held in memory. A plain link cannot carry the Authorization header,
 * so the hub hands out short-lived signed links for one file route, bound to
 * the sign-in that asked: signing out (or out everywhere) kills them too.
 * The key comes from storage.coordination.secret: on lowdb it lives only in
 * memory, so a restart simply expires every link; on PostgreSQL it is made
 * once and shared, so a link signed by one hub node works on every other
 * (docs/security.md, "The shared download-link key").
 */
export class DownloadLinks {
  constructor(
    private readonly now: () => Date,
    private readonly key: Buffer,
    private readonly lifetimeMs = 10 * 60_000,
  ) {}

  sign(path: string, authSessionId: string): { url: string; expiresAt: string } {
    if (!isFileRoute(path))
      throw fieldError(
        'path',
        'Links can be made only for file downloads of this hub (materials, post files, submissions).',
      );
    const expires = this.now().getTime() + this.lifetimeMs;
    const ticket = `${authSessionId}.${expires}.${this.mac(path, authSessionId, expires)}`;
    return {
      url: `${path}?ticket=${encodeURIComponent(ticket)}`,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /** The auth session a valid ticket for this path was made for. */
  verify(ticket: string, path: string): string {
    const [sig, expiresText, ...rest] = ticket.split('.').reverse();
    const authSessionId = rest.reverse().join('.');
    const expires = Number(expiresText);
    if (
      !sig ||
      !authSessionId ||
      !Number.isSafeInteger(expires) ||
      !this.matches(sig, path, authSessionId, expires)
    )
      throw new DomainError(
        'UNAUTHENTICATED',
        'This download link is not valid. Start the download again from the app.',
      );
    if (expires <= this.now().getTime())
      throw new DomainError(
        'UNAUTHENTICATED',
        'This download link has expired. Start the download again from the app.',
      );
    return authSessionId;
  }

  private mac(path: string, authSessionId: string, expires: number): string {
    return createHmac('sha256', this.key)
      .update(`${path}\n${authSessionId}\n${expires}`)
      .digest('base64url');
  }

  private matches(sig: string, path: string, authSessionId: string, expires: number): boolean {
    const expected = Buffer.from(this.mac(path, authSessionId, expires));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

const fileRoutePatterns = (Object.values(api) as RouteDef[])
  .filter((route) => route.response === 'file' && route.method === 'get' && route.auth !== 'public')
  .map(
    (route) =>
      new RegExp(`^/api${route.path.replace(/:[A-Za-z]+/g, '[^/?#]+').replace(/\./g, '\\.')}$`),
  );

export function isFileRoute(path: string): boolean {
  return fileRoutePatterns.some((pattern) => pattern.test(path));
}
