import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import { connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
import {
  CLASS_ROLES,
  expectRefused,
  startClass,
  type ClassRole,
  type ClassScene,
  type Statuses,
} from './class-scene';

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

type Name = Parameters<ClassScene['hub']['call']>[0];
const room = () => `session:${scene.sessionId}`;
const control = (name: Name, who: Person, body?: unknown) =>
  scene.hub.call(name, {
    token: who.token,
    params: { sessionId: scene.sessionId },
    ...(body === undefined ? {} : { body }),
  });
let sent = 0;
const say = (who: Person, text: string, clientId = `client-${++sent}`, where = room()) =>
  scene.hub.call('sendMessage', {
    token: who.token,
    params: { room: where },
    body: { clientId, text },
  });
const live = async (who: Person) => {
  const socket = await connectSocket(scene.hub.url, who.token);
  sockets.push(socket);
  return socket;
};
const controlsNow = async () => (await control('chatControls', scene.cast.teacher)).body;

/** [teacher, student, outsider, blocked, admin]. */
const rows: {
  action: string;
  expected: Statuses;
  run: (who: Person, seq: number) => ReturnType<typeof control>;
  happened: (controls: { quiet: boolean; pinned: unknown }) => boolean;
}[] = [
  {
    action: 'read the chat controls',
    expected: [200, 200, 403, 403, 200],
    run: (who) => control('chatControls', who),
    happened: () => true,
  },
  {
    action: 'turn quiet mode on',
    expected: [200, 403, 403, 403, 403],
    run: (who) => control('updateChatControls', who, { quiet: true }),
    happened: (c) => c.quiet,
  },
  {
    action: 'pin a message',
    expected: [200, 403, 403, 403, 403],
    run: (who, seq) => control('pinChatMessage', who, { seq }),
    happened: (c) => c.pinned !== null,
  },
];

describe('chat controls: who may do what', () => {
  for (const row of rows)
    for (const [column, role] of CLASS_ROLES.entries()) {
      const status = row.expected[column]!;
      it(`${role}: ${row.action} → ${status}`, async () => {
        const message = await say(scene.classmate, 'Hello class');
        const reply = await row.run(scene.cast[role as ClassRole], message.body.seq as number);
        if (status >= 400) expectRefused(reply, status);
        else expect(reply.status, JSON.stringify(reply.body)).toBe(status);
        if (row.action !== 'read the chat controls')
          expect(row.happened(await controlsNow())).toBe(status < 300);
      });
    }
});

describe('quiet mode', () => {
  it('lets only the teacher post, says why to a student, and tells every client live', async () => {
    const student = await live(scene.cast.student);
    const changed = nextEvent(student, 'chat-controls:changed');
    await control('updateChatControls', scene.cast.teacher, { quiet: true });
    expect(await changed).toMatchObject({ sessionId: scene.sessionId, quiet: true });

    const refused = await say(scene.cast.student, 'Can I ask something?');
    expectRefused(refused, 409);
    expect(refused.body.error.message).toBe(
      'Quiet mode is on: only the teacher can post in this class’s chat right now.',
    );
    // Over the socket too, as the chat screen sends.
    const ack = await student.emitWithAck('chat:send', {
      room: room(),
      clientId: 'socket-client-1',
      text: 'And now?',
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await say(scene.cast.teacher, 'Listen up')).status).toBe(201);

    await control('updateChatControls', scene.cast.teacher, { quiet: false });
    expect((await say(scene.cast.student, 'Thanks!')).status).toBe(201);
    const history = await scene.hub.call('chatHistory', {
      token: scene.cast.teacher.token,
      params: { room: room() },
      query: { limit: 10 },
    });
    expect(history.body.items.map((m: { text: string }) => m.text)).toEqual([
      'Thanks!',
      'Listen up',
    ]);
  });

  it('keeps to the class: the course’s own chat is not quietened', async () => {
    await control('updateChatControls', scene.cast.teacher, { quiet: true });
    const reply = await say(
      scene.cast.student,
      'In the course chat',
      'course-client-1',
      `course:${scene.courseId}`,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  });

  it('survives a restart of the hub', async () => {
    await control('updateChatControls', scene.cast.teacher, { quiet: true, slowModeSeconds: 30 });
    await scene.restart();
    expect(await controlsNow()).toMatchObject({ quiet: true, slowModeSeconds: 30 });
    expectRefused(await say(scene.cast.student, 'After restart'), 409);
  });
});

describe('slow mode', () => {
  // On PostgreSQL the turn is also kept in the database, timed by the same hub clock;
  // its cross-node test is in cluster/shared-state.postgres.test.ts.
  it('lets a student post once per N seconds and says how long to wait', async () => {
    await control('updateChatControls', scene.cast.teacher, { slowModeSeconds: 30 });
    expect((await say(scene.cast.student, 'One')).status).toBe(201);
    scene.clock.advance(18_000);
    const early = await say(scene.cast.student, 'Two');
    expectRefused(early, 429);
    expect(early.body.error.message).toBe(
      'Slow mode is on: one message every 30 seconds. Wait 12 more seconds.',
    );
    expect(early.body.error.details.retryAfterSeconds).toBe(12);
    // Others have their own turn, and the teacher is never held back.
    expect((await say(scene.classmate, 'Mine')).status).toBe(201);
    expect((await say(scene.cast.teacher, 'Go on')).status).toBe(201);
    expect((await say(scene.cast.teacher, 'And on')).status).toBe(201);
    scene.clock.advance(12_000);
    expect((await say(scene.cast.student, 'Two')).status).toBe(201);
  });

  it('answers a resend of a stored message instead of refusing it', async () => {
    await control('updateChatControls', scene.cast.teacher, { slowModeSeconds: 60 });
    const first = await say(scene.cast.student, 'Once', 'same-client-id');
    const resend = await say(scene.cast.student, 'Once', 'same-client-id');
    expect(resend.status).toBeLessThan(300);
    expect(resend.body.seq).toBe(first.body.seq);
  });

  it('refuses a slow mode that makes no sense', async () => {
    const reply = await control('updateChatControls', scene.cast.teacher, { slowModeSeconds: -5 });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields[0].message).toBe(
      'Slow mode cannot be negative; 0 turns it off.',
    );
  });
});

describe('pinned message', () => {
  it('shows the pinned message to everyone, and drops it when the message is deleted', async () => {
    const student = await live(scene.classmate);
    const message = await say(scene.cast.student, 'The lab report is due Friday');
    const pinnedLive = nextEvent(student, 'chat-controls:changed');
    const pinned = await control('pinChatMessage', scene.cast.teacher, { seq: message.body.seq });
    expect(pinned.body.pinned).toMatchObject({
      seq: message.body.seq,
      text: 'The lab report is due Friday',
      author: { username: 'emma1' },
    });
    expect((await pinnedLive).pinned?.text).toBe('The lab report is due Friday');
    expect(JSON.stringify(pinned.body)).not.toMatch(/@school\.test/);

    const author = await live(scene.cast.student);
    const deleted = await author.emitWithAck('chat:delete', {
      room: room(),
      seq: message.body.seq,
    });
    expect(deleted.ok).toBe(true);
    expect((await controlsNow()).pinned).toBeNull();
  });

  it('says so when the message to pin does not exist, and unpins', async () => {
    const missing = await control('pinChatMessage', scene.cast.teacher, { seq: 999 });
    expectRefused(missing, 404);
    const message = await say(scene.cast.student, 'Pin me');
    await control('pinChatMessage', scene.cast.teacher, { seq: message.body.seq });
    const unpinned = await control('unpinChatMessage', scene.cast.teacher);
    expect(unpinned.body.pinned).toBeNull();
  });
});
