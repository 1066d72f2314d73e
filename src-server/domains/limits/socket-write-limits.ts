import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { UserId } from '../../../src-shared/ids';
import { DomainError } from '../../domain-error';
import type { Coordination, LimiterOptions } from '../../storage/coordination/coordination';

/**
 * What a person may write over the socket, counted per person (all their
 * devices, on every hub node together: storage.coordination.limiter keeps
 * the count in PostgreSQL when nodes share it), so opening more tabs or
 * reconnecting to another node buys no more. Poll answers have their own
 * budget in PollService, shared by REST and the socket.
 */
export const WRITE_LIMITS = {
  /** Chat sends, edits and deletions per 10 seconds. */
  chat: { keyPrefix: 'socket-chat-writes', points: 30, duration: 10, hotPath: true },
  /** Typing is relayed at most once every two seconds per person and room. */
  typing: { keyPrefix: 'socket-typing', points: 1, duration: 2, hotPath: true },
  /**
   * Device reports per 10 seconds: the desktop app sends one per change,
   * debounced, so a person's two or three devices stay well inside it; a loop
   * (or a script inventing device ids) is stopped.
   */
  deviceReports: { keyPrefix: 'socket-device-reports', points: 20, duration: 10, hotPath: true },
} as const satisfies Record<string, LimiterOptions>;

export class SocketWriteLimits {
  private readonly chat: RateLimiterAbstract;
  private readonly typing: RateLimiterAbstract;
  private readonly reports: RateLimiterAbstract;

  constructor(coordination: Pick<Coordination, 'limiter'>) {
    this.chat = coordination.limiter(WRITE_LIMITS.chat);
    this.typing = coordination.limiter(WRITE_LIMITS.typing);
    this.reports = coordination.limiter(WRITE_LIMITS.deviceReports);
  }

  /** Spends one chat write, or refuses with a sentence the sender can act on. */
  async chatWrite(userId: UserId): Promise<void> {
    if (!(await spend(this.chat, userId)))
      throw new DomainError('TOO_MANY_REQUESTS', 'You are sending too fast. Wait a few seconds.');
  }

  /** True when this person's typing in `room` is due to be relayed again. */
  typingDue(userId: UserId, room: string): Promise<boolean> {
    return spend(this.typing, `${userId}|${room}`);
  }

  async deviceReport(userId: UserId): Promise<void> {
    if (!(await spend(this.reports, userId)))
      throw new DomainError(
        'TOO_MANY_REQUESTS',
        'This device reports too often; the hub keeps its last report. Wait a few seconds.',
      );
  }
}

/** True when `key` had a point left (now spent); false when it is over its budget. */
async function spend(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (refused) {
    // A store failure is not the person's fault: it is reported as what it is.
    if (refused instanceof Error) throw refused;
    return false;
  }
}
