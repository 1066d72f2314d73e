import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type { DownloadJob, DownloadRequest } from '../../src-shared/bridge';
import {
  CHECKSUM_MISMATCH,
  CONNECTION_LOST,
  SIGN_IN_AGAIN,
  type DownloadManager,
  type DownloadManagerOptions,
} from './download-options';
import { createSerialQueue, isMissingFileError } from '../offline/durable-json';
import { checkDownloadRequest, hubFileUrl, hubOriginOf, sameDownload } from './download-request';
import { logLine } from '../logging/app-log';
import { createJobBook } from './job-book';
import { partialFileOf, publicJob, type JobRecord } from './job-store';
import { partialSize, transferToPartial, type TransferOutcome } from './transfer';

export {
  CHECKSUM_MISMATCH,
  CONNECTION_LOST,
  SIGN_IN_AGAIN,
  type DownloadManager,
  type DownloadManagerOptions,
} from './download-options';

interface Running {
  controller: AbortController;
  /** Set by whoever stopped the transfer; that caller owns the job's next state. */
  stoppedFor?: 'pause' | 'cancel' | 'close';
  settled: Promise<void>;
}

/**
 * Main-process downloads: a FIFO queue with at most `parallelism` transfers,
 * each resuming its partial file with HTTP Range, verified against the hub's
 * sha256 and moved into the offline library only when it matches.
 */
