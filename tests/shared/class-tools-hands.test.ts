import { describe, expect, it } from 'vitest';
import type { UserId } from '../../src-shared/ids';
import {
  applyHandsChange,
  type Hands,
  type RaisedHand,
} from '../../src-shared/schemas/class-tools/hands';
import type { SessionId } from '../../src-shared/schemas/sessions';

const sessionId = 's1' as SessionId;
const hand = (id: string, raisedAt: string, calledAt?: string): RaisedHand => ({
  student: {
    id: id as UserId,
    username: id,
    firstName: id,
    lastName: 'Quill',
    role: 'student',
    isAdmin: false,
    avatarUrl: `/api/users/${id}/avatar`,
  },
  raisedAt,
  ...(calledAt ? { calledAt } : {}),
});
const queue = (...hands: RaisedHand[]): Hands => ({ sessionId, queue: hands });
const names = (hands: Hands) => hands.queue.map((h) => h.student.id);

describe('applying a change to the hands queue, as every client does', () => {
  it('puts a raised hand in the order hands went up, once', () => {
    const start = queue(hand('ana', '10:00:01'), hand('cai', '10:00:03'));
    const raised = { sessionId, count: 3, kind: 'raised', hand: hand('bo', '10:00:02') } as const;
    const once = applyHandsChange(start, raised);
    expect(names(once)).toEqual(['ana', 'bo', 'cai']);
    expect(applyHandsChange(once, raised)).toBe(once);
  });

  it('orders hands raised in the same millisecond the same whichever change arrives first', () => {
    const raised = (id: string) =>
      ({ sessionId, count: 2, kind: 'raised', hand: hand(id, '10:00:01.678') }) as const;
    const start = queue();
    const heardInOrder = applyHandsChange(applyHandsChange(start, raised('ana')), raised('bo'));
    const heardReversed = applyHandsChange(applyHandsChange(start, raised('bo')), raised('ana'));
    expect(names(heardInOrder)).toEqual(['ana', 'bo']);
    expect(names(heardReversed)).toEqual(['ana', 'bo']);
  });

  it('lowers one hand or many', () => {
    const start = queue(hand('ana', '1'), hand('bo', '2'), hand('cai', '3'));
    const lowered = (ids: string[]) =>
      applyHandsChange(start, {
        sessionId,
        count: 3 - ids.length,
        kind: 'lowered',
        studentIds: ids as UserId[],
      });
    expect(names(lowered(['bo']))).toEqual(['ana', 'cai']);
    expect(names(lowered(['ana', 'bo', 'cai']))).toEqual([]);
    expect(names(lowered(['nobody']))).toEqual(['ana', 'bo', 'cai']);
  });

  it('calls on one student and takes it from the one before', () => {
    const start = queue(hand('ana', '1', 'earlier'), hand('bo', '2'));
    const next = applyHandsChange(start, {
      sessionId,
      count: 2,
      kind: 'called',
      studentId: 'bo' as UserId,
      calledAt: 'now',
    });
    expect(next.queue.map((h) => h.calledAt)).toEqual([undefined, 'now']);
    expect(next.queue[0]).not.toHaveProperty('calledAt');
  });
});
