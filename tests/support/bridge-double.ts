import type {
  ClassHubBridge,
  DownloadJob,
  DownloadRequest,
  HostedHubStatus,
  KnownHub,
  OutboxItem,
  OutboxRequest,
} from '../../src-shared/bridge';
import type { BridgeControl, BridgeDoubleSetup, PageGlobal, State } from './bridge-double-types';

export type { BridgeCall, BridgeControl, BridgeDoubleSetup } from './bridge-double-types';

/**
 * A complete, in-memory ClassHubBridge for Chromium tests. It runs INSIDE the
 * page — `page.addInitScript(installBridgeDouble, setup)` sends its source —
 * so it must stay self-contained: no imports at run time, no outer variables.
 * State survives reloads in sessionStorage, like main's would.
 */
export function installBridgeDouble(setup: BridgeDoubleSetup = {}): void {
  const KEY = '__bridgeDouble';
  const fresh = (): State => ({
    hosting: {
      state: 'stopped',
      urls: [],
      dataFolder: '/home/teacher/.config/ClassHub/hub',
      keepRunningInTray: false,
      advertised: false,
      ...setup.hosting,
    },
    hubs: setup.knownHubs ?? [],
    downloads: setup.downloads ?? [],
    library: setup.library ?? [],
    outbox: setup.outbox ?? [],
    snapshots: setup.snapshots ?? {},
    calls: [],
    nextId: 1,
  });
  // about:blank and other opaque origins refuse storage: the state then lives as long as the page.
  const page = globalThis as unknown as PageGlobal;
  let storage: PageGlobal['sessionStorage'] | undefined;
  try {
    storage = page.sessionStorage;
  } catch {
    storage = undefined;
  }
  const saved = storage?.getItem(KEY);
  const state: State = saved ? (JSON.parse(saved) as State) : fresh();
  const save = () => storage?.setItem(KEY, JSON.stringify(state));
  /** Persists the state, then pushes the change to listeners as main would. */
  const changed = (emit: () => void) => {
    save();
    emit();
  };
  const failures = new Map<string, string>();
  type Listener<T> = (value: T) => void;
  const listeners = {
    status: new Set<Listener<HostedHubStatus>>(),
    hubs: new Set<Listener<KnownHub[]>>(),
    download: new Set<Listener<DownloadJob>>(),
    outbox: new Set<Listener<OutboxItem[]>>(),
    open: new Set<Listener<string>>(),
  };
  const subscribe =
    <T>(set: Set<Listener<T>>) =>
    (listener: Listener<T>) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  // Bytes are recorded as their length: enough to assert on, small in sessionStorage.
  const plain = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (_key, v: unknown) =>
        v instanceof Uint8Array ? { byteLength: v.byteLength } : v,
      ),
    );
  async function record(method: string, ...args: unknown[]): Promise<void> {
    state.calls.push({ method, args: plain(args) as unknown[] });
    save();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const failure = failures.get(method);
    if (failure !== undefined) {
      failures.delete(method);
      throw new Error(`Error invoking remote method '${method}': Error: ${failure}`);
    }
  }
  const now = () => new Date().toISOString();
  const emitStatus = () => listeners.status.forEach((l) => l(copy(state.hosting)));
  const emitHubs = () => listeners.hubs.forEach((l) => l(copy(state.hubs)));
  const emitOutbox = () => listeners.outbox.forEach((l) => l(copy(state.outbox)));
  const emitJob = (job: DownloadJob) => listeners.download.forEach((l) => l(copy(job)));
  function setJob(id: string, change: Partial<DownloadJob>): DownloadJob {
    const job = state.downloads.find((j) => j.id === id);
    if (!job) throw new Error(`No download ${id}`);
    Object.assign(job, change, { updatedAt: now() });
    save();
    emitJob(job);
    return job;
  }
  function summary(request: OutboxRequest): string {
    if (request.kind === 'chat-message') return `Message to ${request.room}: ${request.text}`;
    if (request.kind === 'post') return `Post: ${request.text}`;
    return `Submission (${request.files.length} files): ${request.comment}`;
  }

  const bridge = {
    platform: 'linux',
    appVersion: '0.0.0-test',
    openExternal: (url: string) => record('openExternal', url),
    hosting: {
      status: async () => {
        await record('hosting.status');
        return copy(state.hosting);
      },
      start: async () => {
        await record('hosting.start');
        if (state.hosting.state === 'running') return copy(state.hosting);
        state.hosting = { ...state.hosting, state: 'starting', urls: [] };
        delete state.hosting.error;
        emitStatus();
        await new Promise((resolve) => setTimeout(resolve, setup.startDelayMs ?? 300));
        const outcome = setup.startOutcome ?? { urls: ['http://192.168.1.20:4000'] };
        state.hosting =
          'error' in outcome
            ? { ...state.hosting, state: 'failed', error: outcome.error }
            : { ...state.hosting, state: 'running', urls: outcome.urls, port: 4000 };
        changed(emitStatus);
        return copy(state.hosting);
      },
      stop: async () => {
        await record('hosting.stop');
        state.hosting = { ...state.hosting, state: 'stopped', urls: [] };
        changed(emitStatus);
        return copy(state.hosting);
      },
      setKeepRunningInTray: async (enabled: boolean) => {
        await record('hosting.setKeepRunningInTray', enabled);
        state.hosting = { ...state.hosting, keepRunningInTray: enabled };
        changed(emitStatus);
        return copy(state.hosting);
      },
      onStatus: subscribe(listeners.status),
    },
    hubs: {
      known: async () => {
        await record('hubs.known');
        return copy(state.hubs);
      },
      connect: async (url: string) => {
        await record('hubs.connect', url);
        const error = setup.connectErrors?.[url];
        if (error !== undefined)
          throw new Error(`Error invoking remote method 'hubs.connect': Error: ${error}`);
      },
      forget: async (url: string) => {
        await record('hubs.forget', url);
        state.hubs = state.hubs.filter((h) => h.url !== url);
        changed(emitHubs);
      },
      leave: () => record('hubs.leave'),
      onChanged: subscribe(listeners.hubs),
    },
    setCredentials: (credentials: { hubUrl: string; accessToken: string } | null) =>
      record('setCredentials', credentials),
    downloads: {
      list: async () => {
        await record('downloads.list');
        return copy(state.downloads);
      },
      enqueue: async (requests: DownloadRequest[]) => {
        await record('downloads.enqueue', requests);
        const jobs = requests.map((request): DownloadJob => ({
          ...request,
          id: `job-${state.nextId++}`,
          state: 'queued',
          receivedBytes: 0,
          updatedAt: now(),
        }));
        state.downloads.push(...jobs);
        save();
        jobs.forEach(emitJob);
        return copy(jobs);
      },
      pause: async (id: string) => {
        await record('downloads.pause', id);
        setJob(id, { state: 'paused' });
      },
      resume: async (id: string) => {
        await record('downloads.resume', id);
        setJob(id, { state: 'downloading' });
      },
      cancel: async (id: string) => {
        await record('downloads.cancel', id);
        setJob(id, { state: 'cancelled' });
      },
      onChanged: subscribe(listeners.download),
    },
    library: {
      list: async () => {
        await record('library.list');
        return copy(state.library);
      },
      usage: async () => {
        await record('library.usage');
        return {
          bytes: state.library.reduce((sum, item) => sum + item.size, 0),
          items: state.library.length,
        };
      },
      open: (id: string) => record('library.open', id),
      remove: async (id: string) => {
        await record('library.remove', id);
        state.library = state.library.filter((item) => item.id !== id);
        save();
      },
      saveSnapshot: async (key: string, data: unknown) => {
        await record('library.saveSnapshot', key);
        state.snapshots[key] = { data: copy(data), savedAt: now() };
        save();
      },
      readSnapshot: async (key: string) => {
        await record('library.readSnapshot', key);
        return state.snapshots[key] ? copy(state.snapshots[key]) : null;
      },
    },
    outbox: {
      list: async () => {
        await record('outbox.list');
        return copy(state.outbox);
      },
      enqueue: async (request: OutboxRequest) => {
        await record('outbox.enqueue', request);
        const item: OutboxItem = {
          id: `outbox-${state.nextId++}`,
          kind: request.kind,
          hubUrl: request.hubUrl,
          summary: summary(request),
          state: 'waiting',
          createdAt: now(),
        };
        state.outbox.push(item);
        changed(emitOutbox);
        return copy(item);
      },
      discard: async (id: string) => {
        await record('outbox.discard', id);
        state.outbox = state.outbox.filter((item) => item.id !== id);
        changed(emitOutbox);
      },
      onChanged: subscribe(listeners.outbox),
    },
    notifications: {
      show: (notification: { title: string; body: string; link: string }) =>
        record('notifications.show', notification),
      setBadgeCount: (count: number) => record('notifications.setBadgeCount', count),
      onOpen: subscribe(listeners.open),
    },
  } satisfies ClassHubBridge;

  const control: BridgeControl = {
    calls: () => copy(state.calls),
    setHosting(status) {
      state.hosting = { ...state.hosting, ...status };
      changed(emitStatus);
    },
    setKnownHubs(hubs) {
      state.hubs = hubs;
      changed(emitHubs);
    },
    updateDownload: (id, change) => void setJob(id, change),
    hasDownload: (id) => state.downloads.some((j) => j.id === id),
    completeDownload(id) {
      const job = state.downloads.find((j) => j.id === id);
      if (!job) throw new Error(`No download ${id}`);
      // The library item exists before the "done" push, as in main.
      state.library.push({
        id: `item-${id}`,
        hubUrl: job.hubUrl,
        title: job.title,
        fileName: job.fileName,
        kind: job.kind,
        source: job.source,
        size: job.size,
        sha256: job.sha256,
        ...(job.courseId !== undefined ? { courseId: job.courseId } : {}),
        ...(job.courseTitle !== undefined ? { courseTitle: job.courseTitle } : {}),
        downloadedAt: now(),
      });
      setJob(id, { state: 'done', receivedBytes: job.size, libraryItemId: `item-${id}` });
    },
    setOutbox(items) {
      state.outbox = items;
      changed(emitOutbox);
    },
    failNext: (method, message) => void failures.set(method, message),
  };
  page.classhub = bridge;
  page.__bridgeControl = control;
}
