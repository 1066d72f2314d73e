import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { recordBackup } from '../domains/backups/backup-service';
import { BACKUP_KEY_HEADER, LOCAL_BACKUP_PATH } from '../http/local-backup';
import { createLogger, type Logger } from '../logger';
import type { ArchiveTarget } from '../storage/archive-port';
import { readBackupKey } from '../storage/backup-key';
import { ArchiveError } from './archive-error';
import { assertNewFile, writeBackupFile } from './backup-file';
import {
  describePlace,
  openSource,
  openTarget,
  placeOf,
  type EngineOptions,
  type Place,
} from './engines';
import type { Manifest } from './format';
import { readArchive } from './read-archive';
import { manifestSummaries, mismatches, summarize, summaryTable } from './summarize';
import { verifyArchiveFile } from './verify-file';
import { writeArchive } from './write-archive';

export const ARCHIVE_COMMANDS = ['backup', 'restore', 'migrate'] as const;
export type ArchiveCommand = (typeof ARCHIVE_COMMANDS)[number];

export const ARCHIVE_HELP = `Archives (docs/decisions.md, Hub archives):
  backup  --out FILE [--data DIR | --database URL]   write one consistent .tar.gz of the hub (running or stopped)
  restore --in FILE  [--data DIR | --database URL]   restore an archive into a new, empty folder or database
  migrate --from DIR|URL --to DIR|URL                  move a stopped hub between engines, checked at the end
  --blobs DIR   a PostgreSQL hub's uploaded files (default: blobs inside --data, as the hub)`;

type Say = (line: string) => void;

/** `npm run hub -- backup|restore|migrate …`: resolves when done, throws an ArchiveError to refuse. */
export async function runArchiveCommand(
  command: ArchiveCommand,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  say: Say = console.log,
): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string' },
      in: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      blobs: { type: 'string' },
      'log-level': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const logger = createLogger(
    (values['log-level'] ?? env.CLASSHUB_LOG_LEVEL ?? 'warn') as Parameters<typeof createLogger>[0],
  );
  const place = () => {
    if (values.data && values.database)
      throw new ArchiveError('Give either --data DIR or --database URL, not both.');
    const database = values.database ?? (values.data ? undefined : env.CLASSHUB_DATABASE_URL);
    return placeOf(database || values.data || env.CLASSHUB_DATA || './hub-data');
  };
  const engine = {
    blobsDir: resolve(
      values.blobs ??
        env.CLASSHUB_BLOBS ??
        join(values.data ?? env.CLASSHUB_DATA ?? './hub-data', 'blobs'),
    ),
  };
  if (command === 'backup') {
    if (!values.out) throw new ArchiveError('Say where to write the backup: backup --out FILE.');
    await backup(place(), resolve(values.out), engine, logger, say);
  } else if (command === 'restore') {
    if (!values.in) throw new ArchiveError('Say which backup to restore: restore --in FILE.');
    await restore(resolve(values.in), place(), engine, logger, say);
  } else {
    if (!values.from || !values.to)
      throw new ArchiveError('Say what to move where: migrate --from DIR|URL --to DIR|URL.');
    await migrate(placeOf(values.from), placeOf(values.to), engine, logger, say);
  }
}

async function backup(
  source: Place,
  out: string,
  engine: EngineOptions,
  logger: Logger,
  say: Say,
): Promise<void> {
  await assertNewFile(out);
  const opened = await openSource(source, logger, engine);
  if (opened.kind === 'running') {
    say(`The hub at ${opened.url} holds ${opened.dir}; asking it for the backup…`);
    await writeBackupFile(await downloadFromHub(opened.url, opened.dir), out);
  } else {
    try {
      const snapshot = await opened.archive.snapshot();
      try {
        const writing = writeArchive(snapshot, opened.archive.engine);
        await writeBackupFile(writing.stream, out, writing.done);
      } finally {
        await snapshot.release();
      }
      await recordBackup(opened.audit, undefined, 'cli');
    } finally {
      await opened.close();
    }
  }
  const manifest = await verifyArchiveFile(out);
  const { size } = await stat(out);
  say(
    `Backup of ${describePlace(source)} written to ${out} (${megabytes(size)}), read back and checked:`,
  );
  for (const line of describe(manifest)) say(line);
}

