import { createHash } from 'node:crypto';
import { pipeline, type Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import type { ArchiveCollection, ArchiveLog, ArchiveTarget } from '../storage/archive-port';
import type { StoredRecord } from '../storage/lowdb/collection';
import { ArchiveError } from './archive-error';
import { parseLines } from './archive-lines';
import { blobsOf } from './blob-references';
import { canonicalJson } from './canonical-json';
import { ContentDigest } from './content-digest';
import {
  ARCHIVE_VERSION,
  archiveHeaderSchema,
  HEADER_FILE,
  MAX_PART_BYTES,
  parseFileName,
  type ArchiveHeader,
  type DataKind,
  type Manifest,
  type ManifestFile,
} from './format';
import { readEntry, TarReader, type TarEntry } from './tar-reader';
import { checkManifest } from './check-manifest';

/** What reading found, compared with the manifest at the end (check-manifest.ts). */
export interface Found {
  readonly files: Map<string, ManifestFile>;
  readonly digests: Map<string, ContentDigest>;
  readonly blobsReferenced: Set<string>;
  readonly blobsStored: Set<string>;
}

/**
 * Reads an archive into an empty target, checking everything: the header
 * first (a foreign or newer archive is refused before anything is loaded),
 * then each file's count, size and sha256 and each collection's digest
 * against the manifest at the end. The target is committed by the caller
 * only when this resolves; on any refusal it throws an ArchiveError naming
 * the file and what was expected against what was found.
 */
export async function readArchive(input: Readable, target: ArchiveTarget): Promise<Manifest> {
  const extract = tar.extract();
  let gzipError: Error | undefined;
  pipeline(input, createGunzip(), extract, (error) => {
    if (error) gzipError = error;
  });
  const reader = new TarReader(extract);
  const progress = { lastFile: undefined as string | undefined };
  try {
    return await readAll(reader, target, progress);
  } catch (error) {
    await reader.stop();
    throw explain(gzipError ?? error, progress.lastFile);
  }
}

async function readAll(
  reader: TarReader,
  target: ArchiveTarget,
  progress: { lastFile: string | undefined },
): Promise<Manifest> {
  const header = await readHeader(reader);
  progress.lastFile = HEADER_FILE;
  const found: Found = {
    files: new Map(),
    digests: new Map(),
    blobsReferenced: new Set(),
    blobsStored: new Set(),
  };
  const onFile = (file: ManifestFile) => {
    found.files.set(file.name, file);
    progress.lastFile = file.name;
  };
  for (;;) {
    const entry = await reader.peek();
    if (!entry)
      throw new ArchiveError(
        `The archive ends before its manifest.json: it is truncated (the last whole file in it is ${progress.lastFile}).`,
      );
    const name = entry.header.name;
    const kind = parseFileName(name);
    if (kind.kind === 'manifest') {
      const manifest = await readManifestEntry(reader);
      if (await reader.peek())
        throw new ArchiveError(
          'The archive goes on after its manifest.json: it was not written by ClassHub.',
        );
      return checkManifest(header, manifest, found);
    }
    if (kind.kind === 'unknown')
      throw new ArchiveError(
        `The archive holds ${name}, which is not a file of a ClassHub archive (version ${ARCHIVE_VERSION}).`,
      );
    if (kind.kind === 'blob') {
      await storeBlob(reader, target, kind.id, found, onFile);
      continue;
    }
    const key = `${kind.kind}:${kind.name}`;
    if (found.digests.has(key))
      throw new ArchiveError(
        `The archive holds the parts of ${name.replace(/\.\d{4}\.ndjson$/, '')} twice.`,
      );
    const digest = new ContentDigest();
    found.digests.set(key, digest);
    const lines = runOfLines(reader, kind.kind, key, digest, found, onFile);
    if (kind.kind === 'collection')
      await target.loadRecords(
        kind.name,
        collectBlobs(kind.name, lines as AsyncIterable<StoredRecord>, found),
      );
    else if (kind.kind === 'entries')
      await target.loadEntries(kind.name as ArchiveLog, lines as never);
    else await target.loadHeads(kind.name as ArchiveLog, lines as never);
    // A target that stopped early must not leave parts unread for the next run.
    for await (const _ of lines) void _;
  }
}

async function readHeader(reader: TarReader): Promise<ArchiveHeader> {
  const first = await reader.take();
  if (!first || first.header.name !== HEADER_FILE) {
    if (first) first.resume();
    throw new ArchiveError(
      `This is not a ClassHub archive: it should begin with ${HEADER_FILE}${first ? `, not ${first.header.name}` : ''}.`,
    );
  }
  const value = parseJsonEntry(await readLimited(first, 1024 * 1024), HEADER_FILE);
  const header = archiveHeaderSchema.safeParse(value);
  if (!header.success)
    throw new ArchiveError(
      `This is not a ClassHub archive: its ${HEADER_FILE} does not say it is one.`,
    );
  if (header.data.version > ARCHIVE_VERSION)
    throw new ArchiveError(
      `This archive was made by a newer ClassHub (${header.data.hubVersion}, archive format ${header.data.version}); this hub reads format ${ARCHIVE_VERSION}. Update ClassHub, then restore it.`,
    );
  return header.data;
}

async function readManifestEntry(reader: TarReader): Promise<unknown> {
  const entry = (await reader.take())!;
  return parseJsonEntry(await readLimited(entry, MAX_PART_BYTES), 'manifest.json');
}

function parseJsonEntry(bytes: Buffer, file: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ArchiveError(`${file} in the archive is not JSON: the archive is damaged.`);
  }
}

