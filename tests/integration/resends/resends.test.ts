import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { TINY_PDF, hostSession, join, uploaded } from '../sessions/fixtures';

/**
 * The desktop outbox resends an action when it cannot tell whether the first
 * try arrived. With the same clientId the hub must store it once.
 */
let hub: TestHub;
let host: Person;
let member: Person;
let teacher: Person;
let student: Person;
let sessionId: string;
let deadlineId: string;

beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  host = await signUp(hub, { role: 'teacher' });
  member = await signUp(hub);
  teacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub);
  const session = await hostSession(hub, host);
  sessionId = session.id;
  await join(hub, member, session.joinToken);
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 5 },
    })
  ).body.id;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Lab report', dueAt: '2099-01-01T12:00:00Z', maxPoints: 10 },
    })
  ).body.id;
});
afterAll(() => hub.stop());

const createPost = (person: Person, body: Record<string, unknown>) =>
  hub.call('createPost', { token: person.token, params: { sessionId }, body });

const submit = (person: Person, body: Record<string, unknown>) =>
  hub.call('submit', { token: person.token, params: { deadlineId }, body });

async function postCount(): Promise<number> {
  const page = await hub.call('posts', { token: host.token, params: { sessionId } });
  return page.body.items.length;
}

describe('resending a post', () => {
  it('stores a post once when it is sent twice with the same clientId, even at the same instant', async () => {
    const before = await postCount();
    const first = await uploaded(hub, member, TINY_PDF, 'notes.pdf');
    const second = await uploaded(hub, member, TINY_PDF, 'notes.pdf');
    const [a, b] = await Promise.all([
      createPost(member, { text: 'From the train', fileIds: [first], clientId: 'outbox-post-1' }),
      createPost(member, { text: 'From the train', fileIds: [second], clientId: 'outbox-post-1' }),
    ]);
    expect(a.body.id).toBe(b.body.id);
    const again = await createPost(member, { text: 'From the train', clientId: 'outbox-post-1' });
    expect(again.body.id).toBe(a.body.id);
    expect(await postCount()).toBe(before + 1);
  });

  it('keeps two people’s posts apart even when they pick the same clientId', async () => {
    const before = await postCount();
    const mine = await createPost(member, { text: 'Mine', clientId: 'same-key-123' });
    const theirs = await createPost(host, { text: 'Theirs', clientId: 'same-key-123' });
    expect(mine.body.id).not.toBe(theirs.body.id);
    expect(await postCount()).toBe(before + 2);
  });

  it('stores a new post for each send without a clientId', async () => {
    const before = await postCount();
    await createPost(member, { text: 'Hello' });
    await createPost(member, { text: 'Hello' });
    expect(await postCount()).toBe(before + 2);
  });

  it('refuses a clientId too short to be unique, saying why', async () => {
    const reply = await createPost(member, { text: 'Hi', clientId: 'short' });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('at least 8 characters');
  });
});

describe('resending a submission', () => {
  it('keeps one version when the same submission arrives twice', async () => {
    const file = await uploaded(hub, student, TINY_PDF, 'report.pdf');
    const first = await submit(student, { fileIds: [file], clientId: 'outbox-sub-1' });
    expect(first.status).toBe(201);
    const resent = await submit(student, {
      fileIds: [await uploaded(hub, student, TINY_PDF, 'report.pdf')],
      clientId: 'outbox-sub-1',
    });
    expect(resent.body).toMatchObject({ id: first.body.id, version: first.body.version });
    const mine = await hub.call('mySubmissions', { token: student.token, params: { deadlineId } });
    expect(mine.body.versions).toHaveLength(1);
  });

  it('still stores a new version for a new clientId (a real resubmission)', async () => {
    const file = await uploaded(hub, student, TINY_PDF, 'report-v2.pdf');
    const next = await submit(student, { fileIds: [file], clientId: 'outbox-sub-2' });
    expect(next.body.version).toBe(2);
  });
});
