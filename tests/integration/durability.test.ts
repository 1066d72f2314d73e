import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildHub, type ChildHub } from '../support/child-hub';
import { call } from '../support/http';
import { newcomer } from '../support/people';
import { describeOnLowdb } from '../support/test-engine';

// The folder lock belongs to the lowdb engine: skipped on PostgreSQL, saying why.
const lowdbDescribe = describeOnLowdb('on PostgreSQL hubs share the database and lock no folder');

let dataDir: string;
let child: ChildHub | undefined;
afterEach(async () => {
  child?.process.kill('SIGKILL');
  await child?.exited;
  child = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

interface Acked {
  statusTexts: Set<string>;
  usernames: Set<string>;
}

/** Writes as fast as it can until stopped; remembers exactly what the hub acknowledged. */
function writeUntilStopped(url: string, token: string, acked: Acked, tag: string) {
  let stopped = false;
  const loops = Array.from({ length: 8 }, async (_, loop) => {
    for (let i = 0; !stopped; i++) {
      try {
        if (i % 5 === 4 && acked.usernames.size < 24) {
          const person = newcomer({ username: `${tag}_${loop}_${i}` });
          const reply = await call(url, 'register', { body: person });
          if (reply.status === 201) acked.usernames.add(person.username);
        } else {
          const text = `${tag}-${loop}-${i}`;
          const reply = await call(url, 'postStatusUpdate', { token, body: { text } });
          if (reply.status === 201) acked.statusTexts.add(text);
        }
      } catch {
        return; // the hub is gone: whatever was not acknowledged may be lost
      }
    }
  });
  return () => {
    stopped = true;
    return Promise.all(loops);
  };
}

async function everyStatusText(url: string, token: string, username: string): Promise<Set<string>> {
  const texts = new Set<string>();
  for (let page = 1; ; page++) {
    const reply = await call(url, 'statusUpdates', {
      token,
      params: { username },
      query: { page, pageSize: 100 },
    });
    for (const item of reply.body.items as { text: string }[]) texts.add(item.text);
    if (page * 100 >= reply.body.total) return texts;
  }
}

async function signInOwner(url: string) {
  const reply = await call(url, 'signIn', {
    body: { username: 'owner', password: 'Lantern-Orbit-42' },
  });
  expect(reply.status).toBe(200);
  return reply.body.tokens.accessToken as string;
}

async function expectEverythingAcknowledgedIsBack(url: string, acked: Acked) {
  const token = await signInOwner(url);
  const stored = await everyStatusText(url, token, 'owner');
  const missing = [...acked.statusTexts].filter((text) => !stored.has(text));
  expect(missing).toEqual([]);
  const users = await call(url, 'adminUsers', { token, query: { pageSize: 100 } });
  const names = new Set((users.body.items as { username: string }[]).map((u) => u.username));
  expect([...acked.usernames].filter((name) => !names.has(name))).toEqual([]);
}

describe('durability', () => {
  it('loses no acknowledged write when the hub is killed with SIGKILL mid-write, three times over', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classhub-kill-'));
    const acked: Acked = { statusTexts: new Set(), usernames: new Set() };
    child = await startChildHub(dataDir);
    await call(child.url, 'register', { body: newcomer({ username: 'owner' }) });
    for (const round of [1, 2, 3]) {
      const token = await signInOwner(child.url);
      const stop = writeUntilStopped(child.url, token, acked, `r${round}`);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');
      await stop();
      child = await startChildHub(dataDir); // every file must load
      await expectEverythingAcknowledgedIsBack(child.url, acked);
    }
    expect(acked.statusTexts.size).toBeGreaterThan(50); // the kills really landed during writing
  }, 120_000);

  it('loses no acknowledged chat message when the hub is killed with SIGKILL mid-send', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classhub-kill-chat-'));
    child = await startChildHub(dataDir);
    await call(child.url, 'register', { body: newcomer({ username: 'owner' }) });
    const host = newcomer({ username: 'host', role: 'teacher' });
    await call(child.url, 'register', { body: host });
    const signedIn = await call(child.url, 'signIn', {
      body: { username: host.username, password: host.password },
    });
    const token = signedIn.body.tokens.accessToken as string;
    const session = await call(child.url, 'createSession', { token, body: { title: 'Kill' } });
    const room = `session:${session.body.id as string}`;
    const acked = new Set<string>();
    let stopped = false;
    const url = child.url;
    const loops = Array.from({ length: 6 }, async (_, loop) => {
      for (let i = 0; !stopped; i++) {
        const text = `chat-${loop}-${i}`;
        try {
          const reply = await call(url, 'sendMessage', {
            token,
            params: { room },
            body: { clientId: randomUUID(), text },
          });
          if (reply.status === 201) acked.add(text);
        } catch {
          return; // the hub is gone: a send that was not acknowledged may be lost
        }
      }
    });
    // Kill once sending is well under way (however slow the machine), at a random moment.
    while (acked.size < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
    child.process.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');
    stopped = true;
    await Promise.all(loops);
    child = await startChildHub(dataDir);
    const again = await call(child.url, 'signIn', {
      body: { username: host.username, password: host.password },
    });
    const stored = new Set<string>();
    for (let before: number | undefined; ;) {
      const page = await call(child.url, 'chatHistory', {
        token: again.body.tokens.accessToken as string,
        params: { room },
        query: before === undefined ? {} : { before },
      });
      expect(page.status).toBe(200);
      for (const item of page.body.items as { text: string }[]) stored.add(item.text);
      before = page.body.nextBefore as number | undefined;
      if (before === undefined) break;
    }
    expect([...acked].filter((text) => !stored.has(text))).toEqual([]);
  }, 60_000);

  it('finishes pending writes on SIGTERM and exits cleanly', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classhub-term-'));
    const acked: Acked = { statusTexts: new Set(), usernames: new Set() };
    child = await startChildHub(dataDir);
    await call(child.url, 'register', { body: newcomer({ username: 'owner' }) });
    const stop = writeUntilStopped(child.url, await signInOwner(child.url), acked, 'term');
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    await stop();
    expect(child.output()).toContain('finishing pending writes');
    child = await startChildHub(dataDir);
    await expectEverythingAcknowledgedIsBack(child.url, acked);
  }, 60_000);
});

lowdbDescribe('one hub per data folder', () => {
  it('refuses to start a second hub on a folder in use, and takes over the lock of a killed one', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classhub-lock-'));
    child = await startChildHub(dataDir);
    await expect(startChildHub(dataDir)).rejects.toThrow(/in use by another hub/);
    child.process.kill('SIGKILL');
    await child.exited;
    child = await startChildHub(dataDir);
    expect((await call(child.url, 'health')).status).toBe(200);
  }, 60_000);
});
