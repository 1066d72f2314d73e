import { describe, expect, it } from 'vitest';
import { createStore, resetAllStores } from '../../../src-renderer/app/createStore';

/** localStorage's shape, in memory. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const persistCount = (storage: ReturnType<typeof memoryStorage>) => ({
  key: 'counter',
  storage,
  pick: (s: { count: number; draft: string }) => ({ count: s.count }),
  restore: (saved: unknown) => {
    const count = (saved as { count?: unknown } | null)?.count;
    return typeof count === 'number' ? { count } : undefined;
  },
});

describe('createStore', () => {
  it('keeps state, notifies subscribers and accepts updater functions', () => {
    const store = createStore({ count: 0 });
    const seen: number[] = [];
    const off = store.subscribe((state) => seen.push(state.count));
    store.set({ count: 1 });
    store.set((s) => ({ count: s.count + 1 }));
    off();
    store.set({ count: 10 });
    expect(seen).toEqual([1, 2]);
    expect(store.get().count).toBe(10);
  });

  it('saves only the picked part and restores it on creation', () => {
    const storage = memoryStorage();
    const first = createStore({ count: 0, draft: '' }, persistCount(storage));
    first.set({ count: 3, draft: 'not saved' });
    expect(JSON.parse(storage.data.get('counter')!)).toEqual({ count: 3 });

    const second = createStore({ count: 0, draft: '' }, persistCount(storage));
    expect(second.get()).toEqual({ count: 3, draft: '' });
  });

  it('ignores a saved copy that fails validation or is not JSON', () => {
    const bad = createStore(
      { count: 0, draft: '' },
      persistCount(memoryStorage({ counter: '{"count":"3"}' })),
    );
    expect(bad.get().count).toBe(0);
    const broken = createStore(
      { count: 0, draft: '' },
      persistCount(memoryStorage({ counter: '{oops' })),
    );
    expect(broken.get().count).toBe(0);
  });

  it('reads the saved copy again on rehydrate (another tab wrote it)', () => {
    const storage = memoryStorage();
    const store = createStore({ count: 0, draft: '' }, persistCount(storage));
    storage.setItem('counter', '{"count":7}');
    store.rehydrate();
    expect(store.get().count).toBe(7);
  });

  it('resets every store, removing what was saved', () => {
    const storage = memoryStorage();
    const saved = createStore({ count: 0, draft: '' }, persistCount(storage));
    const plain = createStore({ name: 'initial' });
    saved.set({ count: 5 });
    plain.set({ name: 'changed' });
    resetAllStores();
    expect(saved.get().count).toBe(0);
    expect(plain.get().name).toBe('initial');
    expect(storage.data.has('counter')).toBe(false);
  });
});
