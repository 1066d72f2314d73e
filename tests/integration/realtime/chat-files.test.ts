import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { raw } from '../../support/http';
import { TINY_PDF, uploaded } from '../sessions/fixtures';
import { startChatScene, type ChatScene } from './chat-scene';

let scene: ChatScene;
beforeEach(async () => {
  scene = await startChatScene();
});
afterEach(() => scene.stop());

/** The member posts a PDF in the session chat; returns the download path of the attachment. */
async function sharedFile(): Promise<{ path: string; seq: number }> {
  const { hub, member, room } = scene;
  const fileId = await uploaded(hub, member, TINY_PDF, 'lab notes.pdf');
  const socket = await scene.online(member);
  const ack = await socket.emitWithAck('chat:send', {
    room,
    clientId: randomUUID(),
    text: 'Notes from today',
    fileIds: [fileId],
  });
  if (!ack.ok) throw new Error(ack.error.message);
  const path = `/api/chat/rooms/${encodeURIComponent(room)}/messages/${ack.data.seq}/files/${fileId}`;
  return { path, seq: ack.data.seq };
}

const get = (path: string, token: string, headers: Record<string, string> = {}) =>
  raw(scene.hub.url, path, { headers: { authorization: `Bearer ${token}`, ...headers } });

describe('chat attachments', () => {
  it('download for everyone in the room, with Range for resuming', async () => {
    const { path } = await sharedFile();
    const whole = await get(path, scene.host.token);
    expect(whole.status).toBe(200);
    expect(whole.body).toBe(TINY_PDF.toString());
    expect(whole.headers.get('content-disposition')).toContain('lab notes.pdf');
    const tail = await get(path, scene.member.token, { range: 'bytes=5-' });
    expect(tail.status).toBe(206);
    expect(tail.body).toBe(TINY_PDF.subarray(5).toString());
  });

  it('are refused to someone outside the room', async () => {
    const { path } = await sharedFile();
    const reply = await get(path, scene.outsider.token);
    expect(reply.status).toBe(403);
  });

  it('go with a deleted message', async () => {
    const { path, seq } = await sharedFile();
    const socket = await scene.online(scene.member);
    await socket.emitWithAck('chat:delete', { room: scene.room, seq });
    const reply = await get(path, scene.host.token);
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toContain('deleted');
  });

  it('can be fetched through a signed download link', async () => {
    const { path } = await sharedFile();
    const link = await scene.hub.call('downloadLink', { token: scene.host.token, body: { path } });
    expect(link.status).toBe(200);
    expect((await raw(scene.hub.url, link.body.url)).status).toBe(200);
  });
});
