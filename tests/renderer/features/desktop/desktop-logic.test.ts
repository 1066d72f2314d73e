// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DownloadJob, LibraryItem } from '../../../../src-shared/bridge';
import type { Material } from '../../../../src-shared/schemas/courses';
import { ApiError } from '../../../../src-renderer/api/api-error';
import { createStore } from '../../../../src-renderer/app/createStore';
import { socket } from '../../../../src-renderer/app/hub-client';
import {
  normaliseHubAddress,
  sortHubs,
} from '../../../../src-renderer/features/desktop/ConnectPanel';
import {
  materialDownload,
  offlineState,
} from '../../../../src-renderer/features/desktop/course-downloads';
import { shareCredentialsWithDesktop } from '../../../../src-renderer/features/desktop/credentials';
import {
  bridgeErrorMessage,
  latestJobs,
} from '../../../../src-renderer/features/desktop/desktop-store';
import { sendOrQueue } from '../../../../src-renderer/features/desktop/outbox';
import { timeAgo } from '../../../../src-renderer/features/desktop/relative-time';
import { installBridgeDouble, type BridgeControl } from '../../../support/bridge-double';
import { tokenPair } from '../../support';

const control = () => (window as unknown as { __bridgeControl: BridgeControl }).__bridgeControl;
const calls = (method: string) =>
  control()
    .calls()
    .filter((c) => c.method === method);

beforeEach(() => {
  sessionStorage.clear();
  installBridgeDouble();
});
afterEach(() => {
  delete window.classhub;
  socket.status.set({ connection: 'offline' });
});

const material = {
  id: 'm1',
  courseId: 'c1',
  title: 'Syllabus',
  file: {
    id: 'f1',
    fileName: 'syllabus.pdf',
    contentType: 'application/pdf',
    kind: 'document',
    size: 1200,
    sha256: 'a'.repeat(64),
  },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as unknown as Material;

describe('downloading a material for offline use', () => {
  it('asks main for the hub’s download route, with checksum, size and kind', () => {
    expect(
      materialDownload(material, { id: 'c1' as never, title: 'Algorithms' }, 'http://hub:4000'),
    ).toEqual({
      hubUrl: 'http://hub:4000',
      path: '/api/materials/m1/file',
      title: 'Syllabus',
      fileName: 'syllabus.pdf',
      sha256: 'a'.repeat(64),
      size: 1200,
      kind: 'document',
      source: 'material',
      courseId: 'c1',
      courseTitle: 'Algorithms',
    });
  });

  const request = materialDownload(material, { id: 'c1' as never, title: 'A' }, 'http://hub:4000');
  const job = (id: string, state: DownloadJob['state'], updatedAt: string): DownloadJob => ({
    ...request,
    id,
    state,
    receivedBytes: 0,
    updatedAt,
  });

  it('counts the newest job of a file: a retry hides the failure before it', () => {
    const failed = job('j1', 'failed', '2026-01-01T10:00:00.000Z');
    const retry = job('j2', 'queued', '2026-01-01T10:05:00.000Z');
    expect(latestJobs([failed, retry])).toEqual([retry]);
    expect(offlineState(request, [failed, retry], [])).toEqual({ state: 'active', job: retry });
    expect(offlineState(request, [failed], [])).toEqual({ state: 'failed', job: failed });
  });

  it('says "saved" once the library has the same bytes from the same hub', () => {
    const item = { id: 'i1', hubUrl: 'http://hub:4000', sha256: 'a'.repeat(64) } as LibraryItem;
    expect(offlineState(request, [], [item]).state).toBe('saved');
    expect(offlineState(request, [], [{ ...item, hubUrl: 'http://other:4000' }]).state).toBe(
      'none',
    );
  });
});

describe('the outbox', () => {
  const chat = () => ({
    kind: 'chat-message' as const,
    hubUrl: 'http://hub',
    room: 'course:c1',
    text: 'Hi',
  });

  it('sends at once while connected', async () => {
    socket.status.set({ connection: 'connected' });
    const send = vi.fn().mockResolvedValue('stored');
    expect(await sendOrQueue(chat, send)).toEqual({ queued: false, result: 'stored' });
    expect(calls('outbox.enqueue')).toHaveLength(0);
  });

  it('queues while offline, without trying the hub', async () => {
    socket.status.set({ connection: 'reconnecting' });
    const send = vi.fn();
    const outcome = await sendOrQueue(chat, send);
    expect(outcome.queued).toBe(true);
    expect(send).not.toHaveBeenCalled();
    expect(calls('outbox.enqueue')[0]?.args).toEqual([chat()]);
  });

  it('queues a send that could not reach the hub, but not one the hub refused', async () => {
    socket.status.set({ connection: 'connected' });
    const unreachable = vi.fn().mockRejectedValue(new ApiError('NETWORK', 'gone'));
    expect((await sendOrQueue(chat, unreachable)).queued).toBe(true);
    const refused = vi.fn().mockRejectedValue(new ApiError('FORBIDDEN', 'no'));
    await expect(sendOrQueue(chat, refused)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is a plain send in a browser without the desktop app', async () => {
    delete window.classhub;
    const send = vi.fn().mockResolvedValue(1);
    expect(await sendOrQueue(chat, send)).toEqual({ queued: false, result: 1 });
  });
});

describe('credentials for main', () => {
  it('follow sign-in, token refresh and sign-out', async () => {
    const auth = createStore<{ tokens: ReturnType<typeof tokenPair> | undefined }>({
      tokens: undefined,
    });
    shareCredentialsWithDesktop(auth);
    auth.set({ tokens: tokenPair(1) });
    auth.set({ tokens: tokenPair(2) });
    auth.set({ tokens: undefined });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls('setCredentials').map((c) => c.args[0])).toEqual([
      null,
      { hubUrl: location.origin, accessToken: 'access-1' },
      { hubUrl: location.origin, accessToken: 'access-2' },
      null,
    ]);
  });
});

describe('small things people read', () => {
  it('cleans Electron’s wrapper off an error from main', () => {
    expect(
      bridgeErrorMessage(
        new Error("Error invoking remote method 'hubs:connect': Error: No hub answers there."),
      ),
    ).toBe('No hub answers there.');
    expect(bridgeErrorMessage(new Error('Plain reason'))).toBe('Plain reason');
  });

  it('takes an address as people type it', () => {
    expect(normaliseHubAddress(' 192.168.1.20:4000/ ')).toBe('http://192.168.1.20:4000');
    expect(normaliseHubAddress('https://hub.school.test')).toBe('https://hub.school.test');
  });

  it('lists hubs on this network before recent ones, most recent first', () => {
    const sorted = sortHubs([
      { url: 'a', name: 'A', source: 'recent', lastUsedAt: '2026-01-01T00:00:00.000Z' },
      { url: 'b', name: 'B', source: 'discovered' },
      { url: 'c', name: 'C', source: 'recent', lastUsedAt: '2026-03-01T00:00:00.000Z' },
    ]);
    expect(sorted.map((h) => h.url)).toEqual(['b', 'c', 'a']);
  });

  it('says how old a saved copy is', () => {
    const now = Date.parse('2026-11-24T12:00:00.000Z');
    expect(timeAgo('2026-11-24T10:00:00.000Z', now, 'en')).toBe('2 hours ago');
    expect(timeAgo('2026-11-23T12:00:00.000Z', now, 'en')).toBe('yesterday');
    expect(timeAgo('2026-11-24T11:59:50.000Z', now, 'en')).toBe('now');
  });
});
