import { expect } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { connectSocket, type ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * A live class: a course taught by `teacher` with its session, students
 * `ann` and `ben` in both, `blocked` blocked from the course after joining,
 * an `outsider` and the `admin` (the first account). The hub's clock can be
 * moved forward (`later(minutes)`) to make a check-in late.
 */
export async function startLessonScene() {
  let shiftMs = 0;
  const hub: TestHub = await startHub({
    verification: 'none',
    now: () => new Date(Date.now() + shiftMs),
  });
  const admin = await signUp(hub, { role: 'teacher' });
  const teacher = await signUp(hub, { role: 'teacher', username: 'prof_kim' });
  const ann = await signUp(hub, { username: 'ann', firstName: 'Ann', lastName: 'Adams' });
  const ben = await signUp(hub, { username: 'ben', firstName: 'Ben', lastName: 'Brown' });
  const blocked = await signUp(hub, { username: 'cat' });
  const outsider = await signUp(hub, { username: 'dan' });
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Biology', capacity: 10 },
  });
  expect(course.status).toBe(201);
  const courseId = course.body.id as string;
  for (const p of [ann, ben, blocked])
    expect((await hub.call('enrol', { token: p.token, params: { courseId } })).status).toBeLessThan(
      300,
    );
  const session = await hub.call('createSession', {
    token: teacher.token,
    body: { title: 'Cells, lesson 3', description: '', courseId },
  });
  expect(session.status).toBe(201);
  const sessionId = session.body.id as string;
  const joinToken = (session.body.joinToken as string).replace(/-/g, '');
  for (const p of [ann, ben, blocked])
    expect(
      (await hub.call('joinSession', { token: p.token, body: { token: joinToken } })).status,
    ).toBe(200);
  await hub.call('setEnrolmentStatus', {
    token: teacher.token,
    params: { courseId, userId: blocked.id },
    body: { status: 'blocked' },
  });
  const sockets: ClientSocket[] = [];
  return {
    hub,
    admin,
    teacher,
    ann,
    ben,
    blocked,
    outsider,
    courseId,
    sessionId,
    joinToken,
    later(minutes: number) {
      shiftMs += minutes * 60_000;
    },
    async connect(person: Person) {
      const socket = await connectSocket(hub.url, person.token);
      sockets.push(socket);
      return socket;
    },
    async stop() {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await hub.stop();
    },
  };
}

export type LessonScene = Awaited<ReturnType<typeof startLessonScene>>;
