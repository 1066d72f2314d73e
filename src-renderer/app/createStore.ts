import { useStore } from 'zustand';
import { createStore as createZustandStore } from 'zustand/vanilla';

/**
 * The one place the renderer touches zustand. Features get a small Store
 * object (get, set, use, subscribe) and never import zustand themselves, so
 * the state library could change in one file, and tests can put every store
 * back to its first state with resetAllStores().
 */
export interface Store<S extends object> {
  get(): S;
  set(change: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: (state: S, previous: S) => void): () => void;
  /**
   * React hook. Select one value (or a value that keeps its identity); a
   * selector that builds a new object on every call re-renders forever.
   */
  use<T>(selector: (state: S) => T): T;
  /** Back to the initial state; a persisted copy is removed too. */
  reset(): void;
  /** Reads the persisted copy again (another tab may have written it). */
  rehydrate(): void;
}

export interface PersistOptions<S> {
  /** localStorage key. */
  readonly key: string;
  /** What to save: never UI state that should not survive a reload. */
  readonly pick: (state: S) => Partial<S>;
  /** Checks what was read back; anything it rejects is ignored, never trusted. */
  readonly restore: (saved: unknown) => Partial<S> | undefined;
  /** Defaults to window.localStorage when there is one. */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const stores = new Set<Store<object>>();

/** Puts every store back to its initial state (tests call this between cases). */
export function resetAllStores(): void {
  for (const store of stores) store.reset();
}

export function createStore<S extends object>(initial: S, persist?: PersistOptions<S>): Store<S> {
  const storage = persist ? (persist.storage ?? browserStorage()) : undefined;
  const inner = createZustandStore<S>()(() => ({ ...initial, ...read() }));

  function read(): Partial<S> {
    if (!persist || !storage) return {};
    try {
      const text = storage.getItem(persist.key);
      return (text === null ? undefined : persist.restore(JSON.parse(text))) ?? {};
    } catch {
      // Unreadable JSON or a storage that refuses access (private mode): start fresh.
      return {};
    }
  }

  if (persist && storage) {
    let saved = JSON.stringify(persist.pick(inner.getState()));
    inner.subscribe((state) => {
      const next = JSON.stringify(persist.pick(state));
      if (next === saved) return;
      saved = next;
      try {
        storage.setItem(persist.key, next);
      } catch {
        // A full or disabled storage only costs the memory across reloads.
      }
    });
  }

  const store: Store<S> = {
    get: () => inner.getState(),
    set: (change) => inner.setState(change),
    subscribe: (listener) => inner.subscribe(listener),
    use: <T>(selector: (state: S) => T) => useStore(inner, selector),
    reset() {
      inner.setState({ ...initial }, true);
      if (persist && storage) storage.removeItem(persist.key);
    },
    rehydrate() {
      inner.setState({ ...initial, ...read() }, true);
    },
  };
  stores.add(store);
  if (persist) watchOtherTabs(persist.key, store);
  return store;
}

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** A sign-out or a token refresh in one tab reaches the others. */
function watchOtherTabs(key: string, store: Store<object>): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('storage', (event) => {
    if (event.key === key || event.key === null) store.rehydrate();
  });
}
