/** Work statuses, assignment materials and the gradebook (the same words on the teacher's and the student's side). */
export const grades = {
  'work.status.assigned': 'Assigned',
  'work.status.handedIn': 'Handed in',
  'work.status.late': 'Late',
  'work.status.graded': 'Graded',
  'work.status.missing': 'Missing',
  'work.count.assigned': '{count} assigned',
  'work.count.handedIn': '{count} handed in',
  'work.count.late': '{count} late',
  'work.count.graded': '{count} graded',
  'work.count.missing': '{count} missing',
  'work.countsLabel': 'Work on this assignment by status',
  'work.yourStatus': 'Your work: {status}',
  'work.gradedPoints': 'Graded: {points} / {max}',
} as const;
