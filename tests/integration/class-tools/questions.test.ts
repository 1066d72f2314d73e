import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
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
const call = (name: Name, who: Person, questionId?: string, body?: unknown) =>
  scene.hub.call(name, {
    token: who.token,
    params: { sessionId: scene.sessionId, ...(questionId ? { questionId } : {}) },
    ...(body === undefined ? {} : { body }),
  });
const ask = async (who: Person, text: string): Promise<string> => {
  const reply = await call('askQuestion', who, undefined, { text });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
};
const listFor = async (who: Person) => (await call('questions', who)).body.items as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
const live = async (who: Person) => {
  const socket = await connectSocket(scene.hub.url, who.token);
  sockets.push(socket);
  return socket;
};

/** [teacher, student, outsider, blocked, admin]; the scene holds one question by milo2. */
const rows: {
  action: string;
  expected: Statuses;
  run: (who: Person, questionId: string) => ReturnType<typeof call>;
  /** Checked by the teacher afterwards: did it happen? */
  happened: (question: { upvotes: number; status: string; text: string }[]) => boolean;
}[] = [
  {
    action: 'read the questions',
    expected: [200, 200, 403, 403, 200],
    run: (who) => call('questions', who),
    happened: () => true,
  },
  {
    action: 'ask a question',
    expected: [403, 201, 403, 403, 403],
    run: (who) => call('askQuestion', who, undefined, { text: 'Is the exam open book?' }),
    happened: (qs) => qs.some((q) => q.text === 'Is the exam open book?'),
  },
  {
    action: 'upvote a classmate’s question',
    expected: [403, 200, 403, 403, 403],
    run: (who, id) => call('upvoteQuestion', who, id),
    happened: (qs) => qs[0]!.upvotes === 1,
  },
  {
    action: 'answer a question',
    expected: [200, 403, 403, 403, 403],
    run: (who, id) => call('moderateQuestion', who, id, { answer: 'Yes, one sheet.' }),
    happened: (qs) => qs[0]!.status === 'answered',
  },
  {
    action: 'dismiss a question',
    expected: [200, 403, 403, 403, 403],
    run: (who, id) => call('moderateQuestion', who, id, { dismissed: true }),
    happened: (qs) => qs[0]!.status === 'dismissed',
  },
];

describe('anonymous questions: who may do what', () => {
  for (const row of rows)
    for (const [column, role] of CLASS_ROLES.entries()) {
      const status = row.expected[column]!;
      it(`${role}: ${row.action} → ${status}`, async () => {
        const id = await ask(scene.classmate, 'Why does ice float?');
        const reply = await row.run(scene.cast[role as ClassRole], id);
        if (status >= 400) expectRefused(reply, status);
        else expect(reply.status, JSON.stringify(reply.body)).toBe(status);
        if (row.action !== 'read the questions')
          expect(row.happened(await listFor(scene.cast.teacher))).toBe(status < 300);
      });
    }
});

