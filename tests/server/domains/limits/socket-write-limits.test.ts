import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import {
  SocketWriteLimits,
  WRITE_LIMITS,
} from '../../../../src-server/domains/limits/socket-write-limits';
import { memoryCoordination } from '../../../../src-server/storage/coordination/memory-coordination';

const ann = 'user-ann' as UserId;
const ben = 'user-ben' as UserId;

/** Tries `attempt` n times; how many were refused with TOO_MANY_REQUESTS. */
async function refusals(n: number, attempt: () => Promise<unknown>): Promise<unknown[]> {
  const refused: unknown[] = [];
  for (let i = 0; i < n; i++) await attempt().catch((error: unknown) => refused.push(error));
  return refused;
}

describe('socket write limits (one hub on lowdb)', () => {
  it('gives a person 30 chat writes, then says to wait; another person has their own', async () => {
    const limits = new SocketWriteLimits(memoryCoordination());
    const refused = await refusals(WRITE_LIMITS.chat.points + 3, () => limits.chatWrite(ann));
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'You are sending too fast. Wait a few seconds.',
    });
    await expect(limits.chatWrite(ben)).resolves.toBeUndefined();
  });

  it('counts device reports per person, whatever device id each report comes from', async () => {
    const limits = new SocketWriteLimits(memoryCoordination());
    const refused = await refusals(WRITE_LIMITS.deviceReports.points + 1, () =>
      limits.deviceReport(ann),
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^This device reports too often/),
    });
  });

  it('relays typing once per window per person and room', async () => {
    const limits = new SocketWriteLimits(memoryCoordination());
    expect(await limits.typingDue(ann, 'course:c1')).toBe(true);
    expect(await limits.typingDue(ann, 'course:c1')).toBe(false);
    expect(await limits.typingDue(ann, 'course:c2')).toBe(true);
    expect(await limits.typingDue(ben, 'course:c1')).toBe(true);
  });

  it('reports a limiter that fails as a failure, not as "sending too fast"', async () => {
    const broken = {
      consume: () => Promise.reject(new Error('the limits table is gone')),
    } as unknown as RateLimiterAbstract;
    const limits = new SocketWriteLimits({ limiter: () => broken });
    await expect(limits.chatWrite(ann)).rejects.toThrow('the limits table is gone');
    // A refusal (a RateLimiterRes) is what "too fast" means.
    const spent = {
      consume: () => Promise.reject(new RateLimiterRes(0, 1000)),
    } as unknown as RateLimiterAbstract;
    const refusing = new SocketWriteLimits({ limiter: () => spent });
    await expect(refusing.chatWrite(ann)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
