import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLogFiles } from '../../../src-main/logging/log-files';
import { createHub } from '../../../src-server/hub';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'classhub-logs-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const linesOf = async (folder: string, prefix: string) => {
  const number = (name: string) => Number(/\.(\d+)\.log$/.exec(name)?.[1] ?? 0);
  const names = (await readdir(folder))
    .filter((name) => name.startsWith(prefix))
    .sort((a, b) => number(a) - number(b));
  const texts = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')));
  return texts
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
};

describe('desktop log files', () => {
  it('write main’s lines as JSON to main.N.log, without tokens or passwords', async () => {
    const folder = join(root, 'logs');
    const logs = await openLogFiles(folder);
    logs.main.info({ accessToken: 'secret-token', password: 'hunter2' }, 'signed in');
    await logs.close();
    const [line] = await linesOf(folder, 'main.');
    expect(line).toMatchObject({ msg: 'signed in', process: 'main', accessToken: '[redacted]' });
    expect(JSON.stringify(line)).not.toMatch(/secret-token|hunter2/);
  });

  it('roll over at the size limit and keep only the last few files', async () => {
    const folder = join(root, 'logs');
    const logs = await openLogFiles(folder, { size: '1k', keep: 2 });
    // In batches, as a running app writes: the file rolls between writes, never inside one.
    for (let batch = 0; batch < 20; batch++) {
      for (let i = batch * 10; i < batch * 10 + 10; i++)
        logs.main.info({ i, filler: 'x'.repeat(60) }, 'line');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await logs.close();
    const files = (await readdir(folder)).filter((name) => name.startsWith('main.'));
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3); // two kept + the current one
    const last = (await linesOf(folder, 'main.')).at(-1);
    expect(last).toMatchObject({ i: 199 });
  });

  it('take the hosted hub’s log in hub.N.log instead of stdout', async () => {
    const folder = join(root, 'logs');
    const logs = await openLogFiles(folder);
    const hub = await createHub({
      dataDir: join(root, 'hub'),
      port: 0,
      host: '127.0.0.1',
      advertise: false,
      bcryptRounds: 4,
      logDestination: logs.hubDestination,
    });
    await hub.close();
    await logs.close();
    const lines = await linesOf(folder, 'hub.');
    expect(lines.map((line) => line.msg)).toContain('hub is listening');
  });
});