async function readLimited(entry: TarEntry, limit: number): Promise<Buffer> {
  if ((entry.header.size ?? 0) > limit) {
    entry.resume();
    throw new ArchiveError(
      `${entry.header.name} in the archive is ${entry.header.size} bytes, more than ClassHub ever writes (${limit}).`,
    );
  }
  return readEntry(entry);
}

/** The lines of consecutive parts of one collection or log, each part recorded as found. */
async function* runOfLines(
  reader: TarReader,
  kind: DataKind,
  key: string,
  digest: ContentDigest,
  found: Found,
  onFile: (file: ManifestFile) => void,
): AsyncGenerator<unknown> {
  for (;;) {
    const entry = await reader.peek();
    if (!entry) return;
    const parsed = parseFileName(entry.header.name);
    if (parsed.kind !== kind || `${parsed.kind}:${parsed.name}` !== key) return;
    await reader.take();
    const body = await readLimited(entry, MAX_PART_BYTES);
    const values = parseLines(kind, entry.header.name, body);
    onFile({
      name: entry.header.name,
      count: values.length,
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    for (const value of values) {
      digest.add(canonicalJson(value));
      yield value;
    }
  }
}

async function* collectBlobs(
  collection: ArchiveCollection,
  records: AsyncIterable<StoredRecord>,
  found: Found,
): AsyncIterable<StoredRecord> {
  for await (const record of records) {
    for (const id of blobsOf(collection, record)) found.blobsReferenced.add(id);
    yield record;
  }
}

/** Streams a blob to the target through a check that fails the stream at its end if the bytes are not the blob. */
async function storeBlob(
  reader: TarReader,
  target: ArchiveTarget,
  id: string,
  found: Found,
  onFile: (file: ManifestFile) => void,
): Promise<void> {
  const entry = (await reader.take())!;
  const hash = createHash('sha256');
  let bytes = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      const sha256 = hash.digest('hex');
      if (sha256 !== id)
        return callback(
          new ArchiveError(
            `blobs/${id} in the archive is damaged: its content has sha256 ${sha256}.`,
          ),
        );
      onFile({ name: entry.header.name, count: 1, bytes, sha256 });
      found.blobsStored.add(id);
      callback();
    },
  });
  entry.once('error', (error: Error) => check.destroy(error));
  await target.storeBlob(id, entry.pipe(check));
}

/** Turns a gzip or tar failure into what an operator can act on. */
function explain(error: unknown, lastFile: string | undefined): Error {
  if (error instanceof ArchiveError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  // zlib says this of the first bytes only: the file does not start as gzip does.
  if (/incorrect header check/.test(message))
    return new ArchiveError('This is not a ClassHub archive: it is not a gzip-compressed file.');
  const after = lastFile ? ` (the last whole file in it is ${lastFile})` : '';
  if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(message))
    return new ArchiveError(`The archive ends early: it is truncated${after}.`);
  if (code?.startsWith('Z_') || /tar|header|checksum/i.test(message))
    return new ArchiveError(`The archive is damaged${after}: ${message}.`);
  return error instanceof Error ? error : new Error(message);
}
