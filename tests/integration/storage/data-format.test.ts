import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startHub, type TestHub } from '../../support/start-hub';
import { describeOnLowdb } from '../../support/test-engine';

// Tests of the lowdb data folder itself: skipped on PostgreSQL, saying why.
const lowdbDescribe = describeOnLowdb('the fixture is a lowdb data folder');

/** Written by `npm run seed` with the hub before collection journals (format 1). */
const FIXTURE = join(import.meta.dirname, '../../fixtures/data-folder-v1');
const PASSWORD = 'ClassHub-Demo-2026';

let dataDir: string;
let hub: TestHub | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'classhub-format-'));
  await cp(FIXTURE, dataDir, { recursive: true });
});
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(username: string): Promise<string> {
  const reply = await hub!.call('signIn', { body: { username, password: PASSWORD } });
  expect(reply.status).toBe(200);
  return reply.body.tokens.accessToken as string;
}

async function restart() {
  await hub!.stop();
  hub = await startHub({ dataDir });
}

lowdbDescribe('a data folder from an older hub', () => {
  it('starts, signs its people in and shows their courses, before and after a restart', async () => {
    hub = await startHub({ dataDir });
    const token = await signIn('emma1');
    const mine = await hub.call('courses', { token, query: { scope: 'mine' } });
    expect(mine.status).toBe(200);
    const titles = (mine.body.items as { title: string }[]).map((c) => c.title).sort();
    expect(titles.length).toBeGreaterThan(0);

    await restart();
    const again = await hub.call('courses', {
      token: await signIn('emma1'),
      query: { scope: 'mine' },
    });
    expect((again.body.items as { title: string }[]).map((c) => c.title).sort()).toEqual(titles);
  });

  it('keeps courses created after starting from a file holding {"version":1,"records":[]}', async () => {
    await writeFile(join(dataDir, 'db', 'courses.json'), '{"version":1,"records":[]}');
    hub = await startHub({ dataDir });
    const created = await hub.call('createCourse', {
      token: await signIn('prof_davis'),
      body: { title: 'Optics after the upgrade', capacity: 20 },
    });
    expect(created.status).toBe(201);

    await restart();
    const course = await hub.call('course', {
      token: await signIn('prof_davis'),
      params: { courseId: created.body.id },
    });
    expect(course.status).toBe(200);
    expect(course.body.title).toBe('Optics after the upgrade');
  });

  it('refuses to start on a collection file holding null, naming the file, instead of starting empty', async () => {
    const file = join(dataDir, 'db', 'users.json');
    await writeFile(file, 'null');
    await expect(startHub({ dataDir })).rejects.toThrow(file);
    await expect(startHub({ dataDir })).rejects.toThrow(/holds null/);
  });
});
