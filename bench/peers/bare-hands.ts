// Peer for the hands bench: plain Socket.IO doing the least the same clients
// need — a raise is an HTTP PUT, the raised hands a Set in memory, and every
// change one small packet ({ kind, hand, count }) to everyone connected, as
// the hub sends. No auth, no storage, no access checks. Runs in its own process.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { answerStats } from '../support/child-stats.mjs';

/** Per round (the bench's `<round>-<student>` ids): each run is a fresh class. */
const raised = new Map<string, Set<string>>();
const http = createServer((request, response) => {
  const student = /^\/hands\/([^/]+)$/.exec(request.url ?? '')?.[1];
  if (request.method !== 'PUT' || !student) {
    response.writeHead(404).end();
    return;
  }
  const round = student.split('-')[0]!;
  const hands = raised.get(round) ?? new Set<string>();
  raised.set(round, hands.add(student));
  const change = {
    sessionId: 'bench',
    kind: 'raised',
    hand: { student: { id: student }, raisedAt: new Date().toISOString() },
    count: hands.size,
  };
  io.emit('hands:changed', change as never);
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(change));
});
const io = new Server(http);

await new Promise<void>((resolve) =>
  http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
);
const { port } = http.address() as { port: number };
answerStats(async () => {
  io.disconnectSockets(true);
  await io.close();
});
process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
