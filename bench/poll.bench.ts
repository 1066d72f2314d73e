import { randomUUID } from 'node:crypto';
import { classFolder } from './support/bench-hub';
import { post } from './support/http';
import { paired } from './support/paired';
import { report } from './support/report';
import { startServer, type ServerProcess } from './support/server-process';
import { connectAll, disconnectAll, type BenchSocket } from './support/socket-clients';
import { mb, ms } from './support/stats';

/**
 * A poll in a class of N: every student answers within about a second (over
 * the socket, as the app does), and the teacher's screen waits for the count
 * that includes the last answer. Measured: from the moment the last answer
 * is sent to the teacher's updated count. The real hub (access checked,
 * every answer stored before its ack, counts made on the hub and coalesced
 * to the teacher) against bare Socket.IO with the same clients (counts in
 * memory, one packet to the teacher per answer), in the same run, turn about.
 */
const PEER = new URL('./peers/bare-poll.ts', import.meta.url);
const SPREAD_MS = 1_000;
/** `--engine=postgres`: the hub on PostgreSQL, where each answer's limit is a database round trip. */
const ENGINE = process.argv.includes('--engine=postgres') ? 'postgres' : 'lowdb';

interface PollRun {
  /** Last answer sent → the teacher sees the count with every answer. */
  lastToCount: number;
  /** Answers the server refused (never counted). */
  refused: number;
  /** Count packets the teacher received for this poll. */
  packets: number;
  cpuMs: number;
  rssBytes: number;
}

export async function runPollBench(options: { quick: boolean }): Promise<void> {
  const clients = options.quick ? 200 : 500;
  const runs = options.quick ? 2 : 5;
  const folder = await classFolder(clients, 4, ENGINE);
  const hub = await folder.start();
  const peer = await startServer(PEER);
  try {
    const { teacher, students } = folder.world;
    const courseId = folder.world.room.slice('course:'.length);
    const session = await post(
      hub.url,
      '/sessions',
      { title: 'Bench lesson', description: '', courseId },
      teacher.accessToken,
    );
    const sessionId = session.body.id as string;
    const joinToken = session.body.joinToken as string;
    for (const s of students)
      await post(hub.url, '/sessions/join', { token: joinToken }, s.accessToken);
    console.log(
      `\npoll, ${clients} students answering within ${SPREAD_MS} ms, the teacher's count (${ENGINE})`,
    );
    const results = await paired(
      runs,
      async () => {
        const pollId = await openPoll(hub, teacher.accessToken, sessionId);
        return answerAll(
          hub,
          teacher.accessToken,
          students.map((s) => s.accessToken),
          pollId,
        );
      },
      () =>
        answerAll(
          peer,
          'teacher',
          students.map(() => undefined),
          randomUUID(),
        ),
    );
    for (const [i, { subject, peer: bare }] of results.entries())
      console.log(
        `  run ${i + 1}: ClassHub ${line(subject)}\n         bare Socket.IO ${line(bare)}`,
      );
    const workload = `poll ${clients} students${ENGINE === 'postgres' ? ' (PostgreSQL)' : ''}`;
    report({
      workload,
      measure: 'last answer → teacher’s count, ClassHub / bare Socket.IO',
      // No target: the issue asks for the figure. The peer neither stores nor checks anything.
      ratios: results.map((r) => r.subject.lastToCount / r.peer.lastToCount),
    });
    report({
      workload,
      measure: 'server CPU time, ClassHub / bare Socket.IO',
      ratios: results.map((r) => r.subject.cpuMs / r.peer.cpuMs),
    });
  } finally {
    await Promise.all([hub.stop(), peer.stop()]);
    await folder.remove();
  }
}

function line(run: PollRun): string {
  const refused = run.refused > 0 ? ` (${run.refused} answers REFUSED)` : '';
  return `last answer → count ${ms(run.lastToCount)}, ${run.packets} count packets to the teacher${refused}, server CPU ${ms(run.cpuMs)}, RSS ${mb(run.rssBytes)}`;
}

async function openPoll(hub: ServerProcess, token: string, sessionId: string): Promise<string> {
  const created = await post(
    hub.url,
    `/sessions/${sessionId}/polls`,
    {
      kind: 'poll',
      title: 'Which planet next?',
      questions: [
        { type: 'single', prompt: 'Pick one', options: ['Mars', 'Venus', 'Jupiter', 'Saturn'] },
      ],
    },
    token,
  );
  const pollId = created.body.id as string;
  const opened = await post(hub.url, `/polls/${pollId}/open`, {}, token);
  if (opened.status !== 200)
    throw new Error(`could not open the poll: ${JSON.stringify(opened.body)}`);
  return pollId;
}

async function answerAll(
  server: ServerProcess,
  teacherToken: string,
  studentTokens: ReadonlyArray<string | undefined>,
  pollId: string,
): Promise<PollRun> {
  const expected = studentTokens.length;
  let packets = 0;
  let counted: () => void = () => undefined;
  const allCounted = new Promise<number>((resolve) => {
    counted = () => resolve(performance.now());
  });
  const {
    sockets: [teacherSocket],
  } = await connectAll(server.url, [teacherToken], (socket) =>
    socket.on('poll:results', ({ results }) => {
      if (results.pollId !== pollId) return;
      packets++;
      if (results.answered >= expected) counted();
    }),
  );
  const { sockets } = await connectAll(server.url, studentTokens);
  await pause(1_000); // arrivals and presence settle before the clock starts
  const before = await server.stats();
  let refused = 0;
  let lastSent = 0;
  await Promise.all(
    sockets.map(async (socket, i) => {
      await pause(Math.random() * SPREAD_MS);
      lastSent = Math.max(lastSent, performance.now());
      await answer(socket, pollId, i % 4).then((ok) => ok || refused++);
    }),
  );
  const at = await Promise.race([allCounted, pause(20_000).then(() => Number.NaN)]);
  const after = await server.stats();
  disconnectAll([teacherSocket!, ...sockets]);
  await pause(500);
  return {
    lastToCount: at - lastSent,
    refused,
    packets,
    cpuMs: after.cpuMs - before.cpuMs,
    rssBytes: after.rssBytes,
  };
}

function answer(socket: BenchSocket, pollId: string, option: number): Promise<boolean> {
  return new Promise((resolve) =>
    socket.emit('poll:answer', { pollId, responses: [[option]] }, (reply) => resolve(reply.ok)),
  );
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
