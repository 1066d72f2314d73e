import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { DomainError } from '../../../../src-server/domain-error';
import {
  assertStudent,
  assertTeacher,
  classRoleOf,
} from '../../../../src-server/domains/access/class-access';
import type { SessionAccess } from '../../../../src-server/domains/access/session-access';
import type { SessionMemberRecord, SessionRecord } from '../../../../src-server/storage/records';

const session = { id: 's1' as SessionId, hostId: 'teacher' as UserId } as SessionRecord;
const member = { sessionId: session.id, status: 'active' } as SessionMemberRecord;

/** What sessionAccess answers for each role it lets in (outsiders and blocked people never get here). */
const access: Record<'teacher' | 'student' | 'admin', SessionAccess> = {
  teacher: {
    session,
    membership: member,
    viewer: { userId: 'teacher' as UserId, isHost: true, isAdmin: false },
  },
  student: {
    session,
    membership: member,
    viewer: { userId: 'emma' as UserId, isHost: false, isAdmin: false },
  },
  admin: {
    session,
    membership: undefined,
    viewer: { userId: 'root' as UserId, isHost: false, isAdmin: true },
  },
};

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, message: (error as DomainError).message };
  }
  return undefined;
};

describe('who someone is in a live class', () => {
  it('is the teacher as host, a student as member, an observer as an admin looking in', () => {
    expect(classRoleOf(access.teacher)).toBe('teacher');
    expect(classRoleOf(access.student)).toBe('student');
    expect(classRoleOf(access.admin)).toBe('observer');
  });

  it('lets only the teacher run the class, and tells the others why', () => {
    expect(refusal(() => assertTeacher(access.teacher, 'call on a student'))).toBeUndefined();
    expect(refusal(() => assertTeacher(access.student, 'call on a student'))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only the teacher can call on a student.',
    });
    expect(refusal(() => assertTeacher(access.admin, 'call on a student'))).toEqual({
      code: 'FORBIDDEN',
      message: 'An admin can look into a class but not call on a student: only its teacher can.',
    });
  });

  it('lets only students raise hands and ask, not the teacher nor an admin', () => {
    expect(refusal(() => assertStudent(access.student, 'raise a hand'))).toBeUndefined();
    expect(refusal(() => assertStudent(access.teacher, 'raise a hand'))?.message).toBe(
      'Only students can raise a hand; you teach this class.',
    );
    expect(refusal(() => assertStudent(access.admin, 'raise a hand'))?.message).toBe(
      'An admin can look into a class but not raise a hand: only its students can.',
    );
  });

  it('treats an admin who is also a member as what the membership says', () => {
    const adminMember: SessionAccess = {
      ...access.student,
      viewer: { ...access.student.viewer, isAdmin: true },
    };
    expect(classRoleOf(adminMember)).toBe('student');
  });
});
