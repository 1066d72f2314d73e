import { createHash } from 'node:crypto';
import { pipeline, type Readable, Transform } from 'node:stream';
import { createGzip } from 'node:zlib';
import tar, { type Pack } from 'tar-stream';
import {
  ARCHIVE_COLLECTIONS,
  ARCHIVE_LOGS,
  type ArchiveEngine,
  type StorageSnapshot,
} from '../storage/archive-port';
import { HUB_VERSION } from '../version';
import { ArchiveError } from './archive-error';
import { blobsOf } from './blob-references';
import { canonicalJson } from './canonical-json';
import { ContentDigest } from './content-digest';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  dataFileName,
  HEADER_FILE,
  MANIFEST_FILE,
  PART_BYTES,
  type ArchiveHeader,
  type ContentSummary,
  type DataKind,
  type Manifest,
  type ManifestFile,
} from './format';
import { addTarEntry } from './tar-entries';

export interface ArchiveWriting {
  /** The .tar.gz bytes, made as they are read. */
  readonly stream: Readable;
  /** Resolves with the manifest once the last byte is handed over; rejects if the archive is incomplete. */
  readonly done: Promise<Manifest>;
}

/**
 * Streams a snapshot as an archive (format.ts). Memory stays flat in the
 * size of the hub: one part of NDJSON at a time, blobs streamed from disk.
 * The caller releases the snapshot once `done` settles.
 */
export function writeArchive(snapshot: StorageSnapshot, engine: ArchiveEngine): ArchiveWriting {
  const pack = tar.pack();
  const gzip = createGzip();
  const stream = pipeline(pack, gzip, () => undefined);
  const done = fill(pack, snapshot, engine).then(
    (manifest) => {
      pack.finalize();
      return manifest;
    },
    (error: unknown) => {
      pack.destroy(error as Error);
      throw error;
    },
  );
  return { stream, done };
}

async function fill(pack: Pack, snapshot: StorageSnapshot, engine: ArchiveEngine) {
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    hubVersion: HUB_VERSION,
    createdAt: new Date().toISOString(),
    sourceEngine: engine,
  };
  const text = Buffer.from(`${JSON.stringify(header, null, 2)}\n`);
  await addTarEntry(pack, HEADER_FILE, text.length, text);
  const files: ManifestFile[] = [];
  const blobIds = new Set<string>();
  const collections: Record<string, ContentSummary> = {};
  for (const name of ARCHIVE_COLLECTIONS) {
    const lines = mapLines(snapshot.records(name), (record) => {
      for (const id of blobsOf(name, record)) blobIds.add(id);
      return record;
    });
    collections[name] = await writeLines(pack, 'collection', name, lines, files);
  }
  const logs: Manifest['logs'] = {};
  for (const name of ARCHIVE_LOGS) {
    const entries = await writeLines(pack, 'entries', name, snapshot.entries(name), files);
    const heads = await writeLines(pack, 'heads', name, snapshot.heads(name), files);
    logs[name] = { entries, heads };
  }
  for (const id of [...blobIds].sort()) files.push(await writeBlob(pack, snapshot, id));
  const manifest: Manifest = { ...header, files, collections, logs };
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  await addTarEntry(pack, MANIFEST_FILE, bytes.length, bytes);
  return manifest;
}

async function* mapLines<T>(values: AsyncIterable<T>, see: (value: T) => T): AsyncIterable<T> {
  for await (const value of values) yield see(value);
}

/** Writes values as NDJSON parts of at most PART_BYTES; returns the count and digest of all of them. */
async function writeLines(
  pack: Pack,
  kind: DataKind,
  name: string,
  values: AsyncIterable<unknown>,
  files: ManifestFile[],
): Promise<ContentSummary> {
  const digest = new ContentDigest();
  let part: Buffer[] = [];
  let partBytes = 0;
  let partCount = 0;
  let parts = 0;
  const flush = async () => {
    if (partCount === 0) return;
    const body = Buffer.concat(part);
    const file = dataFileName(kind, name, ++parts);
    await addTarEntry(pack, file, body.length, body);
    files.push({
      name: file,
      count: partCount,
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    part = [];
    partBytes = 0;
    partCount = 0;
  };
  for await (const value of values) {
    const line = canonicalJson(value);
    digest.add(line);
    const bytes = Buffer.from(`${line}\n`);
    if (partBytes + bytes.length > PART_BYTES) await flush();
    part.push(bytes);
    partBytes += bytes.length;
    partCount += 1;
  }
  await flush();
  return digest.summary();
}

async function writeBlob(pack: Pack, snapshot: StorageSnapshot, id: string): Promise<ManifestFile> {
  const blob = await snapshot.blob(id);
  if (!blob)
    throw new ArchiveError(
      `The stored file ${id} that a record points at is missing from the blob folder. ` +
        'Run the backup again; if this repeats, the blob folder has lost that file.',
    );
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const name = `blobs/${id}`;
  const source = blob.open();
  source.once('error', (error) => meter.destroy(error));
  await addTarEntry(pack, name, blob.size, source.pipe(meter));
  const sha256 = hash.digest('hex');
  if (sha256 !== id || bytes !== blob.size)
    throw new ArchiveError(
      `The stored file ${id} in the blob folder is damaged (its content has sha256 ${sha256}). ` +
        'Restore it from an older backup or remove the record that points at it.',
    );
  return { name, count: 1, bytes, sha256 };
}
