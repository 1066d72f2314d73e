import { classFolder, type ClassFolder } from './support/bench-hub';
import { post } from './support/http';
import { paired } from './support/paired';
import { report } from './support/report';
import { BENCH_PASSWORD, seedHistory } from './support/seed';
import type { ServerProcess } from './support/server-process';
import { median, ms } from './support/stats';

/**
 * Does a write cost grow with what is stored? Two hubs run side by side:
 * one holding 20 sign-ins and read markers, one holding 30,000 of each.
 * The same requests go to both in turn: token refresh, sign-in (bcrypt at
 * cost 4 on both, so storage is what differs) and a read-marker write.
 */
const PEOPLE = 20;
const BIG = 30_000;
const MESSAGES = 40;

type Operation = 'token refresh' | 'sign-in' | 'read-marker write';

interface Side {
  readonly folder: ClassFolder;
  readonly hub: ServerProcess;
  /** Current tokens per person (each refresh rotates both). */
  readonly refreshTokens: string[];
  readonly accessTokens: string[];
  /** Next seq each person marks read. */
  readonly readUpTo: number[];
  turn: number;
}

export async function runRecordScaling(options: { quick: boolean }): Promise<void> {
  const runs = options.quick ? 2 : 5;
  const perRun = options.quick ? 10 : 30;
  const small = await side(0);
  const big = await side(BIG - PEOPLE);
  console.log(
    `\nwrites with ${PEOPLE} vs ${BIG.toLocaleString('en')} stored sign-ins and read markers`,
  );
  try {
    for (const operation of ['token refresh', 'sign-in', 'read-marker write'] as const) {
      const results = await paired(
        runs,
        () => timeMany(big, operation, perRun),
        () => timeMany(small, operation, perRun),
      );
      const bigMedian = median(results.map((r) => r.subject.median));
      const smallMedian = median(results.map((r) => r.peer.median));
      console.log(
        `  ${operation}: median ${ms(bigMedian)} with ${BIG.toLocaleString('en')} records, ${ms(smallMedian)} with ${PEOPLE}; longest event-loop lag ${ms(Math.max(...results.map((r) => r.subject.lagMaxMs)))} vs ${ms(Math.max(...results.map((r) => r.peer.lagMaxMs)))}`,
      );
      report({
        workload: `${operation}, ${BIG.toLocaleString('en')} vs ${PEOPLE} records`,
        measure: 'median time, large / small',
        ratios: results.map((r) => r.subject.median / r.peer.median),
        target: 1.2,
      });
    }
  } finally {
    for (const s of [small, big]) {
      await s.hub.stop();
      await s.folder.remove();
    }
  }
}

async function side(extraRecords: number): Promise<Side> {
  const folder = await classFolder(PEOPLE - 1);
  if (extraRecords > 0) await seedHistory(folder.dataDir, folder.world, extraRecords);
  const hub = await folder.start();
  const people = [folder.world.teacher, ...folder.world.students];
  // Messages to mark read, all from the teacher (a sender's own marker moves with each
  // message): each read-marker write by a student then moves their marker forward by one.
  for (let i = 0; i < MESSAGES; i++) {
    const sent = await post(
      hub.url,
      `/chat/rooms/${encodeURIComponent(folder.world.room)}/messages`,
      { clientId: crypto.randomUUID(), text: `message ${i}` },
      folder.world.teacher.accessToken,
    );
    if (sent.status !== 201) throw new Error(`sending a message answered ${sent.status}`);
  }
  return {
    folder,
    hub,
    refreshTokens: people.map((p) => p.refreshToken),
    accessTokens: people.map((p) => p.accessToken),
    readUpTo: people.map(() => 1),
    turn: 0,
  };
}

async function timeMany(
  s: Side,
  operation: Operation,
  count: number,
): Promise<{ median: number; lagMaxMs: number }> {
  await s.hub.resetLag();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const person = s.turn++ % PEOPLE;
    const start = performance.now();
    const status = await once(s, operation, person);
    times.push(performance.now() - start);
    if (status >= 300) throw new Error(`${operation} answered ${status}`);
  }
  return { median: median(times), lagMaxMs: (await s.hub.stats()).lagMaxMs };
}

async function once(s: Side, operation: Operation, person: number): Promise<number> {
  const people = [s.folder.world.teacher, ...s.folder.world.students];
  if (operation === 'token refresh') {
    const reply = await post(s.hub.url, '/auth/refresh', {
      refreshToken: s.refreshTokens[person],
    });
    s.refreshTokens[person] = reply.body.refreshToken as string;
    s.accessTokens[person] = reply.body.accessToken as string;
    return reply.status;
  }
  if (operation === 'sign-in') {
    return (
      await post(s.hub.url, '/auth/sign-in', {
        username: people[person]!.username,
        password: BENCH_PASSWORD,
      })
    ).status;
  }
  if (person === 0) person = 1 + (s.turn % (PEOPLE - 1)); // a student, not the sender
  const seq = Math.min(MESSAGES, ++s.readUpTo[person]!);
  return (
    await post(
      s.hub.url,
      `/chat/rooms/${encodeURIComponent(s.folder.world.room)}/read`,
      { seq },
      s.accessTokens[person],
    )
  ).status;
}
