import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '../logger';
import type { ArchivableStorage, ArchiveTarget } from '../storage/archive-port';
import { DataFolderInUseError, lockDataFolder } from '../storage/data-folder-lock';
import {
  openLowdbArchiveTarget,
  RestoreInProgressError,
  TargetNotEmptyError,
} from '../storage/lowdb/archive-target';
import { openStorage } from '../storage/open-storage';
import { openPostgresArchiveTarget } from '../storage/postgres/archive-target';
import { DatabaseSchemaError } from '../storage/postgres/migrate';
import { openPostgresArchiveSource } from '../storage/postgres/archive';
import { DatabaseUnreachableError } from '../storage/postgres/open-postgres-storage';
import type { Storage } from '../storage/repositories';
import { ArchiveError } from './archive-error';

/** Where a hub's data is: a lowdb data folder or a PostgreSQL database. */
export type Place =
  | { readonly kind: 'folder'; readonly dir: string }
  | { readonly kind: 'database'; readonly url: string };

export function placeOf(spec: string): Place {
  return /^postgres(ql)?:\/\//.test(spec)
    ? { kind: 'database', url: spec }
    : { kind: 'folder', dir: resolve(spec) };
}

export function describePlace(place: Place): string {
  return place.kind === 'folder' ? place.dir : place.url.replace(/\/\/[^@/]*@/, '//…@');
}

/** An opened source: what a backup reads and records into, or the address of the hub that holds it. */
export type OpenedSource =
  | {
      readonly kind: 'storage';
      readonly archive: ArchivableStorage;
      readonly audit: Storage['audit'];
      close(): Promise<void>;
    }
  | { readonly kind: 'running'; readonly url: string; readonly dir: string };

/** Where a PostgreSQL hub keeps its uploaded files (--blobs; as the hub, default <data>/blobs). */
export interface EngineOptions {
  readonly blobsDir: string;
}

export async function openSource(
  place: Place,
  logger: Logger,
  options: EngineOptions,
): Promise<OpenedSource> {
  // A PostgreSQL hub is read directly even while it runs: a snapshot is one read-only transaction.
  if (place.kind === 'database') {
    const source = await openPostgresArchiveSource(place.url, { ...options, logger }).catch(
      (error: unknown) => {
        throw new ArchiveError(error instanceof Error ? error.message : String(error));
      },
    );
    return { kind: 'storage', ...source };
  }
  await assertDataFolder(place.dir);
  let lock;
  try {
    lock = await lockDataFolder(place.dir, logger);
  } catch (error) {
    if (error instanceof DataFolderInUseError && error.owner.url)
      return { kind: 'running', url: error.owner.url, dir: place.dir };
    throw error;
  }
  try {
    const storage = await openStorage(place.dir, logger);
    return {
      kind: 'storage',
      archive: storage.archive,
      audit: storage.audit,
      async close() {
        await storage.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

export async function openTarget(
  place: Place,
  logger: Logger,
  options: EngineOptions,
): Promise<ArchiveTarget> {
  try {
    if (place.kind === 'database')
      return await openPostgresArchiveTarget(place.url, { blobsDir: options.blobsDir, logger });
    return await openLowdbArchiveTarget(place.dir, logger);
  } catch (error) {
    if (error instanceof DatabaseUnreachableError || error instanceof DatabaseSchemaError)
      throw new ArchiveError(error.message);
    if (error instanceof TargetNotEmptyError || error instanceof RestoreInProgressError)
      throw new ArchiveError(error.message);
    throw error;
  }
}

/** A folder with a hub's files in it, so a typo is not backed up as an empty hub. */
async function assertDataFolder(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => undefined);
  if (!names)
    throw new ArchiveError(
      `${dir} does not exist: give the hub's data folder with --data (or --from).`,
    );
  if (!names.includes('db') || !(await stat(`${dir}/db`)).isDirectory())
    throw new ArchiveError(
      `${dir} is not a ClassHub data folder (it has no db folder): give the hub's data folder with --data.`,
    );
}
