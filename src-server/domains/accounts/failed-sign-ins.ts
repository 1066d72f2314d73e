import type { UserId } from '../../../src-shared/ids';
import type { FailedSignInsNotice } from '../../../src-shared/schemas/accounts';

/**
 * Wrong passwords typed for each account since its owner last signed in, so
 * the owner is told someone has been guessing. Kept in memory: bounded by the
 * number of accounts, and a restart losing it costs one notice, not safety.
 */
export class FailedSignIns {
  private readonly byUser = new Map<UserId, FailedSignInsNotice>();

  record(userId: UserId, address: string, at: Date): void {
    const count = (this.byUser.get(userId)?.count ?? 0) + 1;
    this.byUser.set(userId, { count, lastAddress: address, lastAt: at.toISOString() });
  }

  /** What to tell the owner at sign-in; told once, then forgotten. */
  take(userId: UserId): FailedSignInsNotice | undefined {
    const notice = this.byUser.get(userId);
    this.byUser.delete(userId);
    return notice;
  }
}
