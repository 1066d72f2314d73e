import { readdir, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHub } from '../../../src-server/hub';
import { TINY_PNG, upload } from '../../support/files';
import { GOOD_PASSWORD, newcomer, signUp } from '../../support/people';
import type { TestDatabase } from '../../support/postgres';
import { freshPostgresDatabase } from '../../support/postgres-database';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * What only the PostgreSQL engine promises: the data lives in the database
 * (not the data folder), several hubs may share it at once with every rule
 * still held by the database, uploads go to the --blobs folder, and a
 * database that cannot be reached stops the start with a message that says so.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<TestDatabase> {
  const made = await freshPostgresDatabase();
  cleanups.push(() => made.drop());
  return made;
}

async function hubOn(url: string, options: Parameters<typeof startHub>[0] = {}): Promise<TestHub> {
  const hub = await startHub({ database: url, verification: 'none', ...options });
  cleanups.push(() => hub.stop());
  return hub;
}

describe('a hub on PostgreSQL', () => {
  it('keeps its accounts in the database: a hub with another data folder finds them', async () => {
    const { url } = await database();
    const first = await hubOn(url);
    const person = await signUp(first);
    await first.close();

    const second = await hubOn(url);
    expect(second.dataDir).not.toBe(first.dataDir);
    const signedIn = await second.call('signIn', {
      body: { username: person.username, password: GOOD_PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.account.id).toBe(person.id);
  });

  it('lets two hubs share one database, and only one of them can take a username', async () => {
    const { url } = await database();
    const [left, right] = [await hubOn(url), await hubOn(url)];
    await signUp(left); // the first account becomes admin; the race is about the next one

    const wanted = newcomer({ username: 'only_one' });
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? left : right).call('register', {
          body: { ...wanted, email: `only${i}@school.test` },
        }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const onRight = await right.call('signIn', {
      body: { username: 'only_one', password: GOOD_PASSWORD },
    });
    expect(onRight.status).toBe(200);
  });

  it('makes exactly one admin when two hubs on one database each get a first registration at once', async () => {
    const { url } = await database();
    const hubs = [await hubOn(url), await hubOn(url)];
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        hubs[i % 2]!.call('register', { body: newcomer({ username: `first_${i}` }) }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const admins = replies.filter((reply) => reply.body.account.isAdmin === true);
    expect(admins).toHaveLength(1);
  });

  it('stores uploaded files in the --blobs folder', async () => {
    const { url } = await database();
    const blobsDir = await mkdtemp(join(tmpdir(), 'classhub-blobs-'));
    cleanups.push(() => rm(blobsDir, { recursive: true, force: true }));
    const hub = await hubOn(url, { blobsDir });
    const person = await signUp(hub);

    const reply = await upload(
      `${hub.url}/api/me/avatar`,
      person.token,
      'avatar',
      TINY_PNG,
      'me.png',
      'image/png',
    );
    expect(reply.status).toBe(200);
    const stored = await readdir(blobsDir, { recursive: true });
    expect(stored.some((name) => /[0-9a-f]{64}$/.test(name))).toBe(true);
  });

  it('answers text the database cannot hold (a NUL character) with a 400 that says so', async () => {
    const { url } = await database();
    const hub = await hubOn(url);
    const person = await signUp(hub);

    const reply = await hub.call('updateMe', { token: person.token, body: { bio: 'a\u0000b' } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/NUL character/);
  });

  it('refuses to start on a database it cannot reach, naming it without the password', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'classhub-test-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const start = createHub({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logLevel: 'silent',
      advertise: false,
      // Port 1 on this computer: nothing listens there.
      database: 'postgres://classhub:top-secret@127.0.0.1:1/classhub',
    });
    await expect(start).rejects.toThrow(
      /cannot use the PostgreSQL database postgres:\/\/classhub@127\.0\.0\.1:1\/classhub/,
    );
    await expect(start).rejects.not.toThrow(/top-secret/);
  });
});
