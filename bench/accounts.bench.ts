import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { PasswordHasher } from '../src-server/domains/accounts/password-hasher';
import { createHub } from '../src-server/hub';

/**
 * Sign-in costs: bcrypt time per cost factor, how much twenty simultaneous
 * sign-ins stall the event loop with hashing in workers versus on the main
 * thread (a ratio measured side by side), and a whole sign-in request.
 */
const CONCURRENT = 20;

async function hashTimes(): Promise<void> {
  console.log('\nbcrypt in a worker, ms per hash');
  for (const rounds of [10, 11, 12]) {
    const hasher = new PasswordHasher(rounds);
    await hasher.hash('warm-up the pool');
    const start = performance.now();
    for (let i = 0; i < 5; i++) await hasher.hash(`password-${i}`);
    console.log(`  cost ${rounds}: ${((performance.now() - start) / 5).toFixed(0)} ms`);
    await hasher.close();
  }
}

/** Longest gap between ticks of a 5 ms timer while `work` runs: how long a request would wait to be served. */
async function maxLoopDelay(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await work();
  clearInterval(timer);
  return longest;
}

async function loopStall(): Promise<void> {
  const rounds = 11;
  const hash = bcrypt.hashSync('correct horse', rounds);
  const hasher = new PasswordHasher(rounds);
  await hasher.verify('warm-up', hash);
  const inWorkers = await maxLoopDelay(() =>
    Promise.all(Array.from({ length: CONCURRENT }, () => hasher.verify('correct horse', hash))),
  );
  const onMainThread = await maxLoopDelay(() =>
    Promise.all(Array.from({ length: CONCURRENT }, () => bcrypt.compare('correct horse', hash))),
  );
  await hasher.close();
  console.log(
    `\n${CONCURRENT} simultaneous password checks at cost ${rounds}: longest event-loop stall`,
  );
  console.log(`  bcryptjs on the main thread: ${onMainThread.toFixed(0)} ms`);
  console.log(
    `  worker threads (the hub):    ${inWorkers.toFixed(0)} ms   ratio ${(onMainThread / Math.max(inWorkers, 1)).toFixed(0)}× better`,
  );
}

async function signInRequest(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'classhub-bench-'));
  const hub = await createHub({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    verification: 'none',
  });
  const post = (path: string, body: unknown) =>
    fetch(`${hub.url}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/auth/register', {
    username: 'bench',
    firstName: 'Ben',
    lastName: 'Ch',
    email: 'b@x.org',
    password: 'Lantern-Orbit-42',
    role: 'student',
  });
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    await (await post('/auth/sign-in', { username: 'bench', password: 'Lantern-Orbit-42' })).json();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `\nsign-in request at the default cost 11 (real hub, HTTP): median ${times[5]!.toFixed(0)} ms`,
  );
  await hub.close();
  await rm(dataDir, { recursive: true, force: true });
}

export async function runAccountsBench(): Promise<void> {
  await hashTimes();
  await loopStall();
  await signInRequest();
}
