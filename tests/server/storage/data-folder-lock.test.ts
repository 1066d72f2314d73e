import { spawn } from 'node:child_process';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataFolderInUseError,
  lockDataFolder,
  type DataFolderLock,
} from '../../../src-server/storage/data-folder-lock';
import type { OwnerRecord } from '../../../src-server/storage/data-folder-owner';
import { captureLogger, makeTempDir, type TempDir } from './helpers';

/** A pid that certainly belonged to a process which has ended. */
async function pidOfEndedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

function record(fields: Partial<OwnerRecord>): string {
  return JSON.stringify({
    format: 1,
    nonce: 'left-behind',
    pid: 1,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    ...fields,
  });
}

describe('the data folder lock', () => {
  let dir: TempDir;
  const held: DataFolderLock[] = [];
  const lockFile = () => join(dir.path, 'hub.lock');
  const lock = async (logger = captureLogger().logger) => {
    const taken = await lockDataFolder(dir.path, logger);
    held.push(taken);
    return taken;
  };

  beforeEach(async () => {
    dir = await makeTempDir('classhub-lock-');
  });
  afterEach(async () => {
    await Promise.all(held.splice(0).map((l) => l.release()));
    await dir.remove();
  });

  it('names this process, its start and this computer in hub.lock, and removes it on release', async () => {
    const taken = await lock();
    const owner = JSON.parse(await readFile(lockFile(), 'utf8')) as OwnerRecord;
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(owner.identity).toMatch(/\d/);

    await taken.release();
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('refuses a second hub while the first runs, naming the address it listens at', async () => {
    const first = await lock();
    await first.announce('http://127.0.0.1:4123', ['http://192.168.1.20:4123']);

    const refusal = await lock().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataFolderInUseError);
    expect((refusal as Error).message).toContain(`in use by another hub (process ${process.pid})`);
    expect((refusal as Error).message).toContain('Open http://127.0.0.1:4123 to use it');
  });

  it('says a hub is still starting when it has not announced its address yet', async () => {
    await lock();
    await expect(lock()).rejects.toThrow(/still starting/);
  });

  it('lets exactly one of many hubs started at the same instant take the folder', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => lock()));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DataFolderInUseError);
  });

  it('takes over, with a log line, a lock whose pid now belongs to another live process (after a power cut)', async () => {
    // pid 1 runs, but it is not the process that wrote this record: its start time differs.
    await writeFile(lockFile(), record({ pid: 1, identity: 'linux:another-boot:42' }));
    const { logger, warnings } = captureLogger();

    await lock(logger);

    expect(warnings().map((w) => w.msg)).toEqual([
      expect.stringMatching(/taking over .* process 1 is now another program/),
    ]);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('takes over a lock file of an older version that holds only a pid, even pid 1', async () => {
    await writeFile(lockFile(), '1');
    const { logger, warnings } = captureLogger();

    await lock(logger);

    expect(warnings()[0]?.msg).toMatch(/taking over .* older ClassHub version; process 1/);
  });

  it('takes over the lock of a hub whose process has ended', async () => {
    const pid = await pidOfEndedProcess();
    await writeFile(lockFile(), record({ pid, identity: 'linux:x:1', url: 'http://127.0.0.1:1' }));
    const { logger, warnings } = captureLogger();

    await lock(logger);

    expect(warnings()[0]?.msg).toContain(`its process ${pid} has ended`);
  });

  it('takes over an unreadable lock file', async () => {
    await writeFile(lockFile(), '{"format":');
    const { logger, warnings } = captureLogger();
    await lock(logger);
    expect(warnings()[0]?.msg).toMatch(/could not be read/);
  });

  it('trusts the heartbeat for a hub on another computer: refused while fresh, taken over once stale', async () => {
    const other = record({
      pid: 99999,
      hostname: 'teachers-laptop',
      url: 'http://127.0.0.1:4000',
      lanUrls: ['http://10.0.0.7:4000'],
    });
    await writeFile(lockFile(), other);
    await expect(lock()).rejects.toThrow(
      /process 99999\) on the computer teachers-laptop, running at http:\/\/10\.0\.0\.7:4000/,
    );

    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lockFile(), longAgo, longAgo);
    const { logger, warnings } = captureLogger();
    await lock(logger);
    expect(warnings()[0]?.msg).toMatch(/teachers-laptop stopped refreshing its lock/);
  });

  it('on release leaves alone a lock that another hub has taken over meanwhile', async () => {
    const taken = await lock();
    await writeFile(lockFile(), record({ nonce: 'successor', pid: 1 }));

    await taken.release();

    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ nonce: 'successor' });
  });
});
