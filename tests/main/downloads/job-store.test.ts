import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ClassHubBridge } from '../../../src-shared/bridge';
import type { DownloadManager } from '../../../src-main/downloads/download-manager';
import { loadJobs, partialFileOf, type JobRecord } from '../../../src-main/downloads/job-store';
import { tempFolder } from './wait';

// What the ipc layer hands to the bridge.
const _fits = (manager: DownloadManager) => manager satisfies ClassHubBridge['downloads'];

let folder: string;
beforeEach(async () => {
  folder = await tempFolder();
  await mkdir(join(folder, 'partial'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const job = (id: string, state: JobRecord['state']): JobRecord => ({
  id,
  hubUrl: 'http://127.0.0.1:4000',
  path: `/api/materials/${id}/file`,
  title: id,
  fileName: `${id}.pdf`,
  sha256: 'a'.repeat(64),
  size: 100,
  kind: 'document',
  source: 'material',
  state,
  receivedBytes: 0,
  updatedAt: new Date().toISOString(),
});

it('after a crash: running jobs are queued again from their partial file, debris is removed', async () => {
  const jobs = [job('running', 'downloading'), job('paused', 'paused'), job('gone', 'cancelled')];
  await writeFile(join(folder, 'jobs.json'), JSON.stringify({ version: 1, jobs }));
  await writeFile(join(folder, 'jobs.json.999-1.tmp'), '{"version":1,"jo');
  await writeFile(partialFileOf(folder, 'running'), Buffer.alloc(42));
  await writeFile(partialFileOf(folder, 'nobody'), Buffer.alloc(7));
  const lines: string[] = [];

  const loaded = await loadJobs(folder, (line) => lines.push(line));
  expect(loaded.map((j) => [j.id, j.state, j.receivedBytes])).toEqual([
    ['running', 'queued', 42],
    ['paused', 'paused', 0],
  ]);
  expect(await readdir(join(folder, 'partial'))).toEqual(['running.part']);
  expect(await readdir(folder)).not.toContain('jobs.json.999-1.tmp');
  expect(lines.join('\n')).toMatch(/unfinished job-list write[\s\S]*nobody.part/);
});

it('a damaged job list starts empty instead of stopping the app', async () => {
  await writeFile(join(folder, 'jobs.json'), '{ not json');
  const lines: string[] = [];
  expect(await loadJobs(folder, (line) => lines.push(line))).toEqual([]);
  expect(lines.join('\n')).toMatch(/damaged/);
});
