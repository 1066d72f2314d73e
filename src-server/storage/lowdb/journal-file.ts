import { dirname } from 'node:path';
import { syncDirectory } from '../durable-file';
import { CorruptDataError } from '../errors';
import { writeFully, type FileHandle, type FileSystem } from '../file-system';

/** First line of every journal: what it is, which format, which collection, which generation. */
export interface JournalHeader {
  readonly format: typeof JOURNAL_FORMAT;
  readonly version: number;
  readonly collection: string;
  readonly generation: number;
}

export const JOURNAL_FORMAT = 'classhub-collection-journal';

/** What a journal holds after its header, one line per group commit. */
export interface JournalRead {
  /** undefined when not even the header was completed (a file created by a cut-off rotation). */
  readonly header: JournalHeader | undefined;
  readonly entries: { readonly line: number; readonly value: unknown }[];
  /** Bytes up to the end of the last complete line: where the next append goes. */
  readonly goodBytes: number;
  /** Bytes after that: a torn append that was never acknowledged. */
  readonly tornBytes: number;
}

/**
 * Reads a journal. A line counts only when it ends with "\n" and parses: an
 * append is acknowledged after its fsync, so the only unreadable part an
 * interrupted append can leave is the last line. An unreadable line with
 * good lines after it is corruption, never a torn append.
 */
export async function readJournal(fs: FileSystem, file: string): Promise<JournalRead> {
  const text = (await fs.readFile(file)).toString('utf8');
  const lines = text.split('\n');
  const entries: { line: number; value: unknown }[] = [];
  let header: JournalHeader | undefined;
  let goodBytes = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const value = parseLine(lines[i]!);
    if (value === undefined) {
      if (i === lines.length - 2) break;
      throw new CorruptDataError(file, `line ${i + 1} is not JSON, and later lines are`);
    }
    if (i === 0) header = checkHeader(value, file);
    else entries.push({ line: i + 1, value });
    goodBytes += Buffer.byteLength(lines[i]!) + 1;
  }
  return { header, entries, goodBytes, tornBytes: Buffer.byteLength(text) - goodBytes };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function checkHeader(value: unknown, file: string): JournalHeader {
  const header = value as Partial<JournalHeader> | null;
  if (
    header?.format !== JOURNAL_FORMAT ||
    typeof header.version !== 'number' ||
    typeof header.generation !== 'number'
  )
    throw new CorruptDataError(file, 'its first line is not a ClassHub journal header');
  return header as JournalHeader;
}

/**
 * The open journal of a collection: appends at a known offset, never in
 * append mode, so a failed or short write can be cut back to the last good
 * byte and memory and file never drift apart.
 */
export class JournalFile {
  /** A failed append whose bytes could not be cut yet; cut before the next append. */
  private torn = false;

  private constructor(
    readonly file: string,
    readonly generation: number,
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  /** A new journal holding only its header, durable (file and directory entry) before it is used. */
  static async create(fs: FileSystem, file: string, header: JournalHeader): Promise<JournalFile> {
    // "w": a file already there is the debris of a failed rotation, never a journal in use.
    const handle = await fs.open(file, 'w');
    const bytes = Buffer.from(`${JSON.stringify(header)}\n`);
    try {
      await writeFully(handle, bytes, 0);
      await handle.sync();
      await syncDirectory(dirname(file), fs);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    return new JournalFile(file, header.generation, handle, bytes.length);
  }

  /** Reopens a journal read by readJournal, cutting a torn tail off for good. */
  static async reopen(
    fs: FileSystem,
    file: string,
    generation: number,
    goodBytes: number,
  ): Promise<JournalFile> {
    const handle = await fs.open(file, 'r+');
    try {
      if ((await handle.stat()).size !== goodBytes) {
        await handle.truncate(goodBytes);
        await handle.sync();
      }
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    return new JournalFile(file, generation, handle, goodBytes);
  }

  get bytes(): number {
    return this.size;
  }

  /**
   * Appends one line and fsyncs it: resolves only when it is durable. On any
   * failure the file is cut back to where it was, so a later append never
   * lands after half a line.
   */
  async append(line: string): Promise<number> {
    if (this.torn) await this.cutBack();
    const bytes = Buffer.from(`${line}\n`);
    try {
      await writeFully(this.handle, bytes, this.size);
      await this.handle.datasync();
    } catch (error) {
      this.torn = true;
      await this.cutBack().catch(() => undefined);
      throw error;
    }
    this.size += bytes.length;
    return bytes.length;
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  private async cutBack(): Promise<void> {
    await this.handle.truncate(this.size);
    await this.handle.datasync();
    this.torn = false;
  }
}
