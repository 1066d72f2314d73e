import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DownloadJob } from '../../../src-shared/bridge';
import type { DownloadManager } from '../../../src-main/downloads/download-manager';

/** Polls the manager until the job matches (or fails the test after `timeoutMs`). */
export async function waitForJob(
  manager: DownloadManager,
  id: string,
  matches: (job: DownloadJob) => boolean,
  timeoutMs = 10_000,
): Promise<DownloadJob> {
  const deadline = Date.now() + timeoutMs;
  let last: DownloadJob | undefined;
  while (Date.now() < deadline) {
    last = (await manager.list()).find((job) => job.id === id);
    if (last && matches(last)) return last;
    await sleep(15);
  }
  throw new Error(`job ${id} never matched; last seen: ${JSON.stringify(last)}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const tempFolder = () => mkdtemp(join(tmpdir(), 'classhub-downloads-'));

/** Files in `<downloads folder>/partial`. */
export const partialFiles = (downloadsFolder: string) => readdir(join(downloadsFolder, 'partial'));
