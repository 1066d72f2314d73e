import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import { collect, connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
import { CLASS_ROLES, expectRefused, startClass, type ClassScene } from './class-scene';

/** "Clear the typing noise" (FEATURES.md §7): the teacher turns typing indicators off for the class chat. */
let scene: ClassScene;
let sockets: ClientSocket[] = [];
beforeEach(async () => {
  scene = await startClass();
});
afterEach(async () => {
  sockets.forEach((s) => s.disconnect());
  sockets = [];
  await scene.stop();
});

const room = () => `session:${scene.sessionId}`;
const setTyping = (who: Person, typing: unknown) =>
  scene.hub.call('updateChatControls', {
    token: who.token,
    params: { sessionId: scene.sessionId },
    body: { typing },
  });
const controlsNow = async () =>
  (
    await scene.hub.call('chatControls', {
      token: scene.cast.teacher.token,
      params: { sessionId: scene.sessionId },
    })
  ).body;
const live = async (who: Person) => {
  const socket = await connectSocket(scene.hub.url, who.token);
  sockets.push(socket);
  return socket;
};

describe('typing indicators: who may turn them off', () => {
  const expected = [200, 403, 403, 403, 403] as const;
  for (const [column, role] of CLASS_ROLES.entries()) {
    const status = expected[column]!;
    it(`${role} → ${status}`, async () => {
      const reply = await setTyping(scene.cast[role], false);
      if (status >= 400) {
        expectRefused(reply, status);
        expect((await controlsNow()).typing).toBe(true);
      } else {
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        expect(reply.body.typing).toBe(false);
        expect((await controlsNow()).typing).toBe(false);
      }
    });
  }

  it('tells an admin and a student why not, and refuses a value that is not true or false', async () => {
    const admin = await setTyping(scene.cast.admin, false);
    expect(admin.body.error.message).toMatch(/typing indicators/);
    const nonsense = await setTyping(scene.cast.teacher, 'quiet please');
    expect(nonsense.status).toBe(400);
    expect(nonsense.body.error.message).toMatch(/true or false for typing indicators/);
  });

  it('is on for a new class and survives a restart of the hub', async () => {
    expect((await controlsNow()).typing).toBe(true);
    await setTyping(scene.cast.teacher, false);
    await scene.restart();
    expect((await controlsNow()).typing).toBe(false);
  });
});

describe('typing indicators off, live', () => {
  it('tells the class at once, and the hub relays no one’s typing until they are back on', async () => {
    const teacher = await live(scene.cast.teacher);
    const emma = await live(scene.cast.student);
    const milo = await live(scene.classmate);
    const heardByTeacher = collect(teacher, 'chat:typing');
    const changed = nextEvent(emma, 'chat-controls:changed');
    expect((await setTyping(scene.cast.teacher, false)).status).toBe(200);
    expect(await changed).toMatchObject({ typing: false });

    emma.emit('chat:typing', { room: room() });
    // Back on: Milo's typing arrives — and it is the only one the teacher saw.
    await emma.emitWithAck('hub:ping');
    expect((await setTyping(scene.cast.teacher, true)).status).toBe(200);
    const miloTyping = nextEvent(teacher, 'chat:typing');
    milo.emit('chat:typing', { room: room() });
    expect(await miloTyping).toMatchObject({ userId: scene.classmate.id });
    expect(heardByTeacher.map((e) => e.userId)).toEqual([scene.classmate.id]);
  });

  it('leaves typing in other rooms alone', async () => {
    const emma = await live(scene.cast.student);
    const milo = await live(scene.classmate);
    await setTyping(scene.cast.teacher, false);
    const courseRoom = `course:${scene.courseId}`;
    const heard = nextEvent(milo, 'chat:typing');
    emma.emit('chat:typing', { room: courseRoom });
    expect(await heard).toMatchObject({ room: courseRoom, userId: scene.cast.student.id });
  });
});
