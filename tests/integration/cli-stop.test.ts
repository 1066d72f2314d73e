import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildHub, type ChildHub } from '../support/child-hub';
import { call } from '../support/http';
import { newcomer } from '../support/people';

let dataDir: string;
let child: ChildHub | undefined;
afterEach(async () => {
  if (child?.process.exitCode === null) child.process.kill('SIGKILL');
  await child?.exited;
  child = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('stopping `npm run hub` with Ctrl+C', () => {
  it('says the hub stopped with its data saved, and keeps what was saved', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classhub-cli-stop-'));
    child = await startChildHub(dataDir);
    const person = newcomer();
    expect((await call(child.url, 'register', { body: person })).status).toBe(201);

    child.process.kill('SIGINT'); // what Ctrl+C sends
    expect(await child.exited).toBe(0);
    expect(child.output()).toContain(`ClassHub hub stopped; all data is saved in ${dataDir}.`);

    child = await startChildHub(dataDir);
    const signIn = await call(child.url, 'signIn', {
      body: { username: person.username, password: person.password },
    });
    expect(signIn.status).toBe(200);
  });
});
