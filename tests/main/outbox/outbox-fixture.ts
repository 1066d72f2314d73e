import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createOutbox, type Outbox, type OutboxCredentials } from '../../../src-main/outbox/outbox';
import {
  TestClock,
  TINY_PDF,
  hostSession,
  join as joinSession,
} from '../../integration/sessions/fixtures';
import { GOOD_PASSWORD, signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * A real hub with a teacher, a student in the teacher's course (with a
 * deadline) and in the teacher's study session, and an outbox folder.
 */
export interface OutboxWorld {
  hub: TestHub;
  clock: TestClock;
  teacher: Person;
  student: Person;
  sessionId: string;
  room: string;
  deadlineId: string;
  folder: string;
  /** What the outbox's credentials() answers; tests change it (sign-in, sign-out). */
  credentials: OutboxCredentials | null;
  outbox(fetchImpl?: typeof fetch): Outbox;
  signedIn(): OutboxCredentials;
  /** Signs the student in again (after the clock moved past the token's life). */
  refreshStudent(): Promise<void>;
  messages(): Promise<string[]>;
  close(): Promise<void>;
}

export async function outboxWorld(): Promise<OutboxWorld> {
  const clock = new TestClock();
  const hub = await startHub({ verification: 'none', now: clock.now });
  const teacher = await signUp(hub, { role: 'teacher' });
  const student = await signUp(hub);
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 10 },
    })
  ).body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const deadline = await hub.call('createDeadline', {
    token: teacher.token,
    params: { courseId },
    body: {
      title: 'Lab report',
      dueAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
      acceptLate: false,
    },
  });
  expect(deadline.status, JSON.stringify(deadline.body)).toBe(201);
  const session = await hostSession(hub, teacher);
  await joinSession(hub, student, session.joinToken);
  const folder = await mkdtemp(join(tmpdir(), 'classhub-outbox-'));
  const outboxes: Outbox[] = [];
  const world: OutboxWorld = {
    hub,
    clock,
    teacher,
    student,
    sessionId: session.id,
    room: `session:${session.id}`,
    deadlineId: deadline.body.id as string,
    folder,
    credentials: null,
    outbox(fetchImpl) {
      const outbox = createOutbox({
        folder,
        credentials: () => world.credentials,
        now: clock.now,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
      outboxes.push(outbox);
      return outbox;
    },
    signedIn: () => ({ hubUrl: hub.url, accessToken: student.token }),
    async refreshStudent() {
      const reply = await hub.call('signIn', {
        body: { username: student.username, password: GOOD_PASSWORD },
      });
      (student as { token: string }).token = reply.body.tokens.accessToken;
    },
    async messages() {
      const history = await hub.call('chatHistory', {
        token: teacher.token,
        params: { room: world.room },
      });
      return (history.body.items as { text: string }[]).map((m) => m.text).reverse();
    },
    async close() {
      // An outbox whose send was left hanging on purpose (a simulated crash) never closes.
      const patience = () => new Promise((done) => setTimeout(done, 1000));
      await Promise.all(outboxes.map((o) => Promise.race([o.close(), patience()])));
      await hub.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
  return world;
}

export const pdf = (name = 'report.pdf') => ({ name, bytes: new Uint8Array(TINY_PDF) });
export const text = (name: string, content: string) => ({
  name,
  bytes: new TextEncoder().encode(content),
});
