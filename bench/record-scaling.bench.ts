import { classFolder, type ClassFolder } from './support/bench-hub';
import { post } from './support/http';
import { interleaved } from './support/paired';
import { report } from './support/report';
import { BENCH_PASSWORD, seedHistory } from './support/seed';
import type { ServerProcess } from './support/server-process';
import { median, ms } from './support/stats';

/**
 * Does a write cost grow with what is stored, and what does PostgreSQL cost
 * against lowdb? Four hubs run side by side, on lowdb and on PostgreSQL
 * (the bench's embedded server, fsync on), each engine with a hub holding 20
 * sign-ins and read markers and one holding 30,000 of each. The same
 * requests go to all four in turn: token refresh, sign-in (bcrypt at cost 4
 * everywhere, so storage is what differs) and a read-marker write.
 */
const PEOPLE = 20;
const BIG = 30_000;
const MESSAGES = 40;

type Operation = 'token refresh' | 'sign-in' | 'read-marker write';
type Engine = 'lowdb' | 'postgres';

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

interface Timing {
  median: number;
  lagMaxMs: number;
}

export async function runRecordScaling(options: { quick: boolean }): Promise<void> {
  const runs = options.quick ? 2 : 5;
  const perRun = options.quick ? 10 : 30;
  const sides: Side[] = [];
  const open = async (engine: Engine, extra: number) => {
    const opened = await side(engine, extra);
    sides.push(opened);
    return opened;
  };
  console.log(
    `\nwrites with ${PEOPLE} vs ${BIG.toLocaleString('en')} stored sign-ins and read markers, on lowdb and PostgreSQL`,
  );
  try {
    const lowdb = { small: await open('lowdb', 0), big: await open('lowdb', BIG - PEOPLE) };
    const postgres = {
      small: await open('postgres', 0),
      big: await open('postgres', BIG - PEOPLE),
    };
    for (const operation of ['token refresh', 'sign-in', 'read-marker write'] as const) {
      const results = await interleaved<Timing>(
        runs,
        [lowdb.big, lowdb.small, postgres.big, postgres.small].map(
          (s) => () => timeMany(s, operation, perRun),
        ),
      );
      const column = (i: number) => results.map((r) => r[i]!);
      const [lowBig, lowSmall, pgBig, pgSmall] = [0, 1, 2, 3].map(column) as [
        Timing[],
        Timing[],
        Timing[],
        Timing[],
      ];
      const medianOf = (timings: Timing[]) => ms(median(timings.map((t) => t.median)));
      const lagOf = (timings: Timing[]) => ms(Math.max(...timings.map((t) => t.lagMaxMs)));
      console.log(
        `  ${operation}: median ${medianOf(lowBig)} with ${BIG.toLocaleString('en')} records, ${medianOf(lowSmall)} with ${PEOPLE} on lowdb; ${medianOf(pgBig)} and ${medianOf(pgSmall)} on PostgreSQL; longest event-loop lag ${lagOf(lowBig)} vs ${lagOf(lowSmall)} (lowdb), ${lagOf(pgBig)} vs ${lagOf(pgSmall)} (PostgreSQL)`,
      );
      const ratios = (a: Timing[], b: Timing[]) => a.map((t, i) => t.median / b[i]!.median);
      const workload = `${operation}, ${BIG.toLocaleString('en')} vs ${PEOPLE} records`;
      report({
        workload,
        measure: 'median time, large / small (lowdb)',
        ratios: ratios(lowBig, lowSmall),
        target: 1.2,
      });
      report({
        workload,
        measure: 'median time, large / small (PostgreSQL)',
        ratios: ratios(pgBig, pgSmall),
        target: 1.2,
      });
      report({
        workload,
        measure: `median time, PostgreSQL / lowdb (${BIG.toLocaleString('en')} records)`,
        ratios: ratios(pgBig, lowBig),
      });
      report({
        workload,
        measure: `median time, PostgreSQL / lowdb (${PEOPLE} records)`,
        ratios: ratios(pgSmall, lowSmall),
      });
    }
  } finally {
    for (const s of sides) {
      await s.hub.stop();
      await s.folder.remove();
    }
  }
}

async function side(engine: Engine, extraRecords: number): Promise<Side> {
  const folder = await classFolder(PEOPLE - 1, 4, engine);
  if (extraRecords > 0) await seedHistory(folder, folder.world, extraRecords);
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

async function timeMany(s: Side, operation: Operation, count: number): Promise<Timing> {
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
