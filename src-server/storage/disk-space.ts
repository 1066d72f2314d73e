import { join } from 'node:path';
import type { Logger } from '../logger';
import { writeFileDurably } from './durable-file';
import { StorageFullError } from './errors';
import { isDiskFull, nodeFileSystem, type FileSystem } from './file-system';

export interface DiskSpaceOptions {
  /** Size of the reserved-space file; enough for many sign-ins (default 8 MB). */
  readonly reserveBytes?: number;
  readonly fileSystem?: FileSystem;
  /** How often free space is looked at, to notice a disk filled by something else (default 5 s). */
  readonly checkEveryMs?: number;
}

export const RESERVE_FILE = 'reserved-space';

/**
 * Keeps a hub usable when its disk fills up. The data folder holds a file of
 * zeros (`reserved-space`). When the disk is full — a write met ENOSPC, or
 * free space fell below a quarter of the reserve — the hub deletes that file
 * and refuses the bulk writes (chat, notifications) until space is back, so
 * the freed bytes go to what people need to keep working: signing in, small
 * record changes. Once free space is twice the reserve again the file is
 * written back and everything is accepted. See docs/decisions.md.
 */
export class DiskSpace {
  private full = false;
  private recovering: Promise<void> | undefined;
  /** The first reserve being written after start. */
  private background: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly fs: FileSystem,
    private readonly reserveBytes: number,
    checkEveryMs: number,
  ) {
    this.timer = setInterval(() => {
      this.check().catch((error: unknown) =>
        logger.error({ err: error }, 'could not check the free space of the data folder'),
      );
    }, checkEveryMs);
    this.timer.unref();
  }

  static async open(
    dataDir: string,
    logger: Logger,
    options: DiskSpaceOptions = {},
  ): Promise<DiskSpace> {
    const space = new DiskSpace(
      dataDir,
      logger,
      options.fileSystem ?? nodeFileSystem,
      options.reserveBytes ?? 8 * 1024 * 1024,
      options.checkEveryMs ?? 5000,
    );
    await space.start();
    return space;
  }

  get isFull(): boolean {
    return this.full;
  }

  /** For bulk writers: throws StorageFullError while the disk is full and space has not come back. */
  async assertRoom(): Promise<void> {
    if (!this.full) return;
    await this.recover();
    if (this.full) throw new StorageFullError();
  }

  /**
   * Any storage write that failed calls this; a full disk switches the hub to
   * its disk-full mode. Resolves once the reserve is released (never rejects).
   */
  async noteWriteFailure(error: unknown): Promise<void> {
    if (isDiskFull(error)) await this.enterFull('a write met a full disk');
  }

  /** Resolves once the reserve written after start is on disk (or failed, which is logged). */
  whenReserved(): Promise<void> {
    return this.background;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.background;
  }

  private get reservePath(): string {
    return join(this.dataDir, RESERVE_FILE);
  }

  private async start(): Promise<void> {
    const size = await this.fs.stat(this.reservePath).then(
      (stat) => stat.size,
      () => 0,
    );
    if (size >= this.reserveBytes) {
      if ((await this.freeBytes()) < this.reserveBytes / 4)
        await this.enterFull('the disk is full at start');
      return;
    }
    if ((await this.freeBytes()) >= 2 * this.reserveBytes) {
      // A new data folder: there is room, so the reserve is written without holding up the start.
      this.background = this.writeReserve().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'could not write the reserved-space file'),
      );
      return;
    }
    this.full = true;
    this.logger.warn(
      { dataDir: this.dataDir },
      'the disk holding the data folder is full: the hub starts, but chat and notifications are refused until space is freed',
    );
  }

  private async check(): Promise<void> {
    if (this.full) return this.recover();
    if ((await this.freeBytes()) < this.reserveBytes / 4)
      await this.enterFull('free space fell below the low-water mark');
  }

  private async enterFull(reason: string): Promise<void> {
    if (this.full) return;
    this.full = true;
    await this.background; // a reserve still being written must not land after its release
    const released = await this.fs.unlink(this.reservePath).then(
      () => true,
      () => false,
    );
    this.logger.warn(
      { dataDir: this.dataDir, reason, releasedBytes: released ? this.reserveBytes : 0 },
      'the disk holding the data folder is full: chat and notifications are refused until space is freed; reserved space released so sign-ins keep working',
    );
  }

  /** One attempt at a time: enough free space → write the reserve back → accept writes again. */
  private recover(): Promise<void> {
    this.recovering ??= this.tryRecover().finally(() => {
      this.recovering = undefined;
    });
    return this.recovering;
  }

  private async tryRecover(): Promise<void> {
    if ((await this.freeBytes()) < 2 * this.reserveBytes) return;
    try {
      await this.writeReserve();
    } catch (error) {
      if (isDiskFull(error)) return;
      throw error;
    }
    this.full = false;
    this.logger.info(
      { dataDir: this.dataDir },
      'the disk has free space again: all writes accepted',
    );
  }

  private writeReserve(): Promise<void> {
    return writeFileDurably(this.reservePath, Buffer.alloc(this.reserveBytes), this.fs);
  }

  private freeBytes(): Promise<number> {
    return this.fs.freeBytes(this.dataDir).catch(() => Number.POSITIVE_INFINITY);
  }
}
