import type { OutboxFile, OutboxItem, OutboxRequest } from '../../../src-shared/bridge';
import { isApiError } from '../../api/api-error';
import { socket } from '../../app/hub-client';
import { desktopBridge } from '../../desktop';
import { desktopStore } from './desktop-store';

export type SendOutcome<T> = { queued: false; result: T } | { queued: true; item: OutboxItem };

/** No way to the hub right now: the browser says so, or the live connection dropped. */
export function looksOffline(): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  const connection = socket.status.get().connection;
  return connection === 'offline' || connection === 'reconnecting';
}

/**
 * Sends now, or — on the desktop, while offline — keeps the action in the
 * outbox for main to send in order on reconnect. A send that fails because the
 * hub cannot be reached is queued too; any other failure (the hub said no) is
 * thrown as usual. In a plain browser this is just `send()`.
 *
 * `request` is built only when needed: it may read files into memory.
 */
export async function sendOrQueue<T>(
  request: () => Promise<OutboxRequest> | OutboxRequest,
  send: () => Promise<T>,
): Promise<SendOutcome<T>> {
  const bridge = desktopBridge();
  if (!bridge) return { queued: false, result: await send() };
  if (!looksOffline()) {
    try {
      return { queued: false, result: await send() };
    } catch (error) {
      if (!isApiError(error, 'NETWORK')) throw error;
    }
  }
  const item = await bridge.outbox.enqueue(await request());
  desktopStore.set((s) => ({ outbox: [...s.outbox.filter((i) => i.id !== item.id), item] }));
  return { queued: true, item };
}

/** Files picked in an <input>, as bytes main can keep until they are sent. */
export async function outboxFiles(files: readonly File[]): Promise<OutboxFile[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

export function sendSubmissionOrQueue<T>(
  input: { deadlineId: string; comment: string; files: readonly File[] },
  send: () => Promise<T>,
): Promise<SendOutcome<T>> {
  return sendOrQueue(
    async () => ({
      kind: 'submission',
      hubUrl: location.origin,
      deadlineId: input.deadlineId,
      comment: input.comment,
      files: await outboxFiles(input.files),
    }),
    send,
  );
}

export function sendChatMessageOrQueue<T>(
  input: { room: string; text: string },
  send: () => Promise<T>,
): Promise<SendOutcome<T>> {
  return sendOrQueue(
    () => ({ kind: 'chat-message', hubUrl: location.origin, room: input.room, text: input.text }),
    send,
  );
}

export function sendPostOrQueue<T>(
  input: { sessionId: string; text: string; files: readonly File[] },
  send: () => Promise<T>,
): Promise<SendOutcome<T>> {
  return sendOrQueue(
    async () => ({
      kind: 'post',
      hubUrl: location.origin,
      sessionId: input.sessionId,
      text: input.text,
      files: await outboxFiles(input.files),
    }),
    send,
  );
}
