import type { StatusUpdate } from '../../../src-shared/schemas/accounts';
import type { StatusUpdateId } from '../../../src-shared/ids';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export interface StatusUpdatesState {
  /** Whose updates are listed (a username); a new one replaces the list. */
  username: string | undefined;
  items: readonly StatusUpdate[];
  total: number;
  page: number;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
}

const PAGE_SIZE = 10;

/** One person's status updates, newest first (the hub sorts), as shown on a profile. */
export const statusUpdatesStore = createStore<StatusUpdatesState>({
  username: undefined,
  items: [],
  total: 0,
  page: 0,
  status: 'idle',
  error: undefined,
});

/** Loads the first page, or the next one when `more` is set. */
export async function loadStatusUpdates(username: string, more = false): Promise<void> {
  const current = statusUpdatesStore.get();
  const page = more && current.username === username ? current.page + 1 : 1;
  statusUpdatesStore.set({
    status: 'loading',
    error: undefined,
    ...(page === 1 && current.username !== username ? { username, items: [], total: 0 } : {}),
  });
  try {
    const result = await api.call('statusUpdates', {
      params: { username },
      query: { page, pageSize: PAGE_SIZE },
    });
    if (statusUpdatesStore.get().username !== username) return;
    statusUpdatesStore.set((s) => ({
      items: page === 1 ? result.items : [...s.items, ...result.items],
      total: result.total,
      page,
      status: 'ready',
    }));
  } catch (error) {
    statusUpdatesStore.set({ status: 'failed', error });
  }
}

/** Posts as the signed-in person; the list shows it at once if it is theirs. Rejects on failure. */
export async function postStatusUpdate(text: string): Promise<StatusUpdate> {
  const update = await api.call('postStatusUpdate', { body: { text } });
  statusUpdatesStore.set((s) =>
    s.username === update.author.username
      ? { items: [update, ...s.items], total: s.total + 1 }
      : {},
  );
  return update;
}

export async function deleteStatusUpdate(id: StatusUpdateId): Promise<void> {
  await api.call('deleteStatusUpdate', { params: { statusUpdateId: id } });
  statusUpdatesStore.set((s) => ({
    items: s.items.filter((item) => item.id !== id),
    total: Math.max(0, s.total - 1),
  }));
}
