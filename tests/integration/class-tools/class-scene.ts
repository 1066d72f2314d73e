import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { expect } from 'vitest';
import type { Reply } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { hostSession, join, TestClock } from '../sessions/fixtures';

/** The columns of every class-tools permission table, in this order. */
export const CLASS_ROLES = ['teacher', 'student', 'outsider', 'blocked', 'admin'] as const;
export type ClassRole = (typeof CLASS_ROLES)[number];
export type Statuses = readonly [number, number, number, number, number];

/**
 * A course's live class: its teacher hosts the session, two students take
 * part (emma1 and milo2), a third (bea3) joined and was then blocked from the
 * course, an outsider has nothing to do with it, and the admin looks in.
 */
export async function startClass() {
  const clock = new TestClock();
  const dataDir = await mkdtemp(joinPath(tmpdir(), 'classhub-class-tools-'));
  let hub: TestHub = await startHub({ verification: 'none', now: clock.now, dataDir });
  const admin = await signUp(hub, { username: 'hub_admin' }); // the first account is the admin
  const teacher = await signUp(hub, { role: 'teacher', username: 'prof_davis' });
  const student = await signUp(hub, { username: 'emma1', firstName: 'Emma' });
  const classmate = await signUp(hub, { username: 'milo2', firstName: 'Milo' });
  const blocked = await signUp(hub, { username: 'bea3', firstName: 'Bea' });
  const outsider = await signUp(hub, { username: 'oz4', firstName: 'Oz' });
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Physics', capacity: 10 },
  });
  expect(course.status).toBe(201);
  const courseId = course.body.id as string;
  for (const person of [student, classmate, blocked])
    expect((await hub.call('enrol', { token: person.token, params: { courseId } })).status).toBe(
      200,
    );
  const session = await hostSession(hub, teacher, { title: 'Lab 3', courseId });
  for (const person of [student, classmate, blocked]) await join(hub, person, session.joinToken);
  const blocking = await hub.call('setEnrolmentStatus', {
    token: teacher.token,
    params: { courseId, userId: blocked.id },
    body: { status: 'blocked' },
  });
  expect(blocking.status, JSON.stringify(blocking.body)).toBe(200);
  const cast: Record<ClassRole, Person> = { teacher, student, outsider, blocked, admin };
  return {
    get hub() {
      return hub;
    },
    clock,
    cast,
    classmate,
    courseId,
    sessionId: session.id,
    /** Stops the hub and starts it again on the same data folder. */
    async restart() {
      await hub.close();
      hub = await startHub({ verification: 'none', now: clock.now, dataDir });
    },
    async stop() {
      await hub.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
export type ClassScene = Awaited<ReturnType<typeof startClass>>;

/** A refusal a person can act on: the right status and code, and a sentence. */
export function expectRefused(reply: Reply, status: number): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  const code = { 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'TOO_MANY_REQUESTS' }[
    status
  ];
  if (code) expect(reply.body.error.code).toBe(code);
  expect(reply.body.error.message).toMatch(/\.$/);
}
