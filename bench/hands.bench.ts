import type { HandsChange } from '../src-shared/schemas/class-tools/hands';
import { classFolder } from './support/bench-hub';
import { post } from './support/http';
import { paired } from './support/paired';
import { report } from './support/report';
import { startServer, type ServerProcess } from './support/server-process';
import { connectAll, disconnectAll } from './support/socket-clients';
import { mb, ms } from './support/stats';

/**
 * Raise hand in a class of N: every student raises within about a second
 * (a REST PUT, as the app does), everyone connected. Measured: from the last
 * raise sent to the teacher hearing the hub's count reach N, and the
 * server's CPU. The real hub (access checked, each hand stored, each change
 * one small packet to the session's room with the count) against bare
 * Socket.IO keeping a Set in memory and broadcasting the same packet, in the
 * same run, turn about. `bench/class-hands.ts` is the longer standalone run
 * (one hand's fan-out to every device, too).
 */
const PEER = new URL('./peers/bare-hands.ts', import.meta.url);
const SPREAD_MS = 1_000;

interface HandsRun {
  /** Last raise sent → the teacher hears the count reach N. */
  lastToCount: number;
  /** Raises refused (never counted). */
  refused: number;
  cpuMs: number;
  rssBytes: number;
}

export async function runHandsBench(options: { quick: boolean }): Promise<void> {
  const clients = options.quick ? 200 : 500;
  const runs = options.quick ? 2 : 5;
  const folder = await classFolder(clients);
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
    for (const s of students)
      await post(hub.url, '/sessions/join', { token: session.body.joinToken }, s.accessToken);
    console.log(`\nhands, ${clients} students raising within ${SPREAD_MS} ms, the teacher's count`);
    const tokens = students.map((s) => s.accessToken);
    const results = await paired(
      runs,
      async () => {
        const lowered = await fetch(`${hub.url}/api/sessions/${sessionId}/hands`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${teacher.accessToken}` },
        });
        if (!lowered.ok) throw new Error(`could not lower the hands: ${lowered.status}`);
        return raiseAll(hub, teacher.accessToken, tokens, (i) =>
          fetch(`${hub.url}/api/sessions/${sessionId}/hands/mine`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${tokens[i]}` },
          }),
        );
      },
      async () => {
        const round = Math.random().toString(36).slice(2);
        return raiseAll(peer, 'teacher', tokens, (i) =>
          fetch(`${peer.url}/hands/${round}-${i}`, { method: 'PUT' }),
        );
      },
    );
    for (const [i, { subject, peer: bare }] of results.entries())
      console.log(
        `  run ${i + 1}: ClassHub ${line(subject)}\n         bare Socket.IO ${line(bare)}`,
      );
    const workload = `hands ${clients} students`;
    report({
      workload,
      measure: 'last raise → teacher’s count, ClassHub / bare Socket.IO',
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

function line(run: HandsRun): string {
  const refused = run.refused > 0 ? ` (${run.refused} raises REFUSED)` : '';
  return `last raise → count ${ms(run.lastToCount)}, server CPU ${ms(run.cpuMs)}, RSS ${mb(run.rssBytes)}${refused}`;
}

async function raiseAll(
  server: ServerProcess,
  teacherToken: string,
  studentTokens: readonly string[],
  raise: (i: number) => Promise<Response>,
): Promise<HandsRun> {
  const expected = studentTokens.length;
  let counted: () => void = () => undefined;
  const allCounted = new Promise<number>((resolve) => {
    counted = () => resolve(performance.now());
  });
  const {
    sockets: [teacherSocket],
  } = await connectAll(server.url, [teacherToken], (socket) =>
    socket.on('hands:changed', (change: HandsChange) => {
      if (change.count >= expected) counted();
    }),
  );
  // Every student's device hears every change, as in class.
  const { sockets } = await connectAll(server.url, studentTokens);
  await pause(1_000); // arrivals and presence settle before the clock starts
  const before = await server.stats();
  let refused = 0;
  let lastSent = 0;
  await Promise.all(
    studentTokens.map(async (_, i) => {
      await pause(Math.random() * SPREAD_MS);
      lastSent = Math.max(lastSent, performance.now());
      const reply = await raise(i);
      if (!reply.ok) refused++;
      await reply.arrayBuffer();
    }),
  );
  const at = await Promise.race([allCounted, pause(20_000).then(() => Number.NaN)]);
  const after = await server.stats();
  disconnectAll([teacherSocket!, ...sockets]);
  await pause(500);
  return {
    lastToCount: at - lastSent,
    refused,
    cpuMs: after.cpuMs - before.cpuMs,
    rssBytes: after.rssBytes,
  };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
