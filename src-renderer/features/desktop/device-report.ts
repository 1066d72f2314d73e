import type { LibraryItem, OutboxItem } from '../../../src-shared/bridge';
import { REPORT_LIMITS, type DeviceReport } from '../../../src-shared/schemas/devices';
import { socket } from '../../app/hub-client';
import { desktopBridge, isLocalShell } from '../../desktop';
import { desktopStore, watchDesktop } from './desktop-store';

/** Changes that arrive together (a whole course downloading) make one report. */
export const REPORT_DELAY_MS = 1500;
/** After a refused or lost report, try again this much later. */
export const RETRY_DELAY_MS = 15_000;

/**
 * What this desktop app tells the hub for the teacher's device board: the
 * material files of this hub in its offline library, per course (by
 * checksum), and how many outbox items wait to be sent to this hub. Only
 * this hub's items; sorted, so the same library always makes the same report.
 */
export function buildDeviceReport(
  hubUrl: string,
  library: readonly LibraryItem[],
  outbox: readonly OutboxItem[],
): DeviceReport {
  const byCourse = new Map<string, Set<string>>();
  for (const item of library) {
    if (item.hubUrl !== hubUrl || item.source !== 'material' || !item.courseId) continue;
    const files = byCourse.get(item.courseId) ?? new Set<string>();
    files.add(item.sha256);
    byCourse.set(item.courseId, files);
  }
  const courses = [...byCourse.keys()].sort().slice(0, REPORT_LIMITS.courses);
  return {
    library: courses.map((courseId) => ({
      courseId: courseId as DeviceReport['library'][number]['courseId'],
      files: [...(byCourse.get(courseId) ?? [])].sort().slice(0, REPORT_LIMITS.filesPerCourse),
    })),
    outboxWaiting: outbox.filter(
      (item) => item.hubUrl === hubUrl && (item.state === 'waiting' || item.state === 'sending'),
    ).length,
  };
}

export interface DeviceReporterDeps {
  /** The report as of now; undefined while the app's state is still loading. */
  current(): DeviceReport | undefined;
  /** Calls back when the library or outbox may have changed; returns the unsubscribe. */
  onStateChange(listener: () => void): () => void;
  isConnected(): boolean;
  /** Calls back on every (re)connection to the hub; returns the unsubscribe. */
  onConnected(listener: () => void): () => void;
  send(report: DeviceReport): Promise<unknown>;
  delayMs?: number;
  retryMs?: number;
}

/**
 * Sends the report on every connection and whenever it changes, debounced,
 * and never the same report twice in a row on one connection. Nothing comes
 * back but "stored": the hub never hands the app anything to act on here.
 */
export function createDeviceReporter(deps: DeviceReporterDeps): () => void {
  const delay = deps.delayMs ?? REPORT_DELAY_MS;
  let lastSent: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };
  function flush() {
    timer = undefined;
    if (stopped || !deps.isConnected()) return; // the next connection sends it
    const report = deps.current();
    if (!report) return; // the state change that finishes loading schedules it again
    const key = JSON.stringify(report);
    if (key === lastSent) return;
    deps.send(report).then(
      () => {
        lastSent = key;
      },
      () => {
        if (!stopped) schedule(deps.retryMs ?? RETRY_DELAY_MS);
      },
    );
  }
  const stops = [
    deps.onConnected(() => {
      lastSent = undefined; // a new connection: the hub hears the whole state again
      schedule(delay);
    }),
    deps.onStateChange(() => {
      const report = deps.current();
      if (report && JSON.stringify(report) !== lastSent) schedule(delay);
    }),
  ];
  if (deps.isConnected()) schedule(delay);
  return () => {
    stopped = true;
    clearTimeout(timer);
    stops.forEach((stop) => stop());
  };
}

/** In the desktop app on a hub: keeps the hub's device board told about this computer. */
export function reportDeviceToHub(): () => void {
  if (!desktopBridge() || isLocalShell()) return () => undefined;
  watchDesktop();
  const hubUrl = location.origin;
  return createDeviceReporter({
    current: () => {
      const { loaded, loadError, library, outbox } = desktopStore.get();
      return loaded && !loadError ? buildDeviceReport(hubUrl, library, outbox) : undefined;
    },
    onStateChange: (listener) =>
      desktopStore.subscribe((state, previous) => {
        if (
          state.library !== previous.library ||
          state.outbox !== previous.outbox ||
          state.loaded !== previous.loaded
        )
          listener();
      }),
    isConnected: () => socket.status.get().connection === 'connected',
    onConnected: (listener) =>
      socket.status.subscribe((state, previous) => {
        if (state.connection === 'connected' && previous.connection !== 'connected') listener();
      }),
    send: (report) => socket.request('device:report', report),
  });
}
