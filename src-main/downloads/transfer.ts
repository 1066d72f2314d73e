import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, truncate } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { isMissingFileError } from '../offline/durable-json';
import { hubFileOf, type HubFile } from './hub-file';

export type TransferOutcome =
  /** Every byte is in the partial file (fsynced); `sha256` covers all of it; `hubFile` is the hub's name and type. */
  | { kind: 'complete'; sha256: string; bytes: number; resumedFrom: number; hubFile: HubFile }
  | { kind: 'unauthorized' }
  /** The hub said no for good (403, 404, another file behind the ETag): retrying will not help. */
  | { kind: 'refused'; message: string }
  /** Connection lost, stalled, or the hub busy: worth retrying from the partial file. */
  | { kind: 'interrupted'; reason: string; madeProgress: boolean }
  | { kind: 'aborted' };

export interface TransferInput {
  url: URL;
  accessToken: string;
  partialFile: string;
  size: number;
  sha256: string;
  signal: AbortSignal;
  fetch: typeof globalThis.fetch;
  /** A connection that sends nothing for this long counts as lost. */
  stallTimeoutMs: number;
  onProgress(receivedBytes: number): void;
}

export async function partialSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if (isMissingFileError(error)) return 0;
    throw error;
  }
}

/** Hashes what an earlier attempt saved, so the final check covers the whole file. */
async function hashExisting(file: string, bytes: number): Promise<Hash> {
  const hash = createHash('sha256');
  if (bytes === 0) return hash;
  for await (const chunk of createReadStream(file, { start: 0, end: bytes - 1 }))
    hash.update(chunk as Buffer);
  return hash;
}

/** The whole file's size as the answer states it; the expected size when it does not say. */
function totalSizeOf(response: Response): number | undefined {
  if (response.status === 206) {
    const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
    return total === undefined ? undefined : Number(total);
  }
  const length = response.headers.get('content-length');
  return length === null ? undefined : Number(length);
}

/** Frees the connection of an answer whose body is not wanted. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Why an answer other than 200/206 carries no file, and whether trying again may help. */
async function refusal(response: Response): Promise<TransferOutcome> {
  const status = response.status;
  if (status === 416)
    return { kind: 'interrupted', reason: 'range not satisfiable', madeProgress: true };
  if (status === 401 || status === 429 || status >= 500 || status < 400) await discard(response);
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 429 || status >= 500)
    return { kind: 'interrupted', reason: `the hub answered ${status}`, madeProgress: false };
  if (status < 400)
    return { kind: 'refused', message: `The hub answered ${status} instead of the file.` };
  return {
    kind: 'refused',
    message: await hubMessage(response, `The hub refused the download (${status}).`),
  };
}

async function hubMessage(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // Not the hub's JSON error shape: the fallback says enough.
  }
  return fallback;
}

/**
 * One HTTP attempt: continues `partialFile` with `Range` + `If-Range` (the
 * hub's ETag is `"<sha256>"`, so a changed file comes back whole as 200 and
 * the partial restarts instead of mixing two files), appends while hashing,
 * and fsyncs once every byte is in.
 */
export async function transferToPartial(input: TransferInput): Promise<TransferOutcome> {
  let received = await partialSize(input.partialFile);
  if (received > input.size) {
    await truncate(input.partialFile, 0);
    received = 0;
  }
  const resumedFrom = received;
  const hash = await hashExisting(input.partialFile, received);
  if (received === input.size && received > 0) return complete(input, hash, received, resumedFrom);
  return fetchIntoPartial(input, received, resumedFrom, hash);
}

