import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../src-server/storage/group-commit';

/** A flush whose completion the test controls, recording when each flush started. */
function controlledFlush() {
  const releases: (() => void)[] = [];
  let started = 0;
  const flush = () => {
    started++;
    return new Promise<void>((resolve) => releases.push(resolve));
  };
  return {
    flush,
    get started() {
      return started;
    },
    releaseNext() {
      const release = releases.shift();
      if (!release) throw new Error('no flush is running');
      release();
    },
  };
}

/** Lets pending promise callbacks and one setImmediate round run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('turns 200 concurrent requests into far fewer than 200 flushes', async () => {
    let flushes = 0;
    const commit = new GroupCommit(async () => {
      flushes++;
      await new Promise((resolve) => setTimeout(resolve, 2));
    });

    await Promise.all(Array.from({ length: 200 }, () => commit.request()));

    expect(flushes).toBeGreaterThanOrEqual(1);
    expect(flushes).toBeLessThanOrEqual(2);
  });

  it('resolves a request only after a flush that began after the request', async () => {
    const control = controlledFlush();
    const commit = new GroupCommit(control.flush);
    const first = commit.request();
    await settle();
    expect(control.started).toBe(1);

    // Made while the first flush runs: its change may not be in that flush.
    let secondDone = false;
    const second = commit.request().then(() => {
      secondDone = true;
    });
    control.releaseNext();
    await first;
    await settle();
    expect(secondDone).toBe(false);
    expect(control.started).toBe(2);

    control.releaseNext();
    await second;
    expect(secondDone).toBe(true);
  });

  it('serves every request made during a running flush with one next flush', async () => {
    const control = controlledFlush();
    const commit = new GroupCommit(control.flush);
    const first = commit.request();
    await settle();
    const during = Array.from({ length: 50 }, () => commit.request());
    control.releaseNext();
    await first;
    await settle();
    control.releaseNext();
    await Promise.all(during);

    expect(control.started).toBe(2);
  });

  it('rejects the requests of a failed flush with its error, and flushes again on the next request', async () => {
    let attempt = 0;
    const commit = new GroupCommit(async () => {
      attempt++;
      if (attempt === 1) throw new Error('disk full');
    });

    const failed = await Promise.allSettled([commit.request(), commit.request()]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((failed[0] as PromiseRejectedResult).reason).toEqual(new Error('disk full'));

    await expect(commit.request()).resolves.toBeUndefined();
    expect(attempt).toBe(2);
  });

  it('idle() waits for the running and queued flushes to finish', async () => {
    const control = controlledFlush();
    const commit = new GroupCommit(control.flush);
    void commit.request();
    await settle();
    void commit.request();

    let idle = false;
    const waiting = commit.idle().then(() => {
      idle = true;
    });
    control.releaseNext();
    await settle();
    expect(idle).toBe(false);
    control.releaseNext();
    await waiting;
    expect(idle).toBe(true);
  });

  it('idle() resolves at once when nothing is pending', async () => {
    const commit = new GroupCommit(async () => undefined);
    await expect(commit.idle()).resolves.toBeUndefined();
  });
});
