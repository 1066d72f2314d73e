import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG } from '../../support/files';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { TINY_PDF, TestClock, hostSession, join, post, uploaded } from './fixtures';

/*
 * One session with three posts an hour apart (the hub's clock stands still between them):
 *   09:00  host    "Quadratic equations"          worksheet.pdf
 *   10:00  member  "Question about the homework"  (no files)
 *   11:00  member  "Photo of the board"           board.png
 */

const clock = new TestClock();
const day = new Date().toISOString().slice(0, 10);
const at = (time: string) => `${day}T${time}:00.000Z`;
/** The same instant as a client often writes it: without milliseconds. */
const atShort = (time: string) => `${day}T${time}:00Z`;

let hub: TestHub;
let host: Person;
let member: Person;
let outsider: Person;
let sessionId: string;
const ids = { quadratic: '', question: '', photo: '' };

beforeAll(async () => {
  hub = await startHub({ verification: 'none', now: clock.now, accessTokenMinutes: 1440 });
  await signUp(hub); // the admin
  host = await signUp(hub, { role: 'teacher' });
  member = await signUp(hub);
  outsider = await signUp(hub);
  const session = await hostSession(hub, host);
  sessionId = session.id;
  await join(hub, member, session.joinToken);
  const pdf = await uploaded(hub, host, TINY_PDF, 'worksheet.pdf');
  const png = await uploaded(hub, member, TINY_PNG, 'board.png');
  clock.freeze(at('09:00'));
  ids.quadratic = (
    await post(hub, host, sessionId, { text: 'Quadratic equations', fileIds: [pdf] })
  ).id;
  clock.freeze(at('10:00'));
  ids.question = (await post(hub, member, sessionId, { text: 'Question about the homework' })).id;
  clock.freeze(at('11:00'));
  ids.photo = (
    await post(hub, member, sessionId, { text: 'Photo of the board', fileIds: [png] })
  ).id;
  // Another session's post must never show up here.
  const other = await hostSession(hub, outsider, { title: 'Elsewhere' });
  await post(hub, outsider, other.id, { text: 'Quadratic equations elsewhere' });
});
afterAll(() => hub.stop());

async function search(query: Record<string, string | number>): Promise<string[]> {
  const reply = await hub.call('posts', { token: member.token, params: { sessionId }, query });
  expect(reply.status).toBe(200);
  expect(reply.body.total).toBe(reply.body.items.length);
  return reply.body.items.map((p: { id: string }) => p.id);
}

describe('searching and filtering posts', () => {
  it('lists every post of the session, newest first', async () => {
    expect(await search({})).toEqual([ids.photo, ids.question, ids.quadratic]);
  });

  it('finds posts by words of their text, in any order and case', async () => {
    expect(await search({ q: 'QUADRATIC' })).toEqual([ids.quadratic]);
    expect(await search({ q: 'homework question' })).toEqual([ids.question]);
    expect(await search({ q: 'the' })).toEqual([ids.photo, ids.question]);
    expect(await search({ q: 'nothing-like-this' })).toEqual([]);
  });

  it('finds posts by the names of their files', async () => {
    expect(await search({ q: 'worksheet' })).toEqual([ids.quadratic]);
  });

  it('filters by author', async () => {
    expect(await search({ authorId: member.id })).toEqual([ids.photo, ids.question]);
    expect(await search({ authorId: host.id })).toEqual([ids.quadratic]);
    expect(await search({ authorId: outsider.id })).toEqual([]);
  });

  it('filters posts with and without files', async () => {
    expect(await search({ hasFiles: 'true' })).toEqual([ids.photo, ids.quadratic]);
    expect(await search({ hasFiles: 'false' })).toEqual([ids.question]);
  });

  it('filters by date: from is inclusive, to is exclusive', async () => {
    expect(await search({ from: at('10:00') })).toEqual([ids.photo, ids.question]);
    expect(await search({ to: at('10:00') })).toEqual([ids.quadratic]);
    expect(await search({ from: at('09:30'), to: at('10:30') })).toEqual([ids.question]);
  });

  it('filters by date the same way when the client leaves out the milliseconds', async () => {
    expect(await search({ from: atShort('10:00') })).toEqual([ids.photo, ids.question]);
    expect(await search({ to: atShort('10:00') })).toEqual([ids.quadratic]);
  });

  it('combines filters', async () => {
    expect(await search({ authorId: member.id, hasFiles: 'true' })).toEqual([ids.photo]);
    expect(await search({ q: 'board', from: at('11:00') })).toEqual([ids.photo]);
  });

  it('paginates with the total', async () => {
    const reply = await hub.call('posts', {
      token: member.token,
      params: { sessionId },
      query: { pageSize: 2, page: 2 },
    });
    expect(reply.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(reply.body.items.map((p: { id: string }) => p.id)).toEqual([ids.quadratic]);
  });

  it('refuses a malformed filter, naming it', async () => {
    const reply = await hub.call('posts', {
      token: member.token,
      params: { sessionId },
      query: { hasFiles: 'yes', from: 'yesterday' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'hasFiles',
      'from',
    ]);
  });
});