/** The running hub makes the archive; the key in its data folder shows the CLI may ask (http/local-backup.ts). */
async function downloadFromHub(url: string, dir: string): Promise<Readable> {
  const key = await readBackupKey(dir);
  if (!key)
    throw new ArchiveError(
      `The hub at ${url} holds ${dir} but left no backup key there (an older ClassHub?): download a backup from its admin panel instead.`,
    );
  const response = await fetch(`${url}${LOCAL_BACKUP_PATH}`, {
    headers: { [BACKUP_KEY_HEADER]: key },
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => undefined)) as
      { error?: { message?: string } } | undefined;
    throw new ArchiveError(
      `The hub at ${url} refused the backup (${response.status}): ${body?.error?.message ?? response.statusText}`,
    );
  }
  return Readable.fromWeb(response.body as never);
}

async function restore(
  file: string,
  place: Place,
  engine: EngineOptions,
  logger: Logger,
  say: Say,
): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile())
    throw new ArchiveError(`${file} is not a file: give the backup to restore with --in FILE.`);
  const target = await openTarget(place, logger, engine);
  const manifest = await load(target, () => readArchive(createReadStream(file), target));
  say(
    `Restored ${file} into ${describePlace(place)} (made ${manifest.createdAt} by ClassHub ${manifest.hubVersion} on ${manifest.sourceEngine}); every count and sha256 checked:`,
  );
  for (const line of describe(manifest)) say(line);
}

/** Fills the target and commits it, or throws it away whole. */
async function load(target: ArchiveTarget, fill: () => Promise<Manifest>): Promise<Manifest> {
  try {
    const manifest = await fill();
    await target.commit();
    return manifest;
  } catch (error) {
    await target.abort();
    throw error;
  }
}

async function migrate(
  from: Place,
  to: Place,
  engine: EngineOptions,
  logger: Logger,
  say: Say,
): Promise<void> {
  const opened = await openSource(from, logger, engine);
  if (opened.kind === 'running')
    throw new ArchiveError(
      `${opened.dir} is in use by the hub at ${opened.url}: stop it first, so that no change made during the move is left behind.`,
    );
  let manifest: Manifest;
  try {
    const target = await openTarget(to, logger, engine);
    const snapshot = await opened.archive.snapshot();
    try {
      manifest = await load(target, async () => {
        const writing = writeArchive(snapshot, opened.archive.engine);
        const [read] = await Promise.all([readArchive(writing.stream, target), writing.done]);
        return read;
      });
    } finally {
      await snapshot.release();
    }
  } finally {
    await opened.close();
  }
  const check = await openSource(to, logger, engine);
  if (check.kind === 'running')
    throw new ArchiveError(`${describePlace(to)} was opened by a hub during the move.`);
  try {
    const snapshot = await check.archive.snapshot();
    const found = await summarize(snapshot).finally(() => snapshot.release());
    const expected = manifestSummaries(manifest);
    say(
      `Moved ${describePlace(from)} to ${describePlace(to)}; counts and digests, source against target:`,
    );
    for (const line of summaryTable(expected, found)) say(line);
    const wrong = mismatches(expected, found);
    if (wrong.length > 0)
      throw new ArchiveError(`The target does not match the source in: ${wrong.join(', ')}.`);
    say(
      `${manifest.files.filter((f) => f.name.startsWith('blobs/')).length} stored files copied, each checked by its sha256.`,
    );
  } finally {
    await check.close();
  }
}

function describe(manifest: Manifest): string[] {
  const blobs = manifest.files.filter((file) => file.name.startsWith('blobs/'));
  const blobBytes = blobs.reduce((sum, file) => sum + file.bytes, 0);
  return [
    ...summaryTable(manifestSummaries(manifest)),
    `  ${blobs.length} stored files (${megabytes(blobBytes)})`,
  ];
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
