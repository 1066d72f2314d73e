import { randomUUID } from 'node:crypto';
import { open, readFile, rename, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { isProcessAlive, processIdentity } from './process-identity';

/** Written into `hub.lock`: who holds the data folder, and where a teacher reaches that hub. */
export interface OwnerRecord {
  readonly format: 1;
  /** Unique per lock taken, so a hub can tell its own record from a successor's. */
  readonly nonce: string;
  readonly pid: number;
  /** pid + start time (+ boot id on Linux): see process-identity.ts. Absent when the OS would not say. */
  readonly identity?: string;
  readonly hostname: string;
  readonly startedAt: string;
  /** Set once the hub listens: the address this computer opens it at. */
  readonly url?: string;
  readonly lanUrls?: readonly string[];
}

/** What `hub.lock` held: today's record, a bare pid from an older version, or something unreadable. */
export type FoundOwner =
  | { readonly kind: 'record'; readonly record: OwnerRecord; readonly heartbeatAt: number }
  | { readonly kind: 'legacy'; readonly pid: number; readonly heartbeatAt: number }
  | { readonly kind: 'unreadable'; readonly heartbeatAt: number };

export type Verdict = { readonly alive: true } | { readonly alive: false; readonly reason: string };

/**
 * A live hub refreshes the file's modification time this often; the
 * heartbeat decides only when the owner's process cannot be checked (another
 * computer sharing the folder, or an OS that would not give a start time).
 */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 30_000;

export async function ownRecord(): Promise<OwnerRecord> {
  const found = await processIdentity(process.pid);
  const identity = found === 'gone' ? undefined : found;
  return {
    format: 1,
    nonce: randomUUID(),
    pid: process.pid,
    ...(identity ? { identity } : {}),
    hostname: hostname(),
    startedAt: new Date().toISOString(),
  };
}

export async function readOwner(file: string): Promise<FoundOwner | undefined> {
  let text: string;
  let heartbeatAt: number;
  try {
    [text, heartbeatAt] = await Promise.all([
      readFile(file, 'utf8'),
      stat(file).then((s) => s.mtimeMs),
    ]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (/^\s*\d+\s*$/.test(text)) return { kind: 'legacy', pid: Number(text), heartbeatAt };
  try {
    const record = JSON.parse(text) as OwnerRecord;
    if (record.format === 1 && Number.isInteger(record.pid) && typeof record.nonce === 'string')
      return { kind: 'record', record, heartbeatAt };
  } catch {
    // falls through: unreadable
  }
  return { kind: 'unreadable', heartbeatAt };
}

/** Written whole or not at all: a reader sees the old record or the new one, never half. */
export async function writeOwner(file: string, record: OwnerRecord): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(JSON.stringify(record, null, 2) + '\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

/** Whether the hub named in `hub.lock` still runs, decided by process identity wherever possible. */
export async function judgeOwner(found: FoundOwner, now = Date.now()): Promise<Verdict> {
  const beating = now - found.heartbeatAt < STALE_AFTER_MS;
  if (found.kind === 'unreadable')
    return { alive: false, reason: 'the lock file could not be read (it names no hub)' };
  if (found.kind === 'legacy') {
    // Older versions wrote only a pid, which cannot tell a hub from a program that got its number.
    return isProcessAlive(found.pid)
      ? {
          alive: false,
          reason: `the lock was written by an older ClassHub version; process ${found.pid} cannot be identified as a hub`,
        }
      : { alive: false, reason: `its process ${found.pid} has ended` };
  }
  const { record } = found;
  if (record.hostname !== hostname())
    return beating
      ? { alive: true }
      : { alive: false, reason: `the hub on ${record.hostname} stopped refreshing its lock` };
  if (!isProcessAlive(record.pid))
    return { alive: false, reason: `its process ${record.pid} has ended` };
  const current = record.identity ? await processIdentity(record.pid) : undefined;
  if (current === 'gone') return { alive: false, reason: `its process ${record.pid} has ended` };
  if (record.identity && current)
    return current === record.identity
      ? { alive: true }
      : {
          alive: false,
          reason: `process ${record.pid} is now another program (the computer restarted or the hub was killed)`,
        };
  return beating
    ? { alive: true }
    : { alive: false, reason: `process ${record.pid} stopped refreshing its lock` };
}
