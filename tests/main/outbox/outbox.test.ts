import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxItem } from '../../../src-shared/bridge';
import { outboxWorld, pdf, text, type OutboxWorld } from './outbox-fixture';

let world: OutboxWorld;
beforeEach(async () => {
  world = await outboxWorld();
});
afterEach(() => world.close());

const chat = (words: string) =>
  ({ kind: 'chat-message', hubUrl: world.hub.url, room: world.room, text: words }) as const;

/** A fetch that delivers the request but loses the answer, the first `times` times a URL matches. */
function losingAnswers(match: RegExp, times = 1) {
  let left = times;
  const calls: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input);
    calls.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
    const response = await fetch(input, init);
    if (match.test(url) && left-- > 0) throw new TypeError('fetch failed');
    return response;
  };
  return { fetchImpl, calls };
}

describe('the outbox', () => {
  it('keeps actions taken offline and sends them in order, once, however often it flushes', async () => {
    const outbox = world.outbox();
    const changes: OutboxItem[][] = [];
    outbox.onChanged((items) => changes.push(items));
    for (const words of ['first', 'second', 'third']) await outbox.enqueue(chat(words));
    expect(await outbox.flush()).toEqual({
      sent: 0,
      refused: 0,
      stoppedBecause: 'nobody is signed in',
    });
    expect((await outbox.list()).map((i) => i.state)).toEqual(['waiting', 'waiting', 'waiting']);
    expect((await outbox.list())[0]!.summary).toBe('Message to the session chat: first');

    world.credentials = world.signedIn();
    const [a, b] = await Promise.all([outbox.flush(), outbox.flush()]);
    expect(a).toEqual({ sent: 3, refused: 0 });
    expect(b).toBe(a); // a second flush while one runs joins it
    expect(await outbox.flush()).toEqual({ sent: 0, refused: 0 });
    expect(await world.messages()).toEqual(['first', 'second', 'third']);
    expect(changes.at(-1)!.map((i) => i.state)).toEqual(['sent', 'sent', 'sent']);
  });

  it('resends after a lost answer without the hub storing it twice', async () => {
    const { fetchImpl } = losingAnswers(/\/messages$/);
    const outbox = world.outbox(fetchImpl);
    world.credentials = world.signedIn();
    await outbox.enqueue(chat('hello?'));
    await outbox.enqueue(chat('anyone?'));
    const first = await outbox.flush();
    expect(first).toMatchObject({ sent: 0, stoppedBecause: 'fetch failed' });
    expect((await outbox.list()).map((i) => i.state)).toEqual(['waiting', 'waiting']);
    expect(await outbox.flush()).toEqual({ sent: 2, refused: 0 });
    expect(await world.messages()).toEqual(['hello?', 'anyone?']);
  });

  it('after a crash mid-send, sends the interrupted action again, and the hub keeps one copy', async () => {
    world.credentials = world.signedIn();
    let delivered!: () => void;
    const wasDelivered = new Promise<void>((done) => (delivered = done));
    // The app "dies" right after the hub stored the message: the answer never arrives.
    const dying: typeof fetch = async (input, init) => {
      await fetch(input, init);
      delivered();
      return new Promise<Response>(() => undefined);
    };
    const crashed = world.outbox(dying);
    await crashed.enqueue(chat('before the crash'));
    await crashed.enqueue(chat('after the crash'));
    void crashed.flush();
    await wasDelivered;
    await vi.waitFor(async () => expect(await world.messages()).toEqual(['before the crash']));

    const restarted = world.outbox();
    expect((await restarted.list()).map((i) => i.state)).toEqual(['waiting', 'waiting']);
    expect(await restarted.flush()).toEqual({ sent: 2, refused: 0 });
    expect(await world.messages()).toEqual(['before the crash', 'after the crash']);
  });

  it('uploads the files of a post and a submission, then sends them, each once', async () => {
    const { fetchImpl, calls } = losingAnswers(/\/posts$|\/submissions$/, 2);
    const outbox = world.outbox(fetchImpl);
    world.credentials = world.signedIn();
    const post = await outbox.enqueue({
      kind: 'post',
      hubUrl: world.hub.url,
      sessionId: world.sessionId,
      text: 'My notes from today',
      files: [pdf('notes.pdf'), text('links.txt', 'https://example.org')],
    });
    expect(post.summary).toBe('Post in a session: My notes from today (2 files)');
    await outbox.enqueue({
      kind: 'submission',
      hubUrl: world.hub.url,
      deadlineId: world.deadlineId,
      comment: 'Final version',
      files: [pdf()],
    });
    expect((await outbox.flush()).stoppedBecause).toBe('fetch failed'); // post stored, answer lost
    expect((await outbox.flush()).stoppedBecause).toBe('fetch failed'); // post again; submission stored, answer lost
    expect(await outbox.flush()).toEqual({ sent: 2, refused: 0 });

    const posts = await world.hub.call('posts', {
      token: world.teacher.token,
      params: { sessionId: world.sessionId },
    });
    expect(posts.body.items).toHaveLength(1);
    expect(posts.body.items[0]).toMatchObject({ text: 'My notes from today' });
    expect(posts.body.items[0].files.map((f: { fileName: string }) => f.fileName)).toEqual([
      'notes.pdf',
      'links.txt',
    ]);
    const mine = await world.hub.call('mySubmissions', {
      token: world.student.token,
      params: { deadlineId: world.deadlineId },
    });
    expect(mine.body.versions).toHaveLength(1);
    expect(mine.body.versions[0]).toMatchObject({ version: 1, comment: 'Final version' });
    // Each file went up once: resends reused the uploads the hub already had.
    expect(calls.filter((c) => c === 'POST /api/uploads')).toHaveLength(3);
    expect(await readdir(join(world.folder, 'files'))).toEqual([]);
  });

  it('shows a refused action with the hub’s reason, and carries on with the next', async () => {
    world.clock.advance(2 * 86_400_000); // the deadline has passed, late work not accepted
    await world.refreshStudent();
    world.credentials = world.signedIn();
    const outbox = world.outbox();
    await outbox.enqueue({
      kind: 'submission',
      hubUrl: world.hub.url,
      deadlineId: world.deadlineId,
      comment: '',
      files: [pdf()],
    });
    await outbox.enqueue(chat('sorry, my submission is late'));
    expect(await outbox.flush()).toEqual({ sent: 1, refused: 1 });
    const [refused, sent] = await outbox.list();
    expect(refused).toMatchObject({
      kind: 'submission',
      state: 'refused',
      error: {
        code: 'CONFLICT',
        message: 'The deadline “Lab report” has passed and your teacher does not accept late work.',
      },
    });
    expect(sent!.state).toBe('sent');
    expect(await outbox.flush()).toEqual({ sent: 0, refused: 0 }); // never retried
    await outbox.discard(refused!.id);
    expect((await outbox.list()).map((i) => i.kind)).toEqual(['chat-message']);
  });

  it('survives a restart of the app with everything still waiting, in order', async () => {
    const before = world.outbox();
    await before.enqueue(chat('one'));
    await before.enqueue({
      kind: 'post',
      hubUrl: world.hub.url,
      sessionId: world.sessionId,
      text: '',
      files: [pdf('slides.pdf')],
    });
    await before.enqueue(chat('two'));
    const listed = await before.list();
    await before.close();

    const after = world.outbox();
    expect(await after.list()).toEqual(listed);
    world.credentials = world.signedIn();
    expect(await after.flush()).toEqual({ sent: 3, refused: 0 });
    expect(await world.messages()).toEqual(['one', 'two']);
  });

  it('waits, without reordering, while signed out of this hub, offline or the token expired', async () => {
    const outbox = world.outbox();
    await outbox.enqueue(chat('patience'));
    await outbox.enqueue({ ...chat('for another hub'), hubUrl: 'http://10.9.9.9:4000' });

    world.credentials = { hubUrl: world.hub.url, accessToken: 'not-a-token' };
    expect(await outbox.flush()).toMatchObject({ sent: 0, stoppedBecause: 'the hub answered 401' });
    world.credentials = { hubUrl: 'http://127.0.0.1:9', accessToken: world.student.token };
    expect(await outbox.flush()).toEqual({ sent: 0, refused: 0 }); // nothing queued for that hub
    expect((await outbox.list()).map((i) => i.state)).toEqual(['waiting', 'waiting']);

    world.credentials = world.signedIn();
    expect(await outbox.flush()).toEqual({ sent: 1, refused: 0 });
    expect((await outbox.list()).map((i) => i.state)).toEqual(['sent', 'waiting']);
  });

  it('waits while the hub cannot be reached', async () => {
    const outbox = world.outbox();
    await outbox.enqueue({ ...chat('are you there'), hubUrl: 'http://127.0.0.1:9' });
    world.credentials = { hubUrl: 'http://127.0.0.1:9/', accessToken: world.student.token };
    expect(await outbox.flush()).toMatchObject({ sent: 0, stoppedBecause: 'fetch failed' });
    expect((await outbox.list())[0]!.state).toBe('waiting');
  });
});
