// Peer for the chat and connect benches: plain Socket.IO doing the least the
// same clients need — one room, a sequence number, broadcast, acks. No auth,
// no storage. Runs in its own process like the hub.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { answerStats } from '../support/child-stats';

const ROOM = 'course:bench';
const http = createServer();
const io = new Server(http);
let seq = 0;

io.on('connection', (socket) => {
  void socket.join(ROOM);
  socket.on('chat:send', (request: { room: string; clientId: string; text?: string }, ack) => {
    const message = { room: ROOM, seq: ++seq, clientId: request.clientId, text: request.text };
    io.to(ROOM).emit('chat:message', message);
    ack({ ok: true, data: message });
  });
  socket.on('chat:read', (request: { room: string; seq: number }, ack) => {
    ack({ ok: true, data: { room: ROOM, readSeq: request.seq } });
  });
});

// The hub's accept queue (hub.ts › CONNECTION_BACKLOG), so a connect storm compares the
// servers' work, not which one's kernel queue overflowed and made clients retry.
await new Promise<void>((resolve) =>
  http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
);
const { port } = http.address() as { port: number };
answerStats(async () => {
  io.disconnectSockets(true);
  await io.close();
});
process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
