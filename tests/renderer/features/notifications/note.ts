import type { Notification } from '../../../../src-shared/schemas/notifications';

/** A "new material" notification as the hub sends it: a type, parameters and a target. */
export function materialNote(seq: number, read = false): Notification {
  return {
    seq,
    type: 'new-material',
    params: { courseCode: 'CS101', courseTitle: 'Algorithms', materialTitle: `Week ${seq}` },
    target: { kind: 'material', courseId: 'c1' as never, materialId: `m${seq}` as never },
    createdAt: new Date(Date.UTC(2026, 10, 24, 10, seq)).toISOString(),
    read,
  };
}
