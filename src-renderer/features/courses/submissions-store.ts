import type { Deadline, DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { Grade, Submission } from '../../../src-shared/schemas/submissions';
import type { UserId } from '../../../src-shared/ids';
import type { RouteResponse } from '../../../src-shared/api';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';
import type { FileId } from '../../../src-shared/schemas/files';

export type OverviewRow = RouteResponse<'deadlineOverview'>['items'][number];

export interface SubmissionsState {
  /** The student's own versions (newest first) and grade, per deadline. */
  mine: Readonly<Record<string, { versions: readonly Submission[]; grade: Grade | null }>>;
  /** The teacher's overview rows per deadline. */
  overview: Readonly<Record<string, readonly OverviewRow[]>>;
}

/** Submissions and grades of the deadlines on the open course page. */
export const submissionsStore = createStore<SubmissionsState>({ mine: {}, overview: {} });

export async function loadMine(deadlineId: DeadlineId): Promise<void> {
  const result = await api.call('mySubmissions', { params: { deadlineId } });
  submissionsStore.set((s) => ({ mine: { ...s.mine, [deadlineId]: result } }));
}

export async function submitWork(deadlineId: DeadlineId, fileIds: FileId[], comment: string) {
  await api.call('submit', { params: { deadlineId }, body: { fileIds, comment } });
  await loadMine(deadlineId);
}

export async function loadOverview(deadlineId: DeadlineId): Promise<void> {
  const page = await api.call('deadlineOverview', {
    params: { deadlineId },
    query: { page: 1, pageSize: 100 },
  });
  submissionsStore.set((s) => ({ overview: { ...s.overview, [deadlineId]: page.items } }));
}

export async function grade(deadline: Deadline, userId: UserId, points: number, feedback: string) {
  const result = await api.call('gradeSubmission', {
    params: { deadlineId: deadline.id, userId },
    body: { points, feedback },
  });
  submissionsStore.set((s) => ({
    overview: {
      ...s.overview,
      [deadline.id]: (s.overview[deadline.id] ?? []).map((row) =>
        row.student.id === userId ? { ...row, grade: result } : row,
      ),
    },
  }));
}

export function submissionFilePath(submission: Submission, fileId: FileId): string {
  return api.url('downloadSubmissionFile', { submissionId: submission.id, fileId });
}
