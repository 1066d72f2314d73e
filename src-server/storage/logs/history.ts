import type { HistoryEntry, HistoryRepository } from '../repositories';
import type { LogRecord, SegmentedLog } from './segmented-log';

/** A HistoryRepository on a SegmentedLog: each stream (room, inbox) pages by its own sequence. */
export class LogHistoryRepository<T> implements HistoryRepository<T> {
  constructor(private readonly log: SegmentedLog<T>) {}

  async append(stream: string, entry: T) {
    return toEntry(await this.log.append(stream, entry));
  }
  async page(stream: string, limit: number, beforeSeq?: number) {
    return (await this.log.readBackward(stream, limit, beforeSeq)).map(toEntry);
  }
  async since(stream: string, afterSeq: number, limit: number) {
    return (await this.log.readForward(stream, afterSeq, limit)).map(toEntry);
  }
  async get(stream: string, seq: number) {
    const [record] = await this.log.readForward(stream, seq - 1, 1);
    return record?.streamSeq === seq ? toEntry(record) : undefined;
  }
  async lastSeq(stream: string) {
    return this.log.lastStreamSeq(stream);
  }
  async countAfter(stream: string, afterSeq: number) {
    return this.log.countAfter(stream, afterSeq);
  }
  pruneBefore(cutoff: string) {
    return this.log.pruneBefore(cutoff);
  }
  close() {
    return this.log.close();
  }
}

function toEntry<T>(record: LogRecord<T>): HistoryEntry<T> {
  return { seq: record.streamSeq, at: record.at, entry: record.data };
}
