import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { OutboxFile, OutboxItem } from '../../src-shared/bridge';
import { writeFileDurably } from '../../src-server/storage/durable-file';

const errorSchema = z.object({ code: z.string(), message: z.string() });

/** What the index keeps per item: the public OutboxItem plus what replay needs. */
export const storedItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['chat-message', 'post', 'submission']),
  hubUrl: z.string(),
  summary: z.string(),
  state: z.enum(['waiting', 'sending', 'sent', 'refused']),
  error: errorSchema.optional(),
  createdAt: z.iso.datetime(),
  /** The idempotency key, fixed at enqueue: every resend carries the same one. */
  clientId: z.string().min(8).max(64),
  /** Room (chat), session (post) or deadline (submission). */
  target: z.string(),
  /** Message or post text, submission comment. */
  text: z.string(),
  /** Names of the attached files; the bytes are files/<id>/<index>. */
  files: z.array(z.object({ name: z.string(), size: z.number().int().min(0) })),
  /**
   * Uploads already accepted by the hub, by file index, so a resend after a
   * crash does not upload again; the hub drops unattached uploads after a
   * day, so old ones are uploaded afresh (see UPLOAD_REUSE_MS).
   */
  uploads: z.array(z.object({ index: z.number().int(), fileId: z.string(), at: z.iso.datetime() })),
  sentAt: z.iso.datetime().optional(),
});
export type StoredItem = z.infer<typeof storedItemSchema>;

const indexSchema = z.object({ items: z.array(storedItemSchema) });

export function publicView(item: StoredItem): OutboxItem {
  return {
    id: item.id,
    kind: item.kind,
    hubUrl: item.hubUrl,
    summary: item.summary,
    state: item.state,
    ...(item.error ? { error: { ...item.error } } : {}),
    createdAt: item.createdAt,
  };
}

/**
 * The outbox on disk: `outbox.json` (the index, replaced durably on every
 * change) and `files/<item id>/<n>` (attachment bytes). Bytes are written
 * before the index that points at them, so the index never names a file
 * that is not there; a crash in between leaves only an orphan folder, which
 * `load` removes.
 */
export class OutboxStore {
  private readonly indexFile: string;
  private readonly filesDir: string;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(folder: string) {
    this.indexFile = join(folder, 'outbox.json');
    this.filesDir = join(folder, 'files');
  }

  /**
   * Reads the index. A damaged one is copied aside (never silently lost) and
   * the outbox starts empty; `problem` says so, for the log.
   */
  async load(): Promise<{ items: StoredItem[]; problem?: string }> {
    await mkdir(this.filesDir, { recursive: true });
    const text = await readFile(this.indexFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    if (!text) return { items: [] };
    try {
      const items = indexSchema.parse(JSON.parse(text)).items;
      await this.removeOrphanFolders(new Set(items.map((i) => i.id)));
      return { items };
    } catch {
      const aside = `${this.indexFile}.damaged-${Date.now()}`;
      await writeFileDurably(aside, text);
      return { items: [], problem: `The outbox file was damaged; it was kept as ${aside}.` };
    }
  }

  /** Writes happen one at a time, in the order asked, each after the previous is on disk. */
  save(items: readonly StoredItem[]): Promise<void> {
    const snapshot = JSON.stringify({ items }, null, 1);
    const next = this.writing.then(() => writeFileDurably(this.indexFile, snapshot));
    this.writing = next.catch(() => undefined);
    return next;
  }

  async writeFiles(id: string, files: readonly OutboxFile[]): Promise<void> {
    const dir = join(this.filesDir, id);
    await mkdir(dir, { recursive: true });
    for (const [index, file] of files.entries())
      await writeFileDurably(join(dir, String(index)), file.bytes);
  }

  readFile(id: string, index: number): Promise<Buffer> {
    return readFile(join(this.filesDir, id, String(index)));
  }

  removeFiles(id: string): Promise<void> {
    return rm(join(this.filesDir, id), { recursive: true, force: true });
  }

  /** Waits for writes in flight (close). */
  async settle(): Promise<void> {
    await this.writing;
  }

  private async removeOrphanFolders(known: Set<string>): Promise<void> {
    for (const name of await readdir(this.filesDir))
      if (!known.has(name)) await this.removeFiles(name);
  }
}
