import type { SessionId } from '../../../src-shared/schemas/sessions';

/** Who is looking: the session's host teaches, members learn, an admin outside observes (reads only). */
export type ClassToolRole = 'teacher' | 'student' | 'observer';

/** What every tool of the class-tools panel receives. */
export interface ClassToolProps {
  sessionId: SessionId;
  role: ClassToolRole;
}
