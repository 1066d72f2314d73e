import type { Logger } from '../../logger';
import type { FileSystem } from '../file-system';
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
): Promise<RecoveredSegment> {
  const bytes = await fs.readFile(file);
  const index = new SegmentIndex();
  let hasHeader = false;
  let offset = 0;
  let goodEnd = 0;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, offset);
    if (newline === -1) break; // torn tail: no newline
    const line = bytes.subarray(offset, newline + 1);
    const parsed = parseLine(line, file);
    if (parsed.kind === 'header' && offset === 0) {
      hasHeader = true;
      goodEnd = newline + 1;
    } else if (parsed.kind === 'record') {
      index.add(parsed.head, offset, line.length);
      goodEnd = newline + 1;
    } else if (newline + 1 < bytes.length) {
      // A damaged line in the middle cannot come from a crash; keep everything else and say so loudly.
      logger.error({ file, offset }, 'skipped an unreadable line in the middle of a log segment');
      goodEnd = newline + 1;
    }
    offset = newline + 1;
  }
  if (goodEnd < bytes.length) {
    await fs.truncate(file, goodEnd);
    logger.warn(
      { file, droppedBytes: bytes.length - goodEnd },
      'cut off an unacknowledged partial line left by an interrupted write',
    );
  }
  index.size = goodEnd;
  return { index, hasHeader };
}