describe('anonymous questions', () => {
  // The same rule, and the same checks, as anonymous course feedback (tests/integration/courses/feedback.test.ts).
  it('never reveals the author to anyone but the admin', async () => {
    const asked = await call('askQuestion', scene.cast.student, undefined, {
      text: 'I am lost, can you go over slide 4?',
    });
    expect(asked.body.author).toBeUndefined();
    expect(asked.body.mine).toBe(true);
    for (const viewer of [scene.cast.teacher, scene.classmate]) {
      const reply = await call('questions', viewer);
      expect(reply.body.items[0]).toMatchObject({ text: /slide 4/, mine: false });
      expect(reply.body.items[0].author).toBeUndefined();
      expect(JSON.stringify(reply.body)).not.toContain(scene.cast.student.username);
      expect(JSON.stringify(reply.body)).not.toContain(scene.cast.student.id);
    }
    const byAdmin = await call('questions', scene.cast.admin);
    expect(byAdmin.body.items[0].author.username).toBe(scene.cast.student.username);
    expect(byAdmin.body.items[0].mine).toBe(false);
  });

  it('never names the author or the voters live, to anyone in the room', async () => {
    const teacher = await live(scene.cast.teacher);
    const seen = collect(teacher, 'question:changed');
    const asked = nextEvent(teacher, 'question:changed');
    const id = await ask(scene.cast.student, 'What is a phonon?');
    await asked;
    const second = nextEvent(teacher, 'question:changed');
    await call('upvoteQuestion', scene.classmate, id);
    expect((await second).upvotes).toBe(1);
    for (const packet of seen) {
      for (const person of [scene.cast.student, scene.classmate]) {
        expect(JSON.stringify(packet)).not.toContain(person.username);
        expect(JSON.stringify(packet)).not.toContain(person.id);
      }
      expect(packet).not.toHaveProperty('author');
    }
  });

  it('counts one upvote per person, never the asker’s own, and sends the count live', async () => {
    const extra = await signUp(scene.hub, { username: 'ana5' });
    await scene.hub.call('enrol', { token: extra.token, params: { courseId: scene.courseId } });
    const token = (
      await scene.hub.call('session', {
        token: scene.cast.teacher.token,
        params: { sessionId: scene.sessionId },
      })
    ).body.joinToken as string;
    await scene.hub.call('joinSession', { token: extra.token, body: { token } });
    const student = await live(scene.cast.student);
    const id = await ask(scene.cast.student, 'Will it be on the test?');

    const first = await call('upvoteQuestion', scene.classmate, id);
    expect(first.body).toMatchObject({ upvotes: 1, upvotedByMe: true, mine: false });
    const again = await call('upvoteQuestion', scene.classmate, id);
    expectRefused(again, 409);
    expect(again.body.error.message).toBe('You have upvoted this question already.');
    const own = await call('upvoteQuestion', scene.cast.student, id);
    expectRefused(own, 409);
    expect(own.body.error.message).toMatch(/your own question/);

    const counted = nextEvent(student, 'question:changed');
    await call('upvoteQuestion', extra, id);
    expect(await counted).toMatchObject({ id, upvotes: 2 });
    expect((await listFor(scene.cast.student))[0]).toMatchObject({
      upvotes: 2,
      mine: true,
      upvotedByMe: false,
    });
  });

  it('lets the teacher answer, pin and dismiss; students stop seeing a dismissed one', async () => {
    const first = await ask(scene.cast.student, 'First?');
    scene.clock.advance(1000);
    const second = await ask(scene.classmate, 'Second?');
    scene.clock.advance(1000);
    const rude = await ask(scene.classmate, 'Something rude');
    await call('upvoteQuestion', scene.cast.student, second);
    expect((await listFor(scene.cast.teacher)).map((q) => q.text)).toEqual([
      'Second?',
      'First?',
      'Something rude',
    ]);

    const pinned = await call('moderateQuestion', scene.cast.teacher, first, { pinned: true });
    expect(pinned.body).toMatchObject({ pinned: true, status: 'open' });
    const answered = await call('moderateQuestion', scene.cast.teacher, second, {
      answer: 'Yes, second.',
    });
    expect(answered.body).toMatchObject({ status: 'answered', answer: 'Yes, second.' });
    expect(answered.body.answeredAt).toBeDefined();
    await call('moderateQuestion', scene.cast.teacher, rude, { dismissed: true });

    expect((await listFor(scene.classmate)).map((q) => q.text)).toEqual(['First?', 'Second?']);
    expect((await listFor(scene.cast.teacher)).map((q) => [q.text, q.status])).toEqual([
      ['First?', 'open'],
      ['Second?', 'answered'],
      ['Something rude', 'dismissed'],
    ]);
    const upvoteGone = await call('upvoteQuestion', scene.cast.student, rude);
    expectRefused(upvoteGone, 404);
    expect(upvoteGone.body.error.message).toMatch(/may have dismissed it/);

    const back = await call('moderateQuestion', scene.cast.teacher, rude, { dismissed: false });
    expect(back.body.status).toBe('open');
  });

  it('refuses an empty question and an empty change with a message to act on', async () => {
    const empty = await call('askQuestion', scene.cast.student, undefined, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0]).toEqual({
      path: 'text',
      message: 'Write your question first.',
    });
    const id = await ask(scene.cast.student, 'Fine?');
    const nothing = await call('moderateQuestion', scene.cast.teacher, id, {});
    expect(nothing.status).toBe(400);
    expect(JSON.stringify(nothing.body)).toContain('Say what to change');
    const missing = await call('upvoteQuestion', scene.classmate, 'no-such-question');
    expectRefused(missing, 404);
  });

  it('keeps questions, votes and answers when the hub restarts', async () => {
    const id = await ask(scene.cast.student, 'Still there?');
    await call('upvoteQuestion', scene.classmate, id);
    await call('moderateQuestion', scene.cast.teacher, id, { answer: 'Yes.' });
    await scene.restart();
    expect((await listFor(scene.classmate))[0]).toMatchObject({
      text: 'Still there?',
      upvotes: 1,
      upvotedByMe: true,
      answer: 'Yes.',
    });
    expectRefused(await call('upvoteQuestion', scene.classmate, id), 409);
  });
});
