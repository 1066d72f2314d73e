// Peer for the poll bench: plain Socket.IO doing the least the same clients
// need — count each answer in memory, ack it, and send the teacher the
// counts. No auth, no storage, no access checks. Runs in its own process.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { answerStats } from '../support/child-stats.mjs';

const http = createServer();
const io = new Server(http);
const answers = new Map<string, Map<string, number[]>>();

io.on('connection', (socket) => {
  // The bench marks the teacher's socket; everyone else is a student.
  if ((socket.handshake.auth as { token?: string }).token === 'teacher')
    void socket.join('teacher');
  socket.on('poll:answer', (request: { pollId: string; responses: number[][] }, ack) => {
    const poll = answers.get(request.pollId) ?? new Map<string, number[]>();
    answers.set(request.pollId, poll);
    poll.set(socket.id, request.responses[0] ?? []);
    const optionCounts = [0, 0, 0, 0];
    for (const chosen of poll.values()) for (const o of chosen) optionCounts[o]! += 1;
    io.to('teacher').emit('poll:results', {
      sessionId: 'bench',
      results: {
        pollId: request.pollId,
        sessionId: 'bench',
        answered: poll.size,
        questions: [{ optionCounts, shortAnswers: [] }],
      },
    } as never);
    ack({ ok: true, data: { id: request.pollId } });
  });
});

await new Promise<void>((resolve) =>
  http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
);
const { port } = http.address() as { port: number };
answerStats(async () => {
  io.disconnectSockets(true);
  await io.close();
});
process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
