import type { CollectionFiles } from './collection-files';

/** One caller's change: what each record it touched was before, to undo it if the commit fails. */
type ChangeBefore<T> = readonly { readonly id: string; readonly record: T | undefined }[];

interface PendingChange<T> {
  readonly before: ChangeBefore<T>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** What the commits read and restore of the collection's records in memory. */
export interface CommittedRecords<T> {
  get(id: string): T | undefined;
  /** Puts a record back (undefined deletes it), keeping the indexes in step. */
  set(id: string, record: T | undefined): void;
  all(): T[];
}

/**
 * The group commit of one lowdb collection: changes already applied in
 * memory wait here until one journal append (one line, one fsync) holds
 * every change queued while the previous append ran. If an append fails,
 * its group and every change queued after it (which may build on it) are
 * undone in memory and their callers get the error, so a failed write is
 * never visible later and never written by a later commit.
 */
export class JournalCommits<T> {
  private queue: PendingChange<T>[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly files: CollectionFiles,
    private readonly records: CommittedRecords<T>,
    private readonly onWriteFailure?: (error: unknown) => void,
  ) {}

  /** Settles once the change is durable in the journal, or failed and was undone. */
  commit(before: ChangeBefore<T>): Promise<void> {
    const done = new Promise<void>((resolve, reject) =>
      this.queue.push({ before, resolve, reject }),
    );
    this.running ??= this.run();
    return done;
  }

  /** Waits until every change made so far is on disk, and any compaction has finished. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.files.idle();
  }

  /** True when no change waits: only then does a snapshot hold acknowledged changes only. */
  get quiet(): boolean {
    return !this.running && this.queue.length === 0;
  }

  private async run(): Promise<void> {
    // Let the rest of this tick's changes join the first group.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      let state: T[] | undefined;
      try {
        const line = JSON.stringify(this.changeOf(group));
        // Taken now, before any later change: exactly the state at the end of this append.
        if (this.files.wantsCompaction(line.length)) state = this.records.all();
        await this.files.append(line);
      } catch (error) {
        // Whatever failed (the disk, or a record JSON cannot hold), the group is undone and told.
        this.undo(group, error);
        this.onWriteFailure?.(error);
        continue;
      }
      for (const pending of group) pending.resolve();
      if (state) await this.files.compact(state);
    }
    this.running = undefined;
  }

  /** The records the group touched as they are now: written again whole, or deleted. */
  private changeOf(group: PendingChange<T>[]): { put?: T[]; del?: string[] } {
    const firstBefore = new Map<string, T | undefined>();
    for (const pending of group)
      for (const { id, record } of pending.before)
        if (!firstBefore.has(id)) firstBefore.set(id, record);
    const put: T[] = [];
    const del: string[] = [];
    for (const [id, before] of firstBefore) {
      const now = this.records.get(id);
      if (now) put.push(now);
      else if (before) del.push(id);
    }
    return { ...(put.length > 0 ? { put } : {}), ...(del.length > 0 ? { del } : {}) };
  }

  /** Undoes the failed group and everything queued after it, newest first, and fails their callers. */
  private undo(group: PendingChange<T>[], error: unknown): void {
    const failed = [...group, ...this.queue];
    this.queue = [];
    for (const pending of [...failed].reverse())
      for (const { id, record } of [...pending.before].reverse()) this.records.set(id, record);
    for (const pending of failed) pending.reject(error);
  }
}
