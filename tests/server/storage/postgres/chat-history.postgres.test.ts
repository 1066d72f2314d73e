import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import {
  fillChatSenderKeys,
  PgChatHistoryRepository,
} from '../../../../src-server/storage/postgres/chat-history';
import {
  connectPostgres,
  type PgConnection,
} from '../../../../src-server/storage/postgres/connect';
import { migrateToLatest } from '../../../../src-server/storage/postgres/migrate';
import * as m006 from '../../../../src-server/storage/postgres/migrations/006-chat-sent-once';
import type { ChatRecord } from '../../../../src-server/storage/records';
import type { ChatSender } from '../../../../src-server/storage/repositories';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import type { TestDatabase } from '../../../support/postgres';
import { silentLogger } from '../helpers';

/**
 * The chat log as several hub nodes see it: each "node" is a repository on
 * its own connection pool to one database, as in a school hub.
 */
let database: TestDatabase;
let nodeA: PgConnection;
let nodeB: PgConnection;
let run = 0;
const room = () => `session:room-${++run}`;
const ann = (clientId: string): ChatSender => ({ authorId: 'ann' as UserId, clientId });
const build = (sender: ChatSender, text: string) => async (): Promise<ChatRecord> => ({
  ...sender,
  text,
  files: [],
});

beforeAll(async () => {
  database = await freshPostgresDatabase();
  nodeA = connectPostgres(database.url, silentLogger);
  nodeB = connectPostgres(database.url, silentLogger);
  await migrateToLatest(nodeA.db, silentLogger);
});
afterAll(async () => {
  await nodeA?.close();
  await nodeB?.close();
  await database?.drop();
});

describe('the chat log on several hub nodes', () => {
  it('stores a message sent to two nodes at once once — also as a room’s very first message', async () => {
    const [a, b] = [new PgChatHistoryRepository(nodeA.db), new PgChatHistoryRepository(nodeB.db)];
    for (let round = 0; round < 10; round++) {
      const stream = room();
      const sender = ann(`outbox-${round}`);
      const answers = await Promise.all(
        [a, b, a, b].map((node) => node.appendOnce(stream, sender, build(sender, 'racing'))),
      );
      expect(answers.filter((answer) => !answer.duplicate)).toHaveLength(1);
      expect(answers.map((answer) => answer.entry)).toEqual(Array(4).fill(answers[0]!.entry));
      expect(await a.lastSeq(stream)).toBe(1);
    }
  });

  it('numbers different messages racing to open a room 1, 2, 3 with no gap and no refusal', async () => {
    const [a, b] = [new PgChatHistoryRepository(nodeA.db), new PgChatHistoryRepository(nodeB.db)];
    for (let round = 0; round < 5; round++) {
      const stream = room();
      const answers = await Promise.all(
        [a, b, a, b].map((node, i) =>
          node.appendOnce(stream, ann(`outbox-${i}`), build(ann(`outbox-${i}`), `m${i}`)),
        ),
      );
      expect(answers.map((answer) => answer.entry.seq).sort()).toEqual([1, 2, 3, 4]);
      expect((await b.since(stream, 0, 10)).map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
    }
  });

  it('answers a resend through node B of a message stored through node A', async () => {
    const [a, b] = [new PgChatHistoryRepository(nodeA.db), new PgChatHistoryRepository(nodeB.db)];
    const stream = room();
    const stored = await a.appendOnce(stream, ann('outbox-x'), build(ann('outbox-x'), 'hi'));
    await a.appendOnce(stream, ann('outbox-y'), build(ann('outbox-y'), 'later'));
    expect(await b.appendOnce(stream, ann('outbox-x'), build(ann('outbox-x'), 'hi'))).toEqual({
      duplicate: true,
      entry: stored.entry,
    });
    expect(await b.lastSeq(stream)).toBe(2);
  });
});

describe('upgrading a database whose chat already holds a resend stored twice', () => {
  it('keeps both copies in place, and answers the next resend with the first', async () => {
    const { db } = nodeA;
    await m006.down(db as Kysely<unknown>);
    const stream = room();
    const sent = (seq: number, clientId: string) =>
      sql`(${stream}, ${seq}, now(), ${JSON.stringify({ authorId: 'ann', clientId, text: `#${seq}`, files: [] })}::json)`;
    try {
      // Seq 2 is the copy a second node stored before this version.
      await sql`INSERT INTO history_chat (stream, seq, at, entry)
        VALUES ${sql.join([sent(1, 'outbox-a'), sent(2, 'outbox-a'), sent(3, 'outbox-b')])}`.execute(
        db,
      );
      await sql`INSERT INTO history_chat_heads (stream, last_seq, last_at) VALUES (${stream}, 3, now())`.execute(
        db,
      );
    } finally {
      await m006.up(db as Kysely<unknown>);
    }
    const chat = new PgChatHistoryRepository(db);
    expect((await chat.since(stream, 0, 10)).map((entry) => entry.seq)).toEqual([1, 2, 3]);
    const resend = await chat.appendOnce(stream, ann('outbox-a'), build(ann('outbox-a'), '#1'));
    expect(resend).toMatchObject({ duplicate: true, entry: { seq: 1, entry: { text: '#1' } } });
    const resendB = await chat.appendOnce(stream, ann('outbox-b'), build(ann('outbox-b'), '#3'));
    expect(resendB).toMatchObject({ duplicate: true, entry: { seq: 3 } });
    const next = await chat.appendOnce(stream, ann('outbox-c'), build(ann('outbox-c'), 'new'));
    expect(next).toMatchObject({ duplicate: false, entry: { seq: 4 } });
  });

  it('gives restored messages (loaded without keys) their keys, as a restore does', async () => {
    const { db } = nodeA;
    const stream = room();
    await sql`INSERT INTO history_chat (stream, seq, at, entry) VALUES
      (${stream}, 1, now(), ${JSON.stringify({ authorId: 'ann', clientId: 'outbox-r', text: 'r', files: [] })}::json)`.execute(
      db,
    );
    await sql`INSERT INTO history_chat_heads (stream, last_seq, last_at) VALUES (${stream}, 1, now())`.execute(
      db,
    );
    await fillChatSenderKeys(db);
    const chat = new PgChatHistoryRepository(db);
    const resend = await chat.appendOnce(stream, ann('outbox-r'), build(ann('outbox-r'), 'r'));
    expect(resend).toMatchObject({ duplicate: true, entry: { seq: 1 } });
  });
});
