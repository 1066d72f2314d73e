import { DomainError } from '../../domain-error';
import type { SessionAccess } from './session-access';

/**
 * Who someone is in a live class (a session, a course's lesson included),
 * once sessionAccess has let them in: its host teaches, its other active
 * members are the students, and an admin looking in observes — reads
 * everything (anonymous authors included, for moderation) and acts on nothing.
 * Outsiders and blocked people never get this far (sessionAccess refuses them).
 */
export type ClassRole = 'teacher' | 'student' | 'observer';

export function classRoleOf(access: SessionAccess): ClassRole {
  if (access.viewer.isHost) return 'teacher';
  if (access.membership) return 'student';
  return 'observer';
}

/** The class's tools are run by its teacher; an admin looking in does not act. */
export function assertTeacher(access: SessionAccess, what: string): void {
  const role = classRoleOf(access);
  if (role === 'teacher') return;
  throw new DomainError(
    'FORBIDDEN',
    role === 'observer'
      ? `An admin can look into a class but not ${what}: only its teacher can.`
      : `Only the teacher can ${what}.`,
  );
}

/** Raising a hand or asking a question is for the class's students, not its teacher or an observer. */
export function assertStudent(access: SessionAccess, what: string): void {
  const role = classRoleOf(access);
  if (role === 'student') return;
  throw new DomainError(
    'FORBIDDEN',
    role === 'teacher'
      ? `Only students can ${what}; you teach this class.`
      : `An admin can look into a class but not ${what}: only its students can.`,
  );
}
