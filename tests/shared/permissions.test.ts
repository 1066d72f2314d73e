import { describe, expect, it } from 'vitest';
import { canApprove, canSeeEmails, isApprover } from '../../src-shared/permissions';

const student = { role: 'student', isAdmin: false } as const;
const teacher = { role: 'teacher', isAdmin: false } as const;
const admin = { role: 'student', isAdmin: true } as const;

describe('permission rules', () => {
  it('shows emails to teachers and admins only', () => {
    expect([student, teacher, admin].map(canSeeEmails)).toEqual([false, true, true]);
  });

  it('lets teachers approve students, and admins approve anyone', () => {
    expect(canApprove(teacher, { role: 'student' })).toBe(true);
    expect(canApprove(teacher, { role: 'teacher' })).toBe(false);
    expect(canApprove(admin, { role: 'teacher' })).toBe(true);
    expect(canApprove(student, { role: 'student' })).toBe(false);
    expect([student, teacher, admin].map(isApprover)).toEqual([false, true, true]);
  });
});
