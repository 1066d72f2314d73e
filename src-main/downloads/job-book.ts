import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DownloadJob } from '../../src-shared/bridge';
import { createSerialQueue } from '../offline/durable-json';
import { loadJobs, publicJob, saveJobs, type JobRecord } from './job-store';
import { createProgressThrottle } from './progress-throttle';

/** Finished jobs kept for the downloads list; older ones are forgotten (their files stay in the library). */
const KEPT_DONE_JOBS = 200;

/**
 * The jobs and who hears of them: every state change is saved (durably, in
 * order) and sent to the listeners; progress only goes to the listeners,
 * throttled, because the partial file's size is the byte count after a restart.
 */
export function createJobBook(
  folder: string,
  progressIntervalMs: number,
  log: (line: string) => void,
) {
  const jobs = new Map<string, JobRecord>();
  const listeners = new Set<(job: DownloadJob) => void>();
  const serially = createSerialQueue();
  const throttle = createProgressThrottle(progressIntervalMs);

  const loaded = (async () => {
    await mkdir(join(folder, 'partial'), { recursive: true });
    for (const job of await loadJobs(folder, log)) jobs.set(job.id, job);
  })().catch((error: unknown) => {
    log(`downloads: could not read the job list in ${folder} (${(error as Error).message})`);
  });

  const save = () => serially(() => saveJobs(folder, jobs.values()));

  function persist(): void {
    save().catch((error: unknown) => {
      log(`downloads: could not save the job list (${(error as Error).message})`);
    });
  }

  function emit(job: JobRecord): void {
    const visible = publicJob(job);
    for (const listener of listeners)
      try {
        listener(visible);
      } catch (error) {
        log(`downloads: a listener failed (${(error as Error).message})`);
      }
  }

  function forgetOldDoneJobs(): void {
    const done = [...jobs.values()].filter((job) => job.state === 'done');
    for (const job of done.slice(0, Math.max(0, done.length - KEPT_DONE_JOBS))) jobs.delete(job.id);
  }

  return {
    jobs,
    loaded,
    /** Waits for every queued save; rejects if the last one failed. */
    flush: save,

    find(id: string): JobRecord {
      const job = jobs.get(id);
      if (!job) throw new Error('There is no download with this id.');
      return job;
    },

    add(job: JobRecord): void {
      jobs.set(job.id, job);
      persist();
      emit(job);
    },

    /** A state change: saved and announced at once. `undefined` removes an optional field. */
    update(job: JobRecord, changes: Partial<JobRecord>): void {
      Object.assign(job, changes, { updatedAt: new Date().toISOString() });
      for (const key of ['error', 'waitingFor', 'libraryItemId'] as const)
        if (key in changes && changes[key] === undefined) delete job[key];
      throttle.forget(job.id);
      if (job.state === 'done') forgetOldDoneJobs();
      persist();
      emit(job);
    },

    progress(job: JobRecord, receivedBytes: number): void {
      job.receivedBytes = receivedBytes;
      if (throttle.due(job.id, receivedBytes, job.size)) emit(job);
    },

    /** Announces the job as it is now, without saving (nothing durable changed). */
    announce: emit,

    remove(id: string): void {
      jobs.delete(id);
      persist();
    },

    onChanged(listener: (job: DownloadJob) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    clearListeners: () => listeners.clear(),
  };
}

export type JobBook = ReturnType<typeof createJobBook>;
