import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-server/logger';
import { connectPostgres } from '../../../src-server/storage/postgres/connect';
import { historyTables } from '../../../src-server/storage/postgres/history-tables';
import { GOOD_PASSWORD, signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { testDatabaseFor } from '../../support/test-engine';

let hub: TestHub | undefined;
let dataDir: string;
afterEach(async () => {
  await hub?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** A notification exactly as hubs before typed notifications wrote it: an English sentence. */
const oldRecord = (userId: string) => ({
  seq: 1,
  stream: `inbox:${userId}`,
  streamSeq: 1,
  at: '2026-11-20T09:30:00.000Z',
  data: {
    kind: 'new-deadline',
    title: 'New deadline in CS101: Lab report',
    body: 'Due 2026-11-27T16:00:00.000Z',
    link: '/courses/c-123',
    actorId: 'teacher-1',
  },
});

type OldRecord = ReturnType<typeof oldRecord>;

/** Puts the record where the stopped hub's engine keeps notifications, as an older hub left it (or a restore of its folder). */
async function plantOldRecord(dataDir: string, record: OldRecord) {
  const url = await testDatabaseFor(dataDir);
  if (url) {
    const connection = connectPostgres(url, createLogger('silent'));
    const { entries, heads } = historyTables('notifications');
    await sql`insert into ${sql.table(entries)} (stream, seq, at, entry) values
      (${record.stream}, ${record.streamSeq}, ${record.at}, ${JSON.stringify(record.data)}::json)`.execute(
      connection.db,
    );
    await sql`insert into ${sql.table(heads)} (stream, last_seq, last_at) values
      (${record.stream}, ${record.streamSeq}, ${record.at})`.execute(connection.db);
    await connection.close();
    return;
  }
  const logDir = join(dataDir, 'logs', 'notifications');
  const segment = (await readdir(logDir)).find((name) => name.endsWith('.jsonl'));
  await appendFile(join(logDir, segment ?? '00000001.jsonl'), `${JSON.stringify(record)}\n`);
}

describe('an inbox written before notifications had types', () => {
  it('still lists the old sentence after the upgrade, next to new typed notifications', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classhub-legacy-inbox-'));
    hub = await startHub({ dataDir, verification: 'none' });
    const teacher = await signUp(hub, { role: 'teacher' });
    const student = await signUp(hub);
    await hub.stop();
    hub = undefined;
    await plantOldRecord(dataDir, oldRecord(student.id));

    hub = await startHub({ dataDir, verification: 'none' });
    const signIn = async (username: string) =>
      (await hub!.call('signIn', { body: { username, password: GOOD_PASSWORD } })).body.tokens
        .accessToken as string;
    const studentToken = await signIn(student.username);
    const courseId = (
      await hub.call('createCourse', {
        token: await signIn(teacher.username),
        body: { title: 'Optics', capacity: 5 },
      })
    ).body.id;
    await hub.call('enrol', { token: studentToken, params: { courseId } });
    await hub.call('setEnrolmentStatus', {
      token: await signIn(teacher.username),
      params: { courseId, userId: student.id },
      body: { status: 'blocked' },
    });

    await expect
      .poll(async () => (await hub!.call('notifications', { token: studentToken })).body.items)
      .toHaveLength(2);
    const inbox = await hub.call('notifications', { token: studentToken });
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(2);
    expect(inbox.body.items[0]).toMatchObject({
      type: 'course-blocked',
      params: { courseTitle: 'Optics' },
      target: { kind: 'courses' },
    });
    expect(inbox.body.items[1]).toEqual({
      seq: 1,
      createdAt: '2026-11-20T09:30:00.000Z',
      read: false,
      type: 'legacy',
      params: {
        kind: 'new-deadline',
        title: 'New deadline in CS101: Lab report',
        body: 'Due 2026-11-27T16:00:00.000Z',
      },
      target: { kind: 'path', path: '/courses/c-123' },
    });
  });
});
