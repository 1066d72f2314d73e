import { z } from 'zod';

/**
 * Where one student's work on one assignment stands, as teachers know it
 * from Google Classroom: assigned → handed in (or late) → graded, and
 * missing only once the due time has passed with nothing handed in.
 * "Returned" is the same state as graded here: a grade reaches the student
 * the moment it is saved (there are no draft grades), so graded work is
 * returned work. Both the hub and the app call workStatus with their own
 * clock, so a badge turns from Assigned to Missing at the due time without
 * asking the hub again.
 */
export const workStatusSchema = z
  .enum(['assigned', 'handedIn', 'late', 'graded', 'missing'])
  .meta({ id: 'WorkStatus' });
export type WorkStatus = z.infer<typeof workStatusSchema>;

/** In the order a piece of work moves through them (the order counts are shown in). */
export const workStatuses: readonly WorkStatus[] = workStatusSchema.options;

export interface WorkFacts {
  /** The assignment's due time (ISO). */
  readonly dueAt: string;
  /** When the latest version was handed in (ISO), or null when nothing was. */
  readonly submittedAt: string | null;
  /** When the work was last graded (ISO), or null when it was not. */
  readonly gradedAt: string | null;
}

export function workStatus(facts: WorkFacts, now: Date | number): WorkStatus {
  const due = Date.parse(facts.dueAt);
  if (facts.gradedAt !== null) {
    // A version handed in after the grade is new work waiting for the teacher again.
    const regraded =
      facts.submittedAt === null || Date.parse(facts.gradedAt) >= Date.parse(facts.submittedAt);
    if (regraded) return 'graded';
  }
  if (facts.submittedAt !== null) return Date.parse(facts.submittedAt) > due ? 'late' : 'handedIn';
  const time = typeof now === 'number' ? now : now.getTime();
  return time > due ? 'missing' : 'assigned';
}

export type WorkStatusCounts = Record<WorkStatus, number>;

export function countWorkStatuses(statuses: Iterable<WorkStatus>): WorkStatusCounts {
  const counts: WorkStatusCounts = { assigned: 0, handedIn: 0, late: 0, graded: 0, missing: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}
