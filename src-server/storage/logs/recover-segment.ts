import type { Logger } from '../../logger';
import type { FileSystem } from '../file-system';
import type { RecordPosition } from './stream-index';

export interface RecoveredSegment {
  readonly positions: Omit<RecordPosition, 'segment'>[];
  readonly lastSeq: number;
  /** Time of the segment's newest record, for pruning by age. */
  readonly lastAt: string | undefined;
  /** Size after any torn tail was cut off. */
  readonly size: number;
}

const NEWLINE = 0x0a;

/**
 * Reads one segment to rebuild the index. A process killed mid-append can
 * leave a partial last line: it was never acknowledged (the ack waits for
 * fsync), so it is cut off — with a log line, since the operator should know.
 */
export async function recoverSegment(
  file: string,
  logger: Logger,
  fs: FileSystem,
): Promise<RecoveredSegment> {
  const bytes = await fs.readFile(file);
  const positions: Omit<RecordPosition, 'segment'>[] = [];
  let lastSeq = 0;
  let lastAt: string | undefined;
  let offset = 0;
  let goodEnd = 0;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, offset);
    if (newline === -1) break; // torn tail: no newline
    const line = bytes.subarray(offset, newline + 1);
    const record = parseLine(line);
    if (record) {
      positions.push({
        stream: record.stream,
        streamSeq: record.streamSeq,
        seq: record.seq,
        offset,
        length: line.length,
      });
      lastSeq = Math.max(lastSeq, record.seq);
      lastAt = record.at ?? lastAt;
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
  return { positions, lastSeq, lastAt, size: goodEnd };
}

function parseLine(
  line: Buffer,
): { stream: string; streamSeq: number; seq: number; at?: string } | undefined {
  try {
    const value = JSON.parse(line.toString('utf8')) as {
      stream?: unknown;
      streamSeq?: unknown;
      seq?: unknown;
      at?: unknown;
    };
    if (
      typeof value.stream === 'string' &&
      typeof value.streamSeq === 'number' &&
      typeof value.seq === 'number'
    ) {
      return {
        stream: value.stream,
        streamSeq: value.streamSeq,
        seq: value.seq,
        ...(typeof value.at === 'string' ? { at: value.at } : {}),
      };
    }
  } catch {
    // fall through: an unparsable line
  }
  return undefined;
}
