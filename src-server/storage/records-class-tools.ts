import type { UserId } from '../../src-shared/ids';
import type {
  AttendanceWindowId,
  CheckInMethod,
} from '../../src-shared/schemas/class-tools/attendance';
import type { ExitTicketId } from '../../src-shared/schemas/class-tools/exit-tickets';
import type {
  PollId,
  PollKind,
  PollQuestion,
  PollResponse,
  PollState,
} from '../../src-shared/schemas/class-tools/polls';
import type { CourseId } from '../../src-shared/schemas/courses';
import type { DeadlineId } from '../../src-shared/schemas/deadlines';
import type { SessionId } from '../../src-shared/schemas/sessions';

/**
 * The classroom live tools keep one collection per tool family (polls,
 * attendance, exit tickets). Each holds two kinds of record — the tool and
 * one record per student's answer — so an answer is a small write of its
 * own, never a rewrite of the whole poll with 500 answers in it.
 */

export interface PollRecord {
  readonly kind: 'poll';
  readonly id: PollId;
  readonly sessionId: SessionId;
  readonly hostId: UserId;
  readonly pollKind: PollKind;
  readonly title: string;
  readonly anonymous: boolean;
  readonly state: PollState;
  readonly questions: readonly PollQuestion[];
  readonly deadlineId?: DeadlineId;
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly createdAt: string;
}

export interface PollAnswerRecord {
  readonly kind: 'answer';
  /** `answer:${pollId}:${userId}`: one per student per poll. */
  readonly id: string;
  readonly pollId: PollId;
  readonly userId: UserId;
  readonly responses: readonly PollResponse[];
  readonly answeredAt: string;
}

export interface AttendanceWindowRecord {
  readonly kind: 'window';
  readonly id: AttendanceWindowId;
  readonly sessionId: SessionId;
  readonly courseId?: CourseId;
  readonly openedBy: UserId;
  readonly openedAt: string;
  readonly lateAfterMinutes: number;
  readonly closedAt?: string;
}

export interface CheckInRecord {
  readonly kind: 'check-in';
  /** `check-in:${windowId}:${userId}`: one per student per window. */
  readonly id: string;
  readonly windowId: AttendanceWindowId;
  readonly userId: UserId;
  readonly checkedInAt: string;
  readonly method: CheckInMethod;
}

export interface ExitTicketRecord {
  readonly kind: 'ticket';
  readonly id: ExitTicketId;
  readonly sessionId: SessionId;
  readonly hostId: UserId;
  readonly question: string;
  readonly createdAt: string;
  readonly closedAt?: string;
}

export interface ExitAnswerRecord {
  readonly kind: 'answer';
  /** `answer:${ticketId}:${userId}`: one per student per ticket. */
  readonly id: string;
  readonly ticketId: ExitTicketId;
  readonly userId: UserId;
  readonly text: string;
  readonly answeredAt: string;
}

/** Polls of a session and each student's answer; listing reads an index, never the collection. */
export interface PollsRepository {
  get(id: PollId): Promise<PollRecord | undefined>;
  /** Oldest first. */
  listForSession(sessionId: SessionId): Promise<PollRecord[]>;
  insert(poll: PollRecord): Promise<PollRecord>;
  update(id: PollId, change: (current: PollRecord) => PollRecord): Promise<PollRecord | undefined>;
  getAnswer(pollId: PollId, userId: UserId): Promise<PollAnswerRecord | undefined>;
  /** Inserts or replaces the student's answer. */
  putAnswer(answer: Omit<PollAnswerRecord, 'id' | 'kind'>): Promise<PollAnswerRecord>;
  /** Oldest first. */
  listAnswers(pollId: PollId): Promise<PollAnswerRecord[]>;
  /** A deleted session's polls and their answers; how many records went. */
  deleteForSession(sessionId: SessionId): Promise<number>;
}

/** Check-in windows and check-ins. At most one open window per session (a unique key). */
export interface AttendanceRepository {
  getWindow(id: AttendanceWindowId): Promise<AttendanceWindowRecord | undefined>;
  openWindowOf(sessionId: SessionId): Promise<AttendanceWindowRecord | undefined>;
  /** Oldest first. */
  listWindowsForSession(sessionId: SessionId): Promise<AttendanceWindowRecord[]>;
  listWindowsForCourse(courseId: CourseId): Promise<AttendanceWindowRecord[]>;
  /** Throws UniqueViolation when the session already has an open window. */
  insertWindow(window: AttendanceWindowRecord): Promise<AttendanceWindowRecord>;
  updateWindow(
    id: AttendanceWindowId,
    change: (current: AttendanceWindowRecord) => AttendanceWindowRecord,
  ): Promise<AttendanceWindowRecord | undefined>;
  getCheckIn(windowId: AttendanceWindowId, userId: UserId): Promise<CheckInRecord | undefined>;
  /** Throws UniqueViolation when the student has checked in to this window already. */
  insertCheckIn(checkIn: Omit<CheckInRecord, 'id' | 'kind'>): Promise<CheckInRecord>;
  listCheckIns(windowId: AttendanceWindowId): Promise<CheckInRecord[]>;
  /** A deleted session's windows and their check-ins; how many records went. */
  deleteForSession(sessionId: SessionId): Promise<number>;
}

/** Exit tickets and their answers. At most one open ticket per session (a unique key). */
export interface ExitTicketsRepository {
  get(id: ExitTicketId): Promise<ExitTicketRecord | undefined>;
  /** Oldest first. */
  listForSession(sessionId: SessionId): Promise<ExitTicketRecord[]>;
  /** Throws UniqueViolation when the session already has an open ticket. */
  insert(ticket: ExitTicketRecord): Promise<ExitTicketRecord>;
  update(
    id: ExitTicketId,
    change: (current: ExitTicketRecord) => ExitTicketRecord,
  ): Promise<ExitTicketRecord | undefined>;
  getAnswer(ticketId: ExitTicketId, userId: UserId): Promise<ExitAnswerRecord | undefined>;
  /** Throws UniqueViolation when the student has answered already. */
  insertAnswer(answer: Omit<ExitAnswerRecord, 'id' | 'kind'>): Promise<ExitAnswerRecord>;
  listAnswers(ticketId: ExitTicketId): Promise<ExitAnswerRecord[]>;
  countAnswers(ticketId: ExitTicketId): Promise<number>;
  /** A deleted session's tickets and their answers; how many records went. */
  deleteForSession(sessionId: SessionId): Promise<number>;
}
