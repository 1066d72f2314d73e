// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryItem, OutboxItem } from '../../../../src-shared/bridge';
import type { DeviceReport } from '../../../../src-shared/schemas/devices';
import { clientHello, deviceIdOf } from '../../../../src-renderer/app/device-identity';
import {
  buildDeviceReport,
  createDeviceReporter,
} from '../../../../src-renderer/features/desktop/device-report';
import { installBridgeDouble } from '../../../support/bridge-double';

const HUB = 'http://192.168.1.20:4000';
const sha = (c: string) => c.repeat(64);

const item = (change: Partial<LibraryItem>): LibraryItem => ({
  id: `item-${Math.random()}`,
  hubUrl: HUB,
  title: 'Week 1 notes',
  fileName: 'week1.pdf',
  kind: 'document',
  source: 'material',
  size: 1000,
  sha256: sha('a'),
  courseId: 'c1',
  downloadedAt: '2026-12-04T10:00:00.000Z',
  ...change,
});
const outboxItem = (state: OutboxItem['state'], hubUrl = HUB): OutboxItem => ({
  id: `o-${Math.random()}`,
  kind: 'chat-message',
  hubUrl,
  summary: 'Message',
  state,
  createdAt: '2026-12-04T10:00:00.000Z',
});

describe('the desktop app’s device report', () => {
  it('lists this hub’s material files per course and counts what still waits to be sent', () => {
    const report = buildDeviceReport(
      HUB,
      [
        item({ courseId: 'c2', sha256: sha('c') }),
        item({ courseId: 'c1', sha256: sha('b') }),
        item({ courseId: 'c1', sha256: sha('a') }),
        item({ courseId: 'c1', sha256: sha('a') }), // the same file saved twice
        item({ hubUrl: 'http://other-hub:4000', sha256: sha('d') }),
        item({ source: 'submission', sha256: sha('e') }),
      ],
      [
        outboxItem('waiting'),
        outboxItem('sending'),
        outboxItem('sent'),
        outboxItem('refused'),
        outboxItem('waiting', 'http://other-hub:4000'),
      ],
    );
    expect(report).toEqual({
      library: [
        { courseId: 'c1', files: [sha('a'), sha('b')] },
        { courseId: 'c2', files: [sha('c')] },
      ],
      outboxWaiting: 2,
    });
  });
});

describe('the device reporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function harness() {
    let state: DeviceReport | undefined = { library: [], outboxWaiting: 0 };
    let connected = true;
    const stateListeners = new Set<() => void>();
    const connectListeners = new Set<() => void>();
    const sent: DeviceReport[] = [];
    let failNext = false;
    const stop = createDeviceReporter({
      current: () => state,
      onStateChange: (l) => (stateListeners.add(l), () => void stateListeners.delete(l)),
      isConnected: () => connected,
      onConnected: (l) => (connectListeners.add(l), () => void connectListeners.delete(l)),
      send: (report) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('rate limited'));
        }
        sent.push(report);
        return Promise.resolve();
      },
      delayMs: 1000,
      retryMs: 5000,
    });
    return {
      sent,
      stop,
      change(next: DeviceReport | undefined) {
        state = next;
        stateListeners.forEach((l) => l());
      },
      disconnect: () => (connected = false),
      reconnect() {
        connected = true;
        connectListeners.forEach((l) => l());
      },
      failNext: () => (failNext = true),
    };
  }
  const library = (n: number): DeviceReport => ({
    library: [{ courseId: 'c1' as never, files: [sha('a'), sha('b'), sha('c')].slice(0, n) }],
    outboxWaiting: 0,
  });

  it('reports once on connect, then one report for changes that come together', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toHaveLength(1);
    h.change(library(1));
    h.change(library(2));
    h.change(library(3));
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toEqual([{ library: [], outboxWaiting: 0 }, library(3)]);
    h.stop();
  });

  it('sends nothing for a change that leaves the report as it was', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(1000);
    h.change({ library: [], outboxWaiting: 0 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.sent).toHaveLength(1);
    h.stop();
  });

  it('waits for the connection while offline, then reports the latest state on reconnect', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(1000);
    h.disconnect();
    h.change(library(1));
    h.change(library(2));
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.sent).toHaveLength(1);
    h.reconnect();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toEqual([{ library: [], outboxWaiting: 0 }, library(2)]);
    // A later reconnect tells the hub again, even with nothing changed.
    h.reconnect();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toHaveLength(3);
    h.stop();
  });

  it('tries again later when the hub refuses a report', async () => {
    const h = harness();
    h.failNext();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.sent).toHaveLength(1);
    h.stop();
  });

  it('does not report while the app’s state is still loading, and stops when told', async () => {
    const h = harness();
    h.change(undefined);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toHaveLength(0);
    h.change(library(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toEqual([library(1)]);
    h.stop();
    h.change(library(2));
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.sent).toHaveLength(1);
  });
});

describe('what a connection says it is', () => {
  afterEach(() => {
    delete (window as { classhub?: unknown }).classhub;
    localStorage.clear();
  });

  it('is a browser with a device id kept for the next visit', () => {
    const first = clientHello();
    expect(first).toMatchObject({
      kind: 'browser',
      deviceId: expect.stringMatching(/^d-[0-9a-f]{24}$/),
    });
    expect(clientHello().deviceId).toBe(first.deviceId);
  });

  it('is the desktop app with its version and platform inside the app', () => {
    installBridgeDouble();
    expect(clientHello()).toMatchObject({
      kind: 'desktop',
      version: '0.0.0-test',
      platform: 'linux',
    });
  });

  it('replaces a stored id the hub would refuse', () => {
    const store = new Map<string, string>([['classhub.deviceId', 'bad id!']]);
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const id = deviceIdOf(storage);
    expect(id).toMatch(/^d-/);
    expect(store.get('classhub.deviceId')).toBe(id);
  });
});
