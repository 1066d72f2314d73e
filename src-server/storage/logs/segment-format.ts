import { CorruptDataError } from '../errors';

/**
 * The on-disk layout of a log segment. Version 2 (this one) starts each
 * segment with a header line naming the format; version 1 segments (written
 * before the header existed) hold the same record lines and no header, so
 * they are read as they are and keep no header until they are sealed.
 */
export const SEGMENT_FORMAT = 'classhub-log';
export const SEGMENT_VERSION = 2;

export const SEGMENT_HEADER = Buffer.from(
  `${JSON.stringify({ format: SEGMENT_FORMAT, version: SEGMENT_VERSION })}\n`,
);

const SEGMENT_DIGITS = 8;
export const segmentName = (n: number) => `${String(n).padStart(SEGMENT_DIGITS, '0')}.jsonl`;
export const indexName = (n: number) => `${String(n).padStart(SEGMENT_DIGITS, '0')}.idx`;
export const SEGMENT_PATTERN = /^\d+\.jsonl$/;

/** The fields of a record line the index needs. */
export interface LineHead {
  readonly stream: string;
  readonly streamSeq: number;
  readonly seq: number;
  readonly at: string | undefined;
}

export type ParsedLine =
  | { readonly kind: 'record'; readonly head: LineHead }
  | { readonly kind: 'header'; readonly version: number }
  | { readonly kind: 'unreadable' };

/**
 * Reads one line. A header from a newer ClassHub stops the hub with a message
 * naming the file, rather than misreading records it does not understand.
 */
export function parseLine(line: Buffer, file: string): ParsedLine {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line.toString('utf8')) as Record<string, unknown>;
  } catch {
    return { kind: 'unreadable' };
  }
  if (value === null || typeof value !== 'object') return { kind: 'unreadable' };
  if (value.format === SEGMENT_FORMAT && typeof value.version === 'number') {
    if (value.version > SEGMENT_VERSION) {
      throw new CorruptDataError(
        file,
        `it was written by a newer ClassHub (log format ${value.version}; this one reads up to ${SEGMENT_VERSION})`,
      );
    }
    return { kind: 'header', version: value.version };
  }
  if (
    typeof value.stream === 'string' &&
    typeof value.streamSeq === 'number' &&
    typeof value.seq === 'number'
  ) {
    return {
      kind: 'record',
      head: {
        stream: value.stream,
        streamSeq: value.streamSeq,
        seq: value.seq,
        at: typeof value.at === 'string' ? value.at : undefined,
      },
    };
  }
  return { kind: 'unreadable' };
}
