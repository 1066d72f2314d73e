import { describe, expect, it } from 'vitest';
import { assignmentAverage, filterGradebook, studentAverage } from '../../src-shared/gradebook';
import type { GradebookAssignment, GradebookRow } from '../../src-shared/schemas/gradebook';

const assignments = [
  { id: 'a', title: 'Lab', dueAt: '2026-11-30T17:00:00.000Z', maxPoints: 20 },
  { id: 'b', title: 'Essay', dueAt: '2026-12-10T17:00:00.000Z', maxPoints: 10 },
] as unknown as GradebookAssignment[];
const empty = { submittedAt: null, gradedAt: null, points: null };
const graded = (points: number) => ({
  submittedAt: '2026-11-29T10:00:00.000Z',
  gradedAt: '2026-11-29T12:00:00.000Z',
  points,
});
const row = (firstName: string, lastName: string, cells: GradebookRow['cells']) =>
  ({
    student: { id: firstName, firstName, lastName, username: firstName.toLowerCase() },
    enrolment: 'active',
    cells,
  }) as unknown as GradebookRow;
const emma = row('Emma', 'Adams', [graded(15), graded(10)]);
const liam = row('Liam', 'Brown', [graded(5), empty]);
const noa = row('Noa', 'Cole', [empty, empty]);
const afterLab = Date.parse('2026-12-01T00:00:00Z');

describe('gradebook averages', () => {
  it('averages a student over graded work only, as a percentage of the points possible', () => {
    expect(studentAverage(assignments, emma)).toBe(83.3); // 25 of 30
    expect(studentAverage(assignments, liam)).toBe(25); // 5 of 20: the ungraded essay does not count
    expect(studentAverage(assignments, noa)).toBeNull();
  });

  it('averages an assignment over the graded work of the rows given', () => {
    expect(assignmentAverage([emma, liam, noa], 0)).toBe(10);
    expect(assignmentAverage([emma, liam, noa], 1)).toBe(10);
    expect(assignmentAverage([noa], 0)).toBeNull();
  });
});

describe('gradebook filters', () => {
  it('keeps students whose name or username contains the text, in either order', () => {
    const names = (rows: GradebookRow[]) => rows.map((r) => r.student.firstName);
    expect(
      names(filterGradebook(assignments, [emma, liam, noa], { q: 'adams' }, afterLab)),
    ).toEqual(['Emma']);
    expect(
      names(filterGradebook(assignments, [emma, liam, noa], { q: 'Brown Liam' }, afterLab)),
    ).toEqual(['Liam']);
  });

  it('keeps students with work in the chosen status, by the clock given', () => {
    const names = (status: 'missing' | 'assigned' | 'graded', now: number) =>
      filterGradebook(assignments, [emma, liam, noa], { status }, now).map(
        (r) => r.student.firstName,
      );
    expect(names('missing', afterLab)).toEqual(['Noa']);
    expect(names('missing', Date.parse('2026-11-30T17:00:00Z'))).toEqual([]);
    expect(names('assigned', afterLab)).toEqual(['Liam', 'Noa']);
    expect(names('graded', afterLab)).toEqual(['Emma', 'Liam']);
  });
});
