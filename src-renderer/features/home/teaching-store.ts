import type { RouteResponse } from '../../../src-shared/api';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export type TeachingSummary = RouteResponse<'teaching'>;
export type UpcomingDeadline = RouteResponse<'upcomingDeadlines'>[number];

export interface TeachingState {
  summary: TeachingSummary | undefined;
  deadlines: readonly UpcomingDeadline[];
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
}

/**
 * The faculty hub's data: one call for courses, active students and work
 * awaiting grading (the hub builds it from the teacher's own courses), one
 * for the deadlines ahead.
 */
export const teachingStore = createStore<TeachingState>({
  summary: undefined,
  deadlines: [],
  status: 'idle',
  error: undefined,
});

const DEADLINES_SHOWN = 6;

export async function loadTeaching(): Promise<void> {
  teachingStore.set((s) => ({ status: s.summary ? 'ready' : 'loading', error: undefined }));
  try {
    const [summary, deadlines] = await Promise.all([
      api.call('teaching'),
      api.call('upcomingDeadlines', { query: { limit: DEADLINES_SHOWN } }),
    ]);
    teachingStore.set({ summary, deadlines, status: 'ready' });
  } catch (error) {
    teachingStore.set({ status: 'failed', error });
  }
}
