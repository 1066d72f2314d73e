import type { HandsChange } from '../src-shared/schemas/class-tools/hands';
import { buildPath } from '../src-shared/api';
import { classFolder } from './support/bench-hub';
import { connectAll, disconnectAll, type BenchSocket } from './support/socket-clients';
import { mb, median, ms, quantile } from './support/stats';

/**
 * Raise hand in a class of N (500 by default): N students connected to a
 * course's live session, the teacher watching. Two figures:
 *  - one hand: from sending the raise to the last of N+1 devices hearing
 *    of it (one encoded packet per change, to the session's room);
 *  - a burst: every student raises at once; from the last raise's answer to
 *    the teacher hearing the hub's count reach N.
 * Run: `npx tsx bench/class-hands.ts [students] [rounds]`.
 */
const students = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 10);

async function call(url: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(path, url), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json as Record<string, unknown>;
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<unknown>,
) {
  for (let i = 0; i < items.length; i += width)
    await Promise.all(items.slice(i, i + width).map(work));
}

const folder = await classFolder(students);
const hub = await folder.start();
const { teacher, students: people } = folder.world;
const courseId = folder.world.room.slice('course:'.length);
let sockets: BenchSocket[] = [];
try {
  const session = await call(hub.url, teacher.accessToken, 'POST', buildPath('/sessions'), {
    title: 'Bench class',
    courseId,
  });
  const sessionId = session.id as string;
  await inBatches(people, 25, (p) =>
    call(hub.url, p.accessToken, 'POST', buildPath('/sessions/join'), { token: session.joinToken }),
  );
  const connected = await connectAll(hub.url, [
    teacher.accessToken,
    ...people.map((p) => p.accessToken),
  ]);
  sockets = connected.sockets;
  console.log(`${students} students + teacher connected in ${ms(connected.connectMs)}`);
  const hands = (p: (typeof people)[number], method: 'PUT' | 'DELETE') =>
    call(
      hub.url,
      p.accessToken,
      method,
      buildPath('/sessions/:sessionId/hands/mine', { sessionId }),
    );

  const oneHand: number[] = [];
  await hub.resetLag();
  for (let round = 0; round < rounds; round++) {
    const who = people[round % people.length]!;
    const arrivals: Promise<number>[] = sockets.map(
      (socket) =>
        new Promise((resolve) =>
          socket.once('hands:changed', (change: HandsChange) => {
            if (change.kind === 'raised') resolve(performance.now());
          }),
        ),
    );
    const sent = performance.now();
    await hands(who, 'PUT');
    const last = Math.max(...(await Promise.all(arrivals)));
    oneHand.push(last - sent);
    await call(
      hub.url,
      teacher.accessToken,
      'DELETE',
      buildPath('/sessions/:sessionId/hands', { sessionId }),
    );
    // Past the 200 ms coalescing window, so each round measures a change on its own.
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(
    `one hand raised → all ${students + 1} devices told: p50 ${ms(median(oneHand))}, p99 ${ms(quantile(oneHand, 0.99))} (from sending the raise; ${rounds} rounds)`,
  );

  const teacherSocket = sockets[0]!;
  const full = new Promise<number>((resolve) => {
    const listener = (change: HandsChange) => {
      if (change.count !== students) return;
      teacherSocket.off('hands:changed', listener);
      resolve(performance.now());
    };
    teacherSocket.on('hands:changed', listener);
  });
  const started = performance.now();
  let lastAnswer = 0;
  await Promise.all(
    people.map(async (p) => {
      await hands(p, 'PUT');
      lastAnswer = Math.max(lastAnswer, performance.now());
    }),
  );
  const counted = await full;
  const stats = await hub.stats();
  console.log(
    `burst: ${students} raises answered in ${ms(lastAnswer - started)}; last answer → teacher's queue of ${students}: ${ms(Math.max(0, counted - lastAnswer))}`,
  );
  console.log(
    `hub: RSS ${mb(stats.rssBytes)}, CPU ${ms(stats.cpuMs)}, event-loop lag max ${ms(stats.lagMaxMs)}`,
  );
} finally {
  disconnectAll(sockets);
  await hub.stop();
  await folder.remove();
}
