import type { Role } from './schemas/accounts';

/** The parts of an account that rules look at. */
export interface Actor {
  readonly role: Role;
  readonly isAdmin: boolean;
}

/** Teachers and admins see email addresses; students never see another person's. */
export function canSeeEmails(viewer: Actor): boolean {
  return viewer.isAdmin || viewer.role === 'teacher';
}

/** Admins approve anyone; teachers approve students (a classroom laptop has no admin at hand). */
export function canApprove(approver: Actor, candidate: { readonly role: Role }): boolean {
  if (approver.isAdmin) return true;
  return approver.role === 'teacher' && candidate.role === 'student';
}

export function isApprover(actor: Actor): boolean {
  return actor.isAdmin || actor.role === 'teacher';
}
