import { randomUUID } from 'node:crypto';
import type { AccountTokenPurpose, AccountTokenRecord, UserRecord } from '../../storage/records';
import { DomainError } from '../../domain-error';
import type { AccountsDeps } from './deps';
import { hashToken, newSecret } from './tokens';

const LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  'verify-email': 48 * 3_600_000,
  'reset-password': 3_600_000,
};
const PAGE: Record<AccountTokenPurpose, string> = {
  'verify-email': 'verify-email',
  'reset-password': 'reset-password',
};

/** The repositories AccountLinks reads and writes (createHub hands it exactly these). */
export const ACCOUNT_LINK_REPOSITORIES = ['accountTokens'] as const;

/** One-time links for email verification and password reset; a new link replaces older ones. */
export class AccountLinks {
  constructor(private readonly deps: AccountsDeps<(typeof ACCOUNT_LINK_REPOSITORIES)[number]>) {}

  async create(
    user: UserRecord,
    purpose: AccountTokenPurpose,
  ): Promise<{ url: string; expiresAt: string }> {
    const { storage, now, publicUrl } = this.deps;
    await storage.accountTokens.deleteForUser(user.id, purpose);
    const secret = newSecret();
    const expiresAt = new Date(now().getTime() + LIFETIME_MS[purpose]).toISOString();
    await storage.accountTokens.insert({
      id: randomUUID(),
      userId: user.id,
      purpose,
      tokenHash: hashToken(secret),
      expiresAt,
      createdAt: now().toISOString(),
    });
    return { url: `${publicUrl()}/${PAGE[purpose]}?token=${secret}`, expiresAt };
  }

  /** Spends a token: it works once. */
  async redeem(token: string, purpose: AccountTokenPurpose): Promise<AccountTokenRecord> {
    const { storage, now } = this.deps;
    const record = await storage.accountTokens.findByHash(hashToken(token));
    const what = purpose === 'verify-email' ? 'verification' : 'reset';
    if (!record || record.purpose !== purpose) {
      throw new DomainError(
        'NOT_FOUND',
        `This ${what} link is not valid. It may have been used already; ask for a new one.`,
      );
    }
    await storage.accountTokens.delete(record.id);
    if (new Date(record.expiresAt) <= now()) {
      throw new DomainError('GONE', `This ${what} link has expired. Ask for a new one.`);
    }
    return record;
  }
}