async function fetchIntoPartial(
  input: TransferInput,
  startAt: number,
  resumedFrom: number,
  startHash: Hash,
): Promise<TransferOutcome> {
  let received = startAt;
  let hash = startHash;

  const stall = new AbortController();
  let stallTimer = setTimeout(() => stall.abort(), input.stallTimeoutMs);
  const restartStallTimer = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => stall.abort(), input.stallTimeoutMs);
  };
  const signal = AbortSignal.any([input.signal, stall.signal]);
  const headers: Record<string, string> = {
    authorization: `Bearer ${input.accessToken}`,
    'accept-encoding': 'identity',
  };
  if (received > 0) {
    headers.range = `bytes=${received}-`;
    headers['if-range'] = `"${input.sha256}"`;
  }
  const interrupted = (reason: string): TransferOutcome => {
    if (input.signal.aborted) return { kind: 'aborted' };
    return { kind: 'interrupted', reason, madeProgress: received > resumedFrom };
  };

  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    let response: Response;
    try {
      response = await input.fetch(input.url, { headers, signal, redirect: 'error' });
    } catch (error) {
      return interrupted(stall.signal.aborted ? 'the hub did not answer' : String(error));
    }
    if (response.status !== 200 && response.status !== 206) {
      const outcome = await refusal(response);
      // The partial does not fit the hub's file: start again from zero.
      if (response.status === 416) await truncate(input.partialFile, 0);
      return outcome.kind === 'interrupted' ? interrupted(outcome.reason) : outcome;
    }
    const hubFile = hubFileOf(response.headers);
    const etag = response.headers.get('etag');
    // A wrong total size could never verify, and would only loop through retries.
    if (
      (etag && etag !== `"${input.sha256}"`) ||
      (totalSizeOf(response) ?? input.size) !== input.size
    ) {
      await discard(response);
      return {
        kind: 'refused',
        message:
          'The hub’s copy of this file does not match its expected checksum (it may have ' +
          'changed). Reload the page and download it again.',
      };
    }
    if (response.status === 206) {
      const start = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1];
      if (Number(start) !== received) {
        await discard(response);
        await truncate(input.partialFile, 0);
        return { kind: 'interrupted', reason: 'unexpected range', madeProgress: true };
      }
    } else if (received > 0) {
      // 200 to a range request: the hub sends the whole file, so the partial starts over.
      received = 0;
      hash = createHash('sha256');
    }

    handle = await open(input.partialFile, received === 0 ? 'w' : 'a');
    restartStallTimer();
    if (response.body) {
      const body = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
      try {
        for await (const chunk of body) {
          const bytes = chunk as Uint8Array;
          restartStallTimer();
          hash.update(bytes);
          await handle.write(bytes);
          received += bytes.byteLength;
          input.onProgress(received);
          // More than the hub promised: stop here, the size check refuses it.
          if (received > input.size) break;
        }
      } catch (error) {
        return interrupted(stall.signal.aborted ? 'the connection stalled' : String(error));
      } finally {
        body.destroy();
      }
    }
    if (input.signal.aborted) return { kind: 'aborted' };
    if (received < input.size) return interrupted('the connection closed early');
    await handle.sync();
    return { kind: 'complete', sha256: hash.digest('hex'), bytes: received, resumedFrom, hubFile };
  } finally {
    clearTimeout(stallTimer);
    await handle?.close();
  }
}

/**
 * Every byte was already saved (a crash after the last write): the bytes are
 * fsynced, and a HEAD asks the hub what the file is, as a GET would have said.
 */
async function complete(
  input: TransferInput,
  hash: Hash,
  bytes: number,
  resumedFrom: number,
): Promise<TransferOutcome> {
  const handle = await open(input.partialFile, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  let response: Response;
  try {
    response = await input.fetch(input.url, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${input.accessToken}` },
      signal: input.signal,
      redirect: 'error',
    });
  } catch (error) {
    if (input.signal.aborted) return { kind: 'aborted' };
    return { kind: 'interrupted', reason: String(error), madeProgress: false };
  }
  if (response.status !== 200) return refusal(response);
  return {
    kind: 'complete',
    sha256: hash.digest('hex'),
    bytes,
    resumedFrom,
    hubFile: hubFileOf(response.headers),
  };
}
