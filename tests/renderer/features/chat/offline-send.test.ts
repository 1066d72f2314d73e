// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Room } from '../../../../src-shared/schemas/chat';
import type { StoredFile } from '../../../../src-shared/schemas/files';
import { ApiError } from '../../../../src-renderer/api/api-error';
import { createStore } from '../../../../src-renderer/app/createStore';
import { installBridgeDouble, type BridgeControl } from '../../../support/bridge-double';

const request = vi.fn();
const call = vi.fn();
const status = createStore({ connection: 'connected' as string });
vi.mock('../../../../src-renderer/app/hub-client', () => ({
  api: { call },
  socket: { request, status, on: () => () => undefined },
}));

const { sendFromComposer } = await import('../../../../src-renderer/features/chat/offline-send');
const { chatStore } = await import('../../../../src-renderer/features/chat/chat-store');

const room = 'course:c1' as Room;
const file = { id: 'f1', fileName: 'notes.pdf' } as unknown as StoredFile;
const enqueued = () =>
  (window as unknown as { __bridgeControl: BridgeControl }).__bridgeControl
    .calls()
    .filter((c) => c.method === 'outbox.enqueue');

beforeEach(() => {
  sessionStorage.clear();
  request.mockReset().mockResolvedValue(new Promise(() => undefined));
  call.mockReset().mockRejectedValue(new ApiError('NETWORK', 'offline'));
  chatStore.reset();
  installBridgeDouble();
});
afterEach(() => {
  delete window.classhub;
});

describe('the chat composer on the desktop', () => {
  it('keeps a text message in the outbox while offline, without trying the hub', async () => {
    status.set({ connection: 'reconnecting' });
    expect(await sendFromComposer(room, 'See you at 9', [])).toBe('queued');
    expect(enqueued().map((c) => c.args[0])).toEqual([
      { kind: 'chat-message', hubUrl: location.origin, room, text: 'See you at 9' },
    ]);
    // Not also in the chat's own pending list: it would be sent twice on reconnect.
    expect(chatStore.get().outbox).toEqual([]);
    expect(request).not.toHaveBeenCalled();
    expect(call).not.toHaveBeenCalled();
  });

  it('sends at once while connected', async () => {
    status.set({ connection: 'connected' });
    expect(await sendFromComposer(room, 'Hello', [])).toBe('sent');
    expect(enqueued()).toEqual([]);
    expect(request).toHaveBeenCalledWith(
      'chat:send',
      expect.objectContaining({ room, text: 'Hello' }),
    );
    expect(chatStore.get().outbox.map((o) => o.text)).toEqual(['Hello']);
  });

  it('does not queue a message with files, and says so', async () => {
    status.set({ connection: 'offline' });
    expect(await sendFromComposer(room, 'My notes', [file])).toBe('filesNotQueued');
    expect(enqueued()).toEqual([]);
    // The usual path: pending, then "Not sent." with Retry.
    expect(chatStore.get().outbox.map((o) => [o.text, o.files])).toEqual([['My notes', [file]]]);
    await vi.waitFor(() => expect(chatStore.get().outbox[0]?.status).toBe('failed'));
  });

  it('rejects, sending nothing, when the desktop app cannot keep it', async () => {
    status.set({ connection: 'offline' });
    window.classhub!.outbox.enqueue = () => Promise.reject(new Error('disk full'));
    await expect(sendFromComposer(room, 'Hi', [])).rejects.toThrow('disk full');
    expect(chatStore.get().outbox).toEqual([]);
  });
});

describe('the chat composer in a plain browser', () => {
  it('sends the usual way even while offline: nothing is queued', async () => {
    delete window.classhub;
    status.set({ connection: 'offline' });
    expect(await sendFromComposer(room, 'Hi', [])).toBe('sent');
    expect(await sendFromComposer(room, 'With a file', [file])).toBe('sent');
    expect(chatStore.get().outbox.map((o) => o.text)).toEqual(['Hi', 'With a file']);
  });
});
