import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-server/seed/demo-world';
import { seedDemoWorld } from '../../src-server/seed/seed';
import { startHub, type TestHub } from '../support/start-hub';
import { testDatabaseFor, testEngine } from '../support/test-engine';

let dataDir: string;
let hub: TestHub;
/** Seeds the folder, or under CLASSHUB_TEST_ENGINE=postgres the database startHub uses for it. */
const seed = async () =>
  seedDemoWorld(dataDir, () => undefined, { database: await testDatabaseFor(dataDir) });
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'classhub-seed-'));
  await seed();
  hub = await startHub({ dataDir });
}, 60_000);
afterAll(async () => {
  await hub.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const signIn = async (username: string) => {
  const reply = await hub.call('signIn', { body: { username, password: DEMO_PASSWORD } });
  expect(reply.status).toBe(200);
  return reply.body;
};

describe('the demo world', () => {
  it('has the documented accounts, all active, with the documented password', async () => {
    expect((await signIn('admin')).account).toMatchObject({ isAdmin: true });
    expect((await signIn('prof_davis')).account).toMatchObject({
      role: 'teacher',
      teacher: { department: 'Computer Science' },
    });
    expect((await signIn('emma1')).account).toMatchObject({ role: 'student', status: 'active' });
  });

  it('has sessions with members, posts with files, and comments', async () => {
    const emma = await signIn('emma1');
    const sessions = await hub.call('sessions', { token: emma.tokens.accessToken });
    expect(sessions.body.items.map((s: { title: string }) => s.title).sort()).toEqual([
      'Algorithms study group',
      'CS101 lab — Monday group',
    ]);
    const lab = sessions.body.items.find((s: { title: string }) => s.title.startsWith('CS101'));
    expect(lab.course).toMatchObject({ code: 'CS101', title: 'Introduction to Programming' });
    const posts = await hub.call('posts', {
      token: emma.tokens.accessToken,
      params: { sessionId: lab.id },
    });
    expect(posts.body.total).toBe(2);
    const withWorksheet = posts.body.items.find(
      (p: { files: unknown[]; author: { username: string } }) =>
        p.files.length > 0 && p.author.username === 'prof_davis',
    );
    expect(withWorksheet.files[0]).toMatchObject({
      fileName: 'week3-worksheet.txt',
      contentType: 'text/plain',
      canDownload: true,
    });
    expect(withWorksheet.commentCount).toBe(2);
  });

  it('has two courses with students, PDF materials, deadlines, a graded submission, feedback and chat', async () => {
    const emma = (await signIn('emma1')).tokens.accessToken;
    const mine = await hub.call('courses', { token: emma, query: { scope: 'mine' } });
    expect(mine.body.items.map((c: { code: string }) => c.code).sort()).toEqual(['CS101', 'CS102']);
    const intro = mine.body.items.find((c: { code: string }) => c.code === 'CS101');
    const materials = await hub.call('materials', { token: emma, params: { courseId: intro.id } });
    expect(
      materials.body.items.filter(
        (m: { file: { contentType: string } }) => m.file.contentType === 'application/pdf',
      ),
    ).toHaveLength(2);
    const deadlines = await hub.call('deadlines', { token: emma, params: { courseId: intro.id } });
    const lab = deadlines.body.items.find((d: { title: string }) => d.title.startsWith('Lab 2'));
    expect(
      (await hub.call('mySubmissions', { token: emma, params: { deadlineId: lab.id } })).body.grade,
    ).toMatchObject({ points: 18, maxPoints: 20 });
    const feedback = await hub.call('courseFeedback', {
      token: emma,
      params: { courseId: intro.id },
    });
    expect(feedback.body).toMatchObject({ count: 2, average: 4.5 });
    const history = await hub.call('chatHistory', {
      token: emma,
      params: { room: `course:${intro.id}` },
    });
    expect(history.body.items).toHaveLength(4);
  });

  it('refuses to seed a folder while its hub is running', async () => {
    // On PostgreSQL hubs share a database, so no lock refuses; the accounts already there do.
    const refusal = testEngine() === 'postgres' ? /already has accounts/ : /in use by another hub/;
    await expect(seed()).rejects.toThrow(refusal);
  });

  it('refuses to seed a folder that already has accounts', async () => {
    await hub.close();
    await expect(seed()).rejects.toThrow(/already has accounts/);
  });
});
