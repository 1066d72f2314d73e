import {
  ioError,
  nodeFileSystem,
  type FileHandle,
  type FileSystem,
  type OpenFlags,
} from '../../src-server/storage/file-system';

/** The calls a fault can be aimed at. */
export type FaultOp =
  | 'open'
  | 'write'
  | 'read'
  | 'sync'
  | 'datasync'
  | 'truncate'
  | 'close'
  | 'rename'
  | 'unlink'
  | 'readFile'
  | 'readdir'
  | 'mkdir';

interface CallFault {
  readonly op: FaultOp;
  readonly code: string;
  readonly path: ((path: string) => boolean) | undefined;
  /** Matching calls still to let through before failing. */
  skip: number;
  /** Matching calls still to fail; Infinity until cleared. */
  times: number;
}

/**
 * A FileSystem over the real one that misbehaves on request, so storage code
 * can be tested against a full disk, a failing fsync or short writes on any
 * machine. Bytes really land on disk until a fault says otherwise.
 *
 *   const faults = new FaultyFileSystem();
 *   faults.limitSpace(100);          // 100 more bytes fit, then ENOSPC (the write crossing it is short)
 *   faults.failNext('datasync');     // the next datasync fails with EIO
 *   faults.shortWrites(7);           // every write stores at most 7 bytes
 *   faults.reset();                  // a healthy disk again
 */
export class FaultyFileSystem implements FileSystem {
  private spaceLeft = Infinity;
  private maxWrite = Infinity;
  private faults: CallFault[] = [];
  /** How many times each operation was called (including failed calls). */
  readonly calls = new Map<FaultOp, number>();
  /** Every call in order, with the path it was for. */
  readonly history: { op: FaultOp; path: string }[] = [];

  constructor(private readonly inner: FileSystem = nodeFileSystem) {}

  /**
   * From now on only `bytes` more bytes fit, across all files. Growing a file
   * takes space; shrinking, emptying, replacing or deleting one gives it back.
   */
  limitSpace(bytes: number): this {
    this.spaceLeft = bytes;
    return this;
  }

  /** Space is free again (as after an operator deletes something). */
  freeSpace(): this {
    this.spaceLeft = Infinity;
    return this;
  }

  /** Every write stores at most `bytes` bytes and reports so, as the OS may. */
  shortWrites(bytes: number): this {
    this.maxWrite = bytes;
    return this;
  }

  /**
   * Fails calls of `op` with `code`. `after` matching calls pass first;
   * `times` calls fail (default 1; Infinity until `reset`). `path` narrows
   * the fault to files whose path contains it.
   */
  failNext(
    op: FaultOp,
    options: { code?: string; after?: number; times?: number; path?: string } = {},
  ): this {
    const { path } = options;
    this.faults.push({
      op,
      code: options.code ?? 'EIO',
      path: path === undefined ? undefined : (candidate) => candidate.includes(path),
      skip: options.after ?? 0,
      times: options.times ?? 1,
    });
    return this;
  }

  reset(): this {
    this.spaceLeft = Infinity;
    this.maxWrite = Infinity;
    this.faults = [];
    return this;
  }

  async open(path: string, flags: OpenFlags): Promise<FileHandle> {
    this.check('open', path);
    const emptied = flags === 'w' ? await this.sizeOf(path) : 0;
    const handle = await this.inner.open(path, flags);
    this.refund(emptied);
    return this.wrap(handle, path);
  }
  async readFile(path: string) {
    this.check('readFile', path);
    return this.inner.readFile(path);
  }
  async rename(from: string, to: string) {
    this.check('rename', to);
    const replaced = await this.sizeOf(to);
    await this.inner.rename(from, to);
    this.refund(replaced);
  }
  async unlink(path: string) {
    this.check('unlink', path);
    const size = await this.sizeOf(path);
    await this.inner.unlink(path);
    this.refund(size);
  }
  async readdir(path: string) {
    this.check('readdir', path);
    return this.inner.readdir(path);
  }
  async mkdir(path: string) {
    this.check('mkdir', path);
    return this.inner.mkdir(path);
  }
  async truncate(path: string, length: number) {
    this.check('truncate', path);
    const size = await this.sizeOf(path);
    await this.inner.truncate(path, length);
    this.refund(size - length);
  }
  stat(path: string) {
    return this.inner.stat(path);
  }
  async freeBytes(path: string) {
    return Math.min(this.spaceLeft, await this.inner.freeBytes(path));
  }

  private wrap(handle: FileHandle, path: string): FileHandle {
    return {
      write: async (buffer, offset, length, position) => {
        this.check('write', path);
        // Only growth takes space: overwriting bytes inside the file is free, as on a real disk.
        const { size } = await handle.stat();
        const from = position ?? size;
        const fitting = Math.max(0, size - from) + this.spaceLeft;
        const allowed = Math.min(length, this.maxWrite, fitting);
        if (length > 0 && allowed <= 0) throw ioError('ENOSPC', 'write', 'no space left on device');
        const result = await handle.write(buffer, offset, allowed, position);
        this.spaceLeft -= Math.max(0, from + result.bytesWritten - size);
        return result;
      },
      read: async (buffer, offset, length, position) => {
        this.check('read', path);
        return handle.read(buffer, offset, length, position);
      },
      sync: async () => {
        this.check('sync', path);
        return handle.sync();
      },
      datasync: async () => {
        this.check('datasync', path);
        return handle.datasync();
      },
      truncate: async (length) => {
        this.check('truncate', path);
        const { size } = await handle.stat();
        await handle.truncate(length);
        this.refund(size - length);
      },
      stat: () => handle.stat(),
      close: async () => {
        this.count('close');
        return handle.close();
      },
    };
  }

  private async sizeOf(path: string): Promise<number> {
    return this.inner.stat(path).then(
      (stat) => stat.size,
      () => 0,
    );
  }

  /** Space given back by a file that shrank or went away. */
  private refund(bytes: number): void {
    if (bytes > 0) this.spaceLeft += bytes;
  }

  private check(op: FaultOp, path: string): void {
    this.count(op);
    this.history.push({ op, path });
    const fault = this.faults.find(
      (candidate) => candidate.op === op && candidate.times > 0 && (candidate.path?.(path) ?? true),
    );
    if (!fault) return;
    if (fault.skip > 0) {
      fault.skip--;
      return;
    }
    fault.times--;
    throw ioError(fault.code, op, `injected fault on ${path}`);
  }

  private count(op: FaultOp): void {
    this.calls.set(op, (this.calls.get(op) ?? 0) + 1);
  }
}