export function createDownloadManager(options: DownloadManagerOptions): DownloadManager {
  const { folder, library } = options;
  const parallelism = Math.max(1, options.parallelism ?? 2);
  const retryDelays = options.retryDelaysMs ?? [1000, 4000, 15000];
  const log = options.log ?? logLine;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const book = createJobBook(folder, options.progressIntervalMs ?? 250, log);
  const { jobs, update } = book;
  const running = new Map<string, Running>();
  const failedAttempts = new Map<string, number>();
  const retryTimers = new Map<string, NodeJS.Timeout>();
  const restartedAfterMismatch = new Set<string>();
  const serially = createSerialQueue();
  let closed = false;
  const loaded = book.loaded;
  void loaded.then(pump);

  function clearRetry(id: string): void {
    clearTimeout(retryTimers.get(id));
    retryTimers.delete(id);
  }

  const deletePartial = (id: string) =>
    unlink(partialFileOf(folder, id)).catch((error: unknown) => {
      if (!isMissingFileError(error)) throw error;
    });

  function pump(): void {
    if (closed) return;
    for (const job of jobs.values()) {
      if (running.size >= parallelism) return;
      if (job.state === 'queued' && !running.has(job.id) && !retryTimers.has(job.id)) start(job);
    }
  }

  function start(job: JobRecord): void {
    const credentials = options.credentials();
    if (!credentials || !sameHub(credentials.hubUrl, job.hubUrl)) {
      update(job, { state: 'paused', error: SIGN_IN_AGAIN, waitingFor: 'sign-in' });
      return;
    }
    update(job, { state: 'downloading', error: undefined, waitingFor: undefined });
    const entry: Running = { controller: new AbortController(), settled: Promise.resolve() };
    running.set(job.id, entry);
    entry.settled = run(job, entry, credentials.accessToken)
      .catch((error: unknown) => {
        if (!entry.stoppedFor)
          update(job, {
            state: 'failed',
            error: `The download failed: ${(error as Error).message}`,
          });
      })
      .finally(() => {
        running.delete(job.id);
        pump();
      });
  }

  async function run(job: JobRecord, entry: Running, accessToken: string): Promise<void> {
    const outcome = await transferToPartial({
      url: hubFileUrl(job.hubUrl, job.path),
      accessToken,
      partialFile: partialFileOf(folder, job.id),
      size: job.size,
      sha256: job.sha256,
      signal: entry.controller.signal,
      fetch: fetchImpl,
      stallTimeoutMs: options.stallTimeoutMs ?? 30_000,
      onProgress: (receivedBytes) => book.progress(job, receivedBytes),
    });
    if (entry.stoppedFor) return;
    await settle(job, entry, outcome);
  }

  async function settle(job: JobRecord, entry: Running, outcome: TransferOutcome): Promise<void> {
    switch (outcome.kind) {
      case 'aborted':
        return;
      case 'unauthorized':
        return update(job, { state: 'paused', error: SIGN_IN_AGAIN, waitingFor: 'sign-in' });
      case 'refused':
        await deletePartial(job.id);
        return update(job, { state: 'failed', error: outcome.message, receivedBytes: 0 });
      case 'interrupted':
        return backOff(job, outcome.madeProgress, outcome.reason);
      case 'complete':
        break;
    }
    update(job, { state: 'verifying', receivedBytes: outcome.bytes });
    if (outcome.bytes !== job.size || outcome.sha256 !== job.sha256) {
      await deletePartial(job.id);
      // Bytes saved before a crash may be damaged; one fresh download settles it.
      if (outcome.resumedFrom > 0 && !restartedAfterMismatch.has(job.id)) {
        restartedAfterMismatch.add(job.id);
        log(`downloads: "${job.title}" did not verify after resuming; downloading it again`);
        return update(job, { state: 'queued', receivedBytes: 0 });
      }
      return update(job, { state: 'failed', error: CHECKSUM_MISMATCH, receivedBytes: 0 });
    }
    const { id: _id, state: _state, receivedBytes: _bytes, updatedAt: _at, ...details } = job;
    const { error: _error, libraryItemId: _item, waitingFor: _waiting, ...file } = details;
    if (entry.stoppedFor) return;
    // Past this point the file is in the library: a cancel arriving now finds the job done.
    // Saved under the hub's name and detected type, whatever the page called it.
    const item = await library.addFile(partialFileOf(folder, job.id), {
      ...file,
      fileName: outcome.hubFile.fileName,
      contentType: outcome.hubFile.contentType,
    });
    update(job, {
      state: 'done',
      libraryItemId: item.id,
      fileName: item.fileName,
      waitingFor: undefined,
    });
  }

  function backOff(job: JobRecord, madeProgress: boolean, reason: string): void {
    // A transfer that got further is not the same failure again: the count starts over.
    const attempts = (madeProgress ? 0 : (failedAttempts.get(job.id) ?? 0)) + 1;
    failedAttempts.set(job.id, attempts);
    const delay = retryDelays[attempts - 1];
    log(`downloads: "${job.title}" interrupted (${reason}), attempt ${attempts}`);
    if (delay === undefined) {
      failedAttempts.delete(job.id);
      return update(job, { state: 'failed', error: CONNECTION_LOST, waitingFor: 'connection' });
    }
    retryTimers.set(
      job.id,
      setTimeout(() => {
        retryTimers.delete(job.id);
        pump();
      }, delay),
    );
    update(job, { state: 'queued', waitingFor: 'connection' });
  }

  async function stop(id: string, reason: NonNullable<Running['stoppedFor']>): Promise<void> {
    clearRetry(id);
    const entry = running.get(id);
    if (!entry) return;
    entry.stoppedFor = reason;
    entry.controller.abort();
    await entry.settled;
  }

  return {
    async list() {
      await loaded;
      const visible: DownloadJob[] = [];
      for (const job of jobs.values()) {
        // A finished download whose file was removed from the library is history, not a job.
        if (job.state === 'done' && !(job.libraryItemId && (await library.has(job.libraryItemId))))
          continue;
        visible.push(publicJob(job));
      }
      return visible;
    },

    async enqueue(requests: DownloadRequest[]) {
      await loaded;
      if (!Array.isArray(requests)) throw new Error('enqueue takes a list of download requests.');
      const checked = requests.map(checkDownloadRequest);
      return serially(async () => {
        const result: DownloadJob[] = [];
        for (const request of checked) result.push(publicJob(await enqueueOne(request)));
        pump();
        return result;
      });
    },

    async pause(id) {
      await loaded;
      const job = book.find(id);
      if (!['queued', 'downloading', 'verifying', 'paused'].includes(job.state)) return;
      update(job, { state: 'paused', error: undefined, waitingFor: undefined });
      await stop(id, 'pause');
      // It may have finished (or been resumed) while stopping; otherwise show what was kept.
      if ((job.state as DownloadJob['state']) !== 'paused') return;
      job.receivedBytes = await partialSize(partialFileOf(folder, id));
      book.announce(job);
    },

    async resume(id) {
      await loaded;
      const job = book.find(id);
      if (job.state !== 'paused' && job.state !== 'failed') return;
      failedAttempts.delete(id);
      const receivedBytes = await partialSize(partialFileOf(folder, id));
      update(job, { state: 'queued', error: undefined, waitingFor: undefined, receivedBytes });
      pump();
    },

    async cancel(id) {
      await loaded;
      const job = book.find(id);
      if (job.state === 'done' || job.state === 'cancelled') return;
      update(job, { state: 'cancelled', error: undefined, waitingFor: undefined });
      await stop(id, 'cancel');
      if ((job.state as DownloadJob['state']) !== 'cancelled') return; // it finished while stopping
      await deletePartial(id);
      book.remove(id);
    },

    onChanged: book.onChanged,

    retryWaiting() {
      void loaded.then(() => {
        for (const job of jobs.values()) {
          const waitsForSignIn = job.state === 'paused' && job.waitingFor === 'sign-in';
          const lostConnection = job.waitingFor === 'connection' && job.state !== 'downloading';
          if (!waitsForSignIn && !lostConnection) continue;
          clearRetry(job.id);
          failedAttempts.delete(job.id);
          update(job, { state: 'queued', error: undefined, waitingFor: undefined });
        }
        pump();
      });
    },

    async close() {
      closed = true;
      for (const id of retryTimers.keys()) clearRetry(id);
      await Promise.all([...running.keys()].map((id) => stop(id, 'close')));
      await loaded;
      await book.flush();
      book.clearListeners();
    },
  };

  async function enqueueOne(request: DownloadRequest): Promise<JobRecord> {
    const existing = [...jobs.values()].find(
      (job) => job.state !== 'cancelled' && sameDownload(job, request),
    );
    if (existing) {
      const stillInLibrary =
        existing.state === 'done' &&
        existing.libraryItemId !== undefined &&
        (await library.has(existing.libraryItemId));
      if (existing.state === 'failed' || (existing.state === 'done' && !stillInLibrary)) {
        failedAttempts.delete(existing.id);
        update(existing, {
          state: 'queued',
          error: undefined,
          waitingFor: undefined,
          libraryItemId: undefined,
          receivedBytes: await partialSize(partialFileOf(folder, existing.id)),
        });
      }
      return existing;
    }
    const inLibrary = await library.find(request);
    const job: JobRecord = {
      ...request,
      id: randomUUID(),
      state: inLibrary ? 'done' : 'queued',
      receivedBytes: inLibrary ? request.size : 0,
      ...(inLibrary ? { libraryItemId: inLibrary.id } : {}),
      updatedAt: new Date().toISOString(),
    };
    book.add(job);
    return job;
  }
}

function sameHub(credentialsHubUrl: string, jobHubUrl: string): boolean {
  try {
    return hubOriginOf(credentialsHubUrl) === jobHubUrl;
  } catch {
    return false;
  }
}
