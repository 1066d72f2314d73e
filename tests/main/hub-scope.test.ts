import { describe, expect, it, vi } from 'vitest';
import type { DownloadManager } from '../../src-main/downloads/download-manager';
import { scopeEventPayload, scopeOfSender } from '../../src-main/hub-scope';
import { ipcEventChannels } from '../../src-main/ipc-channels';
import type { Outbox } from '../../src-main/outbox/outbox';
import { createScopedDownloads, createScopedOutbox } from '../../src-main/scoped-queues';

const HUB_A = 'http://10.0.0.2:4000';
const HUB_B = 'http://10.0.0.9:4000';
const pageOfA = scopeOfSender(`${HUB_A}/courses/1`);
const localShell = scopeOfSender('classhub-app://local/library');

describe('events reach a hub’s page only with that hub’s data', () => {
  it('drops another hub’s download and filters the outbox list', () => {
    const jobOfB = { id: 'j', hubUrl: HUB_B };
    expect(scopeEventPayload(ipcEventChannels.downloadsChanged, jobOfB, pageOfA)).toBeUndefined();
    expect(scopeEventPayload(ipcEventChannels.downloadsChanged, jobOfB, localShell)).toBe(jobOfB);
    const items = [
      { id: 'a', hubUrl: HUB_A },
      { id: 'b', hubUrl: HUB_B },
    ];
    expect(scopeEventPayload(ipcEventChannels.outboxChanged, items, pageOfA)).toEqual([items[0]]);
    expect(scopeEventPayload(ipcEventChannels.outboxChanged, items, localShell)).toEqual(items);
  });
});

describe('a hub’s page queues work only for its own hub', () => {
  const jobs = [
    { id: 'ja', hubUrl: HUB_A },
    { id: 'jb', hubUrl: HUB_B },
  ];
  const manager = {
    list: vi.fn(async () => jobs),
    enqueue: vi.fn(async () => []),
    cancel: vi.fn(async () => undefined),
  } as unknown as DownloadManager;
  const downloads = createScopedDownloads(manager);

  it('lists only its own hub’s downloads and cannot cancel another hub’s', async () => {
    expect(await downloads.list(pageOfA)).toEqual([jobs[0]]);
    await expect(downloads.cancel(pageOfA, 'jb')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(manager.cancel).not.toHaveBeenCalled();
  });

  it('cannot download from another hub', async () => {
    const request = { hubUrl: HUB_B } as Parameters<DownloadManager['enqueue']>[0][number];
    await expect(downloads.enqueue(pageOfA, [request])).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(manager.enqueue).not.toHaveBeenCalled();
  });

  it('cannot queue an offline action for another hub', async () => {
    const outbox = { enqueue: vi.fn() } as unknown as Outbox;
    const scoped = createScopedOutbox(outbox);
    await expect(
      scoped.enqueue(pageOfA, { kind: 'chat-message', hubUrl: HUB_B, room: 'course:1', text: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(outbox.enqueue).not.toHaveBeenCalled();
  });
});
