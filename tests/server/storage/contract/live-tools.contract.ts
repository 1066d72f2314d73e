import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { AttendanceWindowId } from '../../../../src-shared/schemas/class-tools/attendance';
import type { ExitTicketId } from '../../../../src-shared/schemas/class-tools/exit-tickets';
import type { PollId } from '../../../../src-shared/schemas/class-tools/polls';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { UniqueViolation } from '../../../../src-server/storage/errors';
import type {
  AttendanceRepository,
  AttendanceWindowRecord,
  ExitTicketsRepository,
  PollRecord,
  PollsRepository,
} from '../../../../src-server/storage/repositories';

export interface OpenedLiveToolRepositories {
  readonly polls: PollsRepository;
  readonly attendance: AttendanceRepository;
  readonly exitTickets: ExitTicketsRepository;
  /** Closes and opens the same store again, to check what survived. */
  reopen(): Promise<OpenedLiveToolRepositories>;
  close(): Promise<void>;
}

const AT = '2026-12-04T10:00:00.000Z';
const user = (id: string) => id as UserId;
const poll = (id: string, sessionId = 's1'): PollRecord => ({
  kind: 'poll',
  id: id as PollId,
  sessionId: sessionId as SessionId,
  hostId: user('teacher'),
  pollKind: 'quiz',
  title: id,
  anonymous: false,
  state: 'open',
  questions: [{ type: 'single', prompt: 'Pick', options: ['a', 'b'], correctOptions: [1] }],
  createdAt: AT,
});
const window = (id: string, sessionId = 's1'): AttendanceWindowRecord => ({
  kind: 'window',
  id: id as AttendanceWindowId,
  sessionId: sessionId as SessionId,
  courseId: 'c1' as CourseId,
  openedBy: user('teacher'),
  openedAt: AT,
  lateAfterMinutes: 5,
});

