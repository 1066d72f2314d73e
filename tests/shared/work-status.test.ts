import { describe, expect, it } from 'vitest';
import { countWorkStatuses, workStatus } from '../../src-shared/work-status';

const dueAt = '2026-11-30T17:00:00.000Z';
const due = Date.parse(dueAt);
const nothing = { dueAt, submittedAt: null, gradedAt: null };

describe('workStatus', () => {
  it('is Assigned with nothing handed in up to and at the due time, Missing only after it', () => {
    expect(workStatus(nothing, due - 6 * 24 * 3600_000)).toBe('assigned');
    expect(workStatus(nothing, due - 1)).toBe('assigned');
    expect(workStatus(nothing, due)).toBe('assigned');
    expect(workStatus(nothing, due + 1)).toBe('missing');
    expect(workStatus(nothing, new Date(due + 1000))).toBe('missing');
  });

  it('is Handed in for work in time and Late for work after the due time, whatever the clock says now', () => {
    const inTime = { ...nothing, submittedAt: '2026-11-30T16:59:59.000Z' };
    const atDue = { ...nothing, submittedAt: dueAt };
    const late = { ...nothing, submittedAt: '2026-11-30T17:00:01.000Z' };
    for (const now of [due - 1000, due + 10_000]) {
      expect(workStatus(inTime, now)).toBe('handedIn');
      expect(workStatus(atDue, now)).toBe('handedIn');
    }
    expect(workStatus(late, due + 10_000)).toBe('late');
  });

  it('is Graded once graded, before or after the due time, even for late work', () => {
    const graded = {
      dueAt,
      submittedAt: '2026-11-30T18:00:00.000Z',
      gradedAt: '2026-12-01T09:00:00.000Z',
    };
    expect(workStatus(graded, due + 3600_000 * 20)).toBe('graded');
    expect(workStatus({ ...graded, submittedAt: '2026-11-29T10:00:00.000Z' }, due - 1)).toBe(
      'graded',
    );
  });

  it('waits for the teacher again when a new version is handed in after the grade', () => {
    const regrade = {
      dueAt,
      submittedAt: '2026-11-29T12:00:00.000Z',
      gradedAt: '2026-11-29T11:00:00.000Z',
    };
    expect(workStatus(regrade, due - 1)).toBe('handedIn');
    expect(workStatus({ ...regrade, submittedAt: '2026-11-30T18:00:00.000Z' }, due + 1)).toBe(
      'late',
    );
  });
});

describe('countWorkStatuses', () => {
  it('counts every status, zero for those absent', () => {
    expect(countWorkStatuses(['assigned', 'late', 'late', 'graded'])).toEqual({
      assigned: 1,
      handedIn: 0,
      late: 2,
      graded: 1,
      missing: 0,
    });
  });
});
