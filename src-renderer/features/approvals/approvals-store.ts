import type { Account } from '../../../src-shared/schemas/accounts';
import type { UserId } from '../../../src-shared/ids';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export interface ApprovalsState {
  pending: readonly Account[];
  total: number;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
  /** Accounts with a decision on its way, so their buttons show progress. */
  deciding: readonly UserId[];
}

/** Accounts waiting for a teacher or the admin (teachers see students only; the hub filters). */
export const approvalsStore = createStore<ApprovalsState>({
  pending: [],
  total: 0,
  status: 'idle',
  error: undefined,
  deciding: [],
});

const PAGE_SIZE = 5;

export async function loadPendingAccounts(): Promise<void> {
  // A live refresh keeps the list on screen instead of flashing a skeleton.
  approvalsStore.set((s) => ({
    status: s.status === 'ready' ? 'ready' : 'loading',
    error: undefined,
  }));
  try {
    const page = await api.call('pendingAccounts', { query: { page: 1, pageSize: PAGE_SIZE } });
    approvalsStore.set({ pending: page.items, total: page.total, status: 'ready' });
  } catch (error) {
    approvalsStore.set({ status: 'failed', error });
  }
}

export async function decide(userId: UserId, decision: 'approve' | 'reject'): Promise<void> {
  approvalsStore.set((s) => ({ deciding: [...s.deciding, userId], error: undefined }));
  try {
    await api.call(decision === 'approve' ? 'approveAccount' : 'rejectAccount', {
      params: { userId },
    });
    approvalsStore.set((s) => ({
      pending: s.pending.filter((account) => account.id !== userId),
      total: Math.max(0, s.total - 1),
    }));
  } catch (error) {
    approvalsStore.set({ error });
  } finally {
    approvalsStore.set((s) => ({ deciding: s.deciding.filter((id) => id !== userId) }));
  }
}