/** What the polls, attendance and exit-ticket services rely on, whatever stores them. */
export function describeLiveToolRepositoriesContract(
  engine: string,
  open: () => Promise<OpenedLiveToolRepositories>,
) {
  describe(`polls, attendance and exit-ticket repositories (${engine})`, () => {
    let store: OpenedLiveToolRepositories;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('keeps one answer per student per poll, replaced on a second answer, and lists a session’s polls only', async () => {
      await store.polls.insert(poll('p1'));
      await store.polls.insert(poll('p2', 's2'));
      await store.polls.putAnswer({
        pollId: 'p1' as PollId,
        userId: user('ann'),
        responses: [[0]],
        answeredAt: AT,
      });
      await store.polls.putAnswer({
        pollId: 'p1' as PollId,
        userId: user('ann'),
        responses: [[1]],
        answeredAt: AT,
      });
      await store.polls.putAnswer({
        pollId: 'p1' as PollId,
        userId: user('ben'),
        responses: [[0]],
        answeredAt: AT,
      });
      expect((await store.polls.listForSession('s1' as SessionId)).map((p) => p.id)).toEqual([
        'p1',
      ]);
      expect(
        (await store.polls.listAnswers('p1' as PollId)).map((a) => [a.userId, a.responses]),
      ).toEqual([
        ['ann', [[1]]],
        ['ben', [[0]]],
      ]);
      // An answer is not a poll, and a poll id is not an answer.
      expect(await store.polls.get('answer:p1:ann' as PollId)).toBeUndefined();
      const reopened = await store.reopen();
      store = reopened;
      expect((await reopened.polls.getAnswer('p1' as PollId, user('ann')))?.responses).toEqual([
        [1],
      ]);
      expect(
        (await reopened.polls.update('p1' as PollId, (p) => ({ ...p, state: 'revealed' })))?.state,
      ).toBe('revealed');
    });

    it('allows one open check-in window per session and one check-in per student', async () => {
      await store.attendance.insertWindow(window('w1'));
      await expect(store.attendance.insertWindow(window('w2'))).rejects.toBeInstanceOf(
        UniqueViolation,
      );
      await store.attendance.insertWindow(window('w3', 's2'));
      const checkIn = {
        windowId: 'w1' as AttendanceWindowId,
        userId: user('ann'),
        checkedInAt: AT,
        method: 'token' as const,
      };
      await store.attendance.insertCheckIn(checkIn);
      await expect(store.attendance.insertCheckIn(checkIn)).rejects.toBeInstanceOf(UniqueViolation);
      expect((await store.attendance.openWindowOf('s1' as SessionId))?.id).toBe('w1');
      await store.attendance.updateWindow('w1' as AttendanceWindowId, (w) => ({
        ...w,
        closedAt: AT,
      }));
      expect(await store.attendance.openWindowOf('s1' as SessionId)).toBeUndefined();
      await store.attendance.insertWindow(window('w4'));
      const reopened = await store.reopen();
      store = reopened;
      expect(
        (await reopened.attendance.listWindowsForSession('s1' as SessionId)).map((w) => w.id),
      ).toEqual(['w1', 'w4']);
      expect(
        (await reopened.attendance.listWindowsForCourse('c1' as CourseId)).map((w) => w.id),
      ).toEqual(['w1', 'w3', 'w4']);
      expect(
        (await reopened.attendance.listCheckIns('w1' as AttendanceWindowId)).map((c) => c.userId),
      ).toEqual(['ann']);
    });

    it('allows one open exit ticket per session and one answer per student, counted', async () => {
      const ticket = {
        kind: 'ticket' as const,
        id: 't1' as ExitTicketId,
        sessionId: 's1' as SessionId,
        hostId: user('teacher'),
        question: '?',
        createdAt: AT,
      };
      await store.exitTickets.insert(ticket);
      await expect(
        store.exitTickets.insert({ ...ticket, id: 't2' as ExitTicketId }),
      ).rejects.toBeInstanceOf(UniqueViolation);
      const answer = {
        ticketId: 't1' as ExitTicketId,
        userId: user('ann'),
        text: 'x',
        answeredAt: AT,
      };
      await store.exitTickets.insertAnswer(answer);
      await expect(store.exitTickets.insertAnswer(answer)).rejects.toBeInstanceOf(UniqueViolation);
      await store.exitTickets.insertAnswer({ ...answer, userId: user('ben') });
      expect(await store.exitTickets.countAnswers('t1' as ExitTicketId)).toBe(2);
      const reopened = await store.reopen();
      store = reopened;
      expect(
        (await reopened.exitTickets.listAnswers('t1' as ExitTicketId)).map((a) => a.userId),
      ).toEqual(['ann', 'ben']);
    });

    it('forgets a deleted session’s polls, windows, tickets and their answers, and nothing else', async () => {
      await store.polls.insert(poll('p1'));
      await store.polls.insert(poll('p2', 's2'));
      await store.polls.putAnswer({
        pollId: 'p1' as PollId,
        userId: user('ann'),
        responses: [[0]],
        answeredAt: AT,
      });
      await store.attendance.insertWindow(window('w1'));
      await store.attendance.insertCheckIn({
        windowId: 'w1' as AttendanceWindowId,
        userId: user('ann'),
        checkedInAt: AT,
        method: 'link',
      });
      await store.exitTickets.insert({
        kind: 'ticket',
        id: 't1' as ExitTicketId,
        sessionId: 's1' as SessionId,
        hostId: user('teacher'),
        question: '?',
        createdAt: AT,
      });
      expect(await store.polls.deleteForSession('s1' as SessionId)).toBe(2);
      expect(await store.attendance.deleteForSession('s1' as SessionId)).toBe(2);
      expect(await store.exitTickets.deleteForSession('s1' as SessionId)).toBe(1);
      const reopened = await store.reopen();
      store = reopened;
      expect(await reopened.polls.getAnswer('p1' as PollId, user('ann'))).toBeUndefined();
      expect((await reopened.polls.listForSession('s2' as SessionId)).map((p) => p.id)).toEqual([
        'p2',
      ]);
      expect(await reopened.attendance.listWindowsForCourse('c1' as CourseId)).toEqual([]);
      expect(await reopened.exitTickets.listForSession('s1' as SessionId)).toEqual([]);
    });
  });
}
