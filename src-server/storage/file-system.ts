import * as fs from 'node:fs/promises';

/**
 * The few file operations the storage code uses, behind one small port, so a
 * test can put a fault layer underneath (a full disk, a failing fsync, short
 * writes) and watch the storage code survive it. `nodeFileSystem` is the real
 * thing and the default everywhere.
 */
export interface FileHandle {
  /** May write fewer bytes than asked (a disk filling up): use `writeFully`. */
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesWritten: number }>;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
  sync(): Promise<void>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/**
 * `r` read; `r+` read and write an existing file; `w` create or empty;
 * `wx` create, failing if it exists; `a` append. The storage code writes at
 * explicit positions (`r+`, `wx`) so it always knows where its bytes are.
 */
export type OpenFlags = 'r' | 'r+' | 'w' | 'wx' | 'a';

export interface FileSystem {
  open(path: string, flags: OpenFlags): Promise<FileHandle>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string): Promise<void>;
  truncate(path: string, length: number): Promise<void>;
  stat(path: string): Promise<{ size: number }>;
  /** Bytes an unprivileged process may still write on the file system holding `path`. */
  freeBytes(path: string): Promise<number>;
}

export const nodeFileSystem: FileSystem = {
  open: (path, flags) => fs.open(path, flags),
  readFile: (path) => fs.readFile(path),
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  readdir: (path) => fs.readdir(path),
  async mkdir(path) {
    await fs.mkdir(path, { recursive: true });
  },
  truncate: (path, length) => fs.truncate(path, length),
  stat: (path) => fs.stat(path),
  async freeBytes(path) {
    const stats = await fs.statfs(path);
    return stats.bavail * stats.bsize;
  },
};

/**
 * Writes every byte or throws: a write may stop short when the disk fills,
 * and the caller's idea of where its data ends must never drift from the
 * file. With `position` null the handle's own position is used (append mode).
 */
export async function writeFully(
  handle: FileHandle,
  bytes: Uint8Array,
  position: number | null,
): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(
      bytes,
      done,
      bytes.length - done,
      position === null ? null : position + done,
    );
    if (bytesWritten <= 0) throw ioError('EIO', 'write', 'the file system accepted no bytes');
    done += bytesWritten;
  }
}

/** Reads exactly `length` bytes at `position`, or throws if the file is shorter. */
export async function readFully(
  handle: FileHandle,
  length: number,
  position: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw ioError('EIO', 'read', 'the file ended before the record did');
    done += bytesRead;
  }
  return buffer;
}

/** An error shaped like Node's own (`code`, `syscall`), so callers treat both alike. */
export function ioError(code: string, syscall: string, detail: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${detail}, ${syscall}`), { code, syscall });
}

/** True for the errors a full disk or quota produces. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
