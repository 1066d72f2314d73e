import { randomUUID } from 'node:crypto';
import type { ClassHubBridge, OutboxItem, OutboxRequest } from '../../src-shared/bridge';
import { sendItem, type SendOutcome } from './outbox-replay';
import { OutboxStore, publicView, type StoredItem } from './outbox-store';
import { summarise } from './summary';

export interface OutboxCredentials {
  readonly hubUrl: string;
  readonly accessToken: string;
}

export interface OutboxOptions {
  /** Inside the app's user-data folder. */
  readonly folder: string;
  /** The signed-in user's token for the hub the window shows (kept in memory by main). */
  readonly credentials: () => OutboxCredentials | null;
  readonly fetch?: typeof globalThis.fetch;
  readonly now?: () => Date;
  /** Told when the outbox file was damaged and set aside (for the app's log). */
  readonly onProblem?: (message: string) => void;
}

export interface FlushReport {
  readonly sent: number;
  readonly refused: number;
  /** Why sending stopped early (offline, hub busy, signed out); absent when nothing is left to send. */
  readonly stoppedBecause?: string;
}

export type Outbox = ClassHubBridge['outbox'] & {
  /** Sends everything waiting for the signed-in hub, oldest first, one at a time. */
  flush(): Promise<FlushReport>;
  /** Waits for a send in flight and the last write; the outbox is unusable afterwards. */
  close(): Promise<void>;
};

/** Sent items stay listed so the person sees them go; only the newest few, though. */
const KEEP_SENT = 20;

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/**
 * Actions taken offline, kept on disk and sent in order when the hub is
 * reachable. Each gets its idempotency key (clientId) when it is queued and
 * keeps it forever, so no resend — after a lost answer, a crash, a second
 * flush — can store it twice. A refusal is final and stays visible with the
 * hub's reason; anything else (offline, 5xx, expired token) waits for the
 * next flush without reordering the queue.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const store = new OutboxStore(options.folder);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(items: OutboxItem[]) => void>();
  let items: StoredItem[] = [];
  let flushing: Promise<FlushReport> | undefined;
  let closed = false;

  // An item left `sending` by a crash goes back to waiting: resending it is
  // safe because its clientId makes the hub's copy the only copy.
  const ready = store.load().then(async ({ items: loaded, problem }) => {
    if (problem) options.onProblem?.(problem);
    items = loaded.map((item) => (item.state === 'sending' ? { ...item, state: 'waiting' } : item));
    if (loaded.some((item) => item.state === 'sending')) await store.save(items);
  });

  const list = (): OutboxItem[] => items.map(publicView);
  async function commit(next: StoredItem[]): Promise<void> {
    items = next;
    await store.save(items);
    const view = list();
    for (const listener of listeners) listener(view);
  }
  const update = (id: string, change: (item: StoredItem) => StoredItem) =>
    commit(items.map((item) => (item.id === id ? change(item) : item)));

  function withoutOldSent(all: StoredItem[]): StoredItem[] {
    const sent = all.filter((i) => i.state === 'sent');
    const drop = new Set(sent.slice(0, Math.max(0, sent.length - KEEP_SENT)).map((i) => i.id));
    return all.filter((i) => !drop.has(i.id));
  }

  async function finish(item: StoredItem, outcome: SendOutcome): Promise<void> {
    if (!items.some((i) => i.id === item.id)) return; // discarded while it was being sent
    if (outcome.result === 'retry') return update(item.id, (i) => ({ ...i, state: 'waiting' }));
    if (outcome.result === 'refused')
      return update(item.id, (i) => ({ ...i, state: 'refused', error: outcome.error }));
    const sentAt = now().toISOString();
    await commit(
      withoutOldSent(items.map((i) => (i.id === item.id ? { ...i, state: 'sent', sentAt } : i))),
    );
    await store.removeFiles(item.id);
  }

  async function flushOnce(): Promise<FlushReport> {
    await ready;
    let sent = 0;
    let refused = 0;
    for (;;) {
      if (closed) return { sent, refused, stoppedBecause: 'the outbox was closed' };
      const credentials = options.credentials();
      if (!credentials) return { sent, refused, stoppedBecause: 'nobody is signed in' };
      const hubUrl = originOf(credentials.hubUrl);
      // Only this hub's items, oldest first; another hub's wait for its own sign-in.
      const next = items.find((i) => i.state === 'waiting' && originOf(i.hubUrl) === hubUrl);
      if (!next) return { sent, refused };
      await update(next.id, (i) => ({ ...i, state: 'sending' }));
      const outcome = await sendItem(
        {
          hubUrl,
          accessToken: credentials.accessToken,
          fetch: fetchImpl,
          now,
          readFile: (index) => store.readFile(next.id, index),
          rememberUpload: (index, fileId) =>
            update(next.id, (i) => ({
              ...i,
              uploads: [
                ...i.uploads.filter((u) => u.index !== index),
                { index, fileId, at: now().toISOString() },
              ],
            })),
        },
        items.find((i) => i.id === next.id) ?? next,
      );
      await finish(next, outcome);
      if (outcome.result === 'retry') return { sent, refused, stoppedBecause: outcome.reason };
      if (outcome.result === 'sent') sent++;
      else refused++;
    }
  }

  return {
    async list() {
      await ready;
      return list();
    },
    async enqueue(request: OutboxRequest) {
      await ready;
      if (closed) throw new Error('The outbox is closed.');
      const id = randomUUID();
      const files = request.kind === 'chat-message' ? [] : request.files;
      await store.writeFiles(id, files);
      const item: StoredItem = {
        id,
        kind: request.kind,
        hubUrl: originOf(request.hubUrl),
        summary: summarise(request),
        state: 'waiting',
        createdAt: now().toISOString(),
        clientId: randomUUID(),
        target:
          request.kind === 'chat-message'
            ? request.room
            : request.kind === 'post'
              ? request.sessionId
              : request.deadlineId,
        text: request.kind === 'submission' ? request.comment : request.text,
        files: files.map((f) => ({ name: f.name, size: f.bytes.byteLength })),
        uploads: [],
      };
      await commit([...items, item]);
      return publicView(item);
    },
    async discard(id) {
      await ready;
      if (!items.some((i) => i.id === id)) return;
      await commit(items.filter((i) => i.id !== id));
      await store.removeFiles(id);
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush() {
      // One flush at a time; a caller arriving mid-flush shares it (it picks up new items as it goes).
      flushing ??= flushOnce().finally(() => (flushing = undefined));
      return flushing;
    },
    async close() {
      closed = true;
      await flushing?.catch(() => undefined);
      await ready.catch(() => undefined);
      await store.settle();
      listeners.clear();
    },
  };
}
