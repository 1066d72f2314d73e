import type { Logger } from '../../logger';
import { readFully, type FileSystem } from '../file-system';
import { parseLine } from './segment-format';
import { SegmentIndex } from './segment-index';

export interface RecoveredSegment {
  readonly index: SegmentIndex;
  /** False for a version 1 segment (no header line) or an empty file. */
  readonly hasHeader: boolean;
}

const NEWLINE = 0x0a;

/**
 * Reads every line of one segment to build its index: the open segment at
 * each start, and a sealed one whose saved index is missing or damaged. A
 * process killed mid-append can leave a partial last line: it was never
 * acknowledged (the ack waits for fsync), so it is cut off — with a log
 * line, since the operator should know.
 */
export async function recoverSegment(
  file: string,
  logger: Logger,
  fs: FileSystem,
  checkpoint?: SegmentIndex,
): Promise<RecoveredSegment> {
  // With a checkpoint (the open segment's index saved at the last clean stop
  // or every few thousand records) only the lines written after it are read.
  const base = checkpoint?.size ?? 0;
  const bytes = await readFrom(file, base, fs);
  const index = checkpoint ?? new SegmentIndex();
  let hasHeader = base > 0;
  let offset = 0;
  let goodEnd = 0;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, offset);
    if (newline === -1) break; // torn tail: no newline
    const line = bytes.subarray(offset, newline + 1);
    const parsed = parseLine(line, file);
    if (parsed.kind === 'header' && base + offset === 0) {
      hasHeader = true;
      goodEnd = newline + 1;
    } else if (parsed.kind === 'record') {
      index.add(parsed.head, base + offset, line.length);
      goodEnd = newline + 1;
    } else if (newline + 1 < bytes.length) {
      // A damaged line in the middle cannot come from a crash; keep everything else and say so loudly.
      logger.error(
        { file, offset: base + offset },
        'skipped an unreadable line in the middle of a log segment',
      );
      goodEnd = newline + 1;
    }
    offset = newline + 1;
  }
  if (goodEnd < bytes.length) {
    await fs.truncate(file, base + goodEnd);
    logger.warn(
      { file, droppedBytes: bytes.length - goodEnd },
      'cut off an unacknowledged partial line left by an interrupted write',
    );
  }
  index.size = base + goodEnd;
  return { index, hasHeader };
}

async function readFrom(file: string, from: number, fs: FileSystem): Promise<Buffer> {
  if (from === 0) return fs.readFile(file);
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    return await readFully(handle, Math.max(0, size - from), from);
  } finally {
    await handle.close();
  }
}
