import { createHash } from 'node:crypto';

/**
 * Resends of the same action (the desktop outbox replaying after a flaky
 * connection) must store it once. The record's id is derived from who sent
 * it and their client id, so a resend finds the stored record by id — also
 * after a hub restart — and two copies arriving at the same instant share
 * one run instead of racing. Copies arriving at two hub nodes at once both
 * run; the database's unique id lets one insert through, and the other,
 * failing, finds the stored record and answers with it.
 */
export class IdempotentActions {
  private readonly running = new Map<string, Promise<unknown>>();

  /** The id a record gets when `actorId` sends `clientId` for this kind of action. */
  static recordId(kind: string, actorId: string, clientId: string): string {
    return createHash('sha256')
      .update(`${kind}\u0000${actorId}\u0000${clientId}`)
      .digest('hex')
      .slice(0, 32);
  }

  /**
   * Runs `action` once per key at a time; a second caller with the key gets
   * the first one's result. `stored` finds the record already stored under
   * the key: when the action fails (another node's copy took the id first),
   * the stored record is the answer and the failure is not.
   */
  run<T>(key: string, action: () => Promise<T>, stored?: () => Promise<T | undefined>): Promise<T> {
    const pending = this.running.get(key);
    if (pending) return pending as Promise<T>;
    const started = action()
      .catch(async (error: unknown) => {
        const earlier = stored ? await stored() : undefined;
        if (earlier === undefined) throw error;
        return earlier;
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
