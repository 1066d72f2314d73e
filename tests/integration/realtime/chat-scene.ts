import { randomUUID } from 'node:crypto';
import { signUp } from '../../support/people';
import { connectSocket, type ClientSocket } from '../../support/sockets';
import { startHub } from '../../support/start-hub';

/** A hub with an admin, a session's host and member, an outsider, and the session's chat room. */
export async function startChatScene() {
  const hub = await startHub({ verification: 'none' });
  await signUp(hub); // admin
  const host = await signUp(hub, { role: 'teacher' });
  const member = await signUp(hub);
  const outsider = await signUp(hub);
  const session = await hub.call('createSession', {
    token: host.token,
    body: { title: 'Chemistry' },
  });
  const sessionId = session.body.id as string;
  const room = `session:${sessionId}`;
  await hub.call('joinSession', { token: member.token, body: { token: session.body.joinToken } });
  const sockets: ClientSocket[] = [];
  /** A connected socket for this person, closed when the scene stops. */
  const online = async (person: { token: string }): Promise<ClientSocket> => {
    const socket = await connectSocket(hub.url, person.token);
    sockets.push(socket);
    return socket;
  };
  const send = (socket: ClientSocket, text: string, clientId = randomUUID(), to = room) =>
    socket.emitWithAck('chat:send', { room: to, clientId, text });
  const stop = async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await hub.stop();
  };
  return { hub, host, member, outsider, sessionId, room, online, send, stop };
}

export type ChatScene = Awaited<ReturnType<typeof startChatScene>>;
