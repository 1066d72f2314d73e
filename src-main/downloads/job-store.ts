import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DownloadJob } from '../../src-shared/bridge';
import { removeLeftoverTempFiles } from '../../src-server/storage/durable-file';
import { readJsonFile, UnreadableJsonError, writeJsonDurably } from '../offline/durable-json';
import { partialSize } from './transfer';

/** A job as main keeps it: the public job plus why it waits, if it does. */
export interface JobRecord extends DownloadJob {
  /** sign-in: paused until credentials for its hub appear; connection: failed or backing off after losing the hub. */
  waitingFor?: 'sign-in' | 'connection';
}

const jobRecordSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  hubUrl: z.string(),
  path: z.string(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int().min(0),
  kind: z.enum(['document', 'slides', 'media', 'archive', 'other']),
  source: z.enum(['material', 'submission']),
  courseId: z.string().optional(),
  courseTitle: z.string().optional(),
  state: z.enum(['queued', 'downloading', 'paused', 'verifying', 'done', 'failed', 'cancelled']),
  receivedBytes: z.number().int().min(0),
  error: z.string().optional(),
  libraryItemId: z.string().optional(),
  updatedAt: z.string(),
  waitingFor: z.enum(['sign-in', 'connection']).optional(),
});

export function publicJob(job: JobRecord): DownloadJob {
  const { waitingFor: _waitingFor, ...visible } = job;
  return { ...visible };
}

export function partialFileOf(folder: string, jobId: string): string {
  return join(folder, 'partial', `${jobId}.part`);
}

/**
 * Reads the job list after a start or a crash. A job that was running goes
 * back to the queue; its byte count comes from the partial file, which is
 * what a resume continues from. Partial files no job owns are deleted.
 */
export async function loadJobs(folder: string, log: (line: string) => void): Promise<JobRecord[]> {
  const file = join(folder, 'jobs.json');
  for (const name of await removeLeftoverTempFiles(folder, file))
    log(`downloads: removed an unfinished job-list write (${name})`);
  let raw: unknown = null;
  try {
    raw = await readJsonFile(file);
  } catch (error) {
    if (!(error instanceof UnreadableJsonError)) throw error;
    log(`downloads: the job list was damaged (${error.message}); starting with none`);
  }
  const entries =
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { jobs?: unknown }).jobs)
      ? (raw as { jobs: unknown[] }).jobs
      : [];
  const jobs: JobRecord[] = [];
  for (const entry of entries) {
    const parsed = jobRecordSchema.safeParse(entry);
    if (!parsed.success || parsed.data.state === 'cancelled') continue;
    const job: JobRecord = parsed.data;
    if (job.state === 'downloading' || job.state === 'verifying') job.state = 'queued';
    if (job.state !== 'done') job.receivedBytes = await partialSize(partialFileOf(folder, job.id));
    jobs.push(job);
  }
  const owned = new Set(jobs.map((job) => `${job.id}.part`));
  for (const name of await readdir(join(folder, 'partial')))
    if (!owned.has(name)) {
      await unlink(join(folder, 'partial', name)).catch(() => undefined);
      log(`downloads: deleted ${name}, a partial file no job owns`);
    }
  return jobs;
}

export function saveJobs(folder: string, jobs: Iterable<JobRecord>): Promise<void> {
  const kept = [...jobs].filter((job) => job.state !== 'cancelled');
  return writeJsonDurably(join(folder, 'jobs.json'), { version: 1, jobs: kept });
}
