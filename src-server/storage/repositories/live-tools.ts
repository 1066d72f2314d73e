import type { UserId } from '../../../src-shared/ids';
import type { AttendanceWindowId } from '../../../src-shared/schemas/class-tools/attendance';
import type { ExitTicketId } from '../../../src-shared/schemas/class-tools/exit-tickets';
import type { PollId } from '../../../src-shared/schemas/class-tools/polls';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import {
  attendanceCollectionSchema,
  exitTicketsCollectionSchema,
  pollsCollectionSchema,
} from '../record-schemas-class-tools';
import type {
  AttendanceRepository,
  AttendanceWindowRecord,
  CheckInRecord,
  ExitAnswerRecord,
  ExitTicketRecord,
  ExitTicketsRepository,
  PollAnswerRecord,
  PollRecord,
  PollsRepository,
} from '../records-class-tools';
import type { DocumentCollection } from '../document-collection';

type PollsDoc = PollRecord | PollAnswerRecord;
type AttendanceDoc = AttendanceWindowRecord | CheckInRecord;
type ExitTicketsDoc = ExitTicketRecord | ExitAnswerRecord;

export const pollsCollectionOptions = {
  name: 'polls',
  schema: pollsCollectionSchema,
  indexes: {
    session: (r: PollsDoc) => (r.kind === 'poll' ? r.sessionId : undefined),
    poll: (r: PollsDoc) => (r.kind === 'answer' ? r.pollId : undefined),
  },
};

const pollAnswerId = (pollId: string, userId: string) => `answer:${pollId}:${userId}`;
const asPoll = (r: PollsDoc | undefined) => (r?.kind === 'poll' ? r : undefined);

export class DocumentPollsRepository implements PollsRepository {
  constructor(private readonly docs: DocumentCollection<PollsDoc>) {}
  async get(id: PollId) {
    return asPoll(await this.docs.get(id));
  }
  async listForSession(sessionId: SessionId) {
    return (await this.docs.listByIndex('session', sessionId)) as PollRecord[];
  }
  async insert(poll: PollRecord) {
    return (await this.docs.insert(poll)) as PollRecord;
  }
  async update(id: PollId, change: (current: PollRecord) => PollRecord) {
    if (!asPoll(await this.docs.get(id))) return undefined;
    return (await this.docs.update(id, (current) => change(current as PollRecord))) as
      PollRecord | undefined;
  }
  async getAnswer(pollId: PollId, userId: UserId) {
    const doc = await this.docs.get(pollAnswerId(pollId, userId));
    return doc?.kind === 'answer' ? doc : undefined;
  }
  async putAnswer(answer: Omit<PollAnswerRecord, 'id' | 'kind'>) {
    const record: PollAnswerRecord = {
      kind: 'answer',
      id: pollAnswerId(answer.pollId, answer.userId),
      ...answer,
    };
    // One atomic step on both engines: two answers at once never both insert.
    return (await this.docs.upsert(record.id, () => record)) as PollAnswerRecord;
  }
  async listAnswers(pollId: PollId) {
    return (await this.docs.listByIndex('poll', pollId)) as PollAnswerRecord[];
  }
  async deleteForSession(sessionId: SessionId) {
    const polls = await this.docs.listByIndex('session', sessionId);
    const answers: { id: string }[] = [];
    for (const p of polls) answers.push(...(await this.docs.listByIndex('poll', p.id)));
    return this.docs.deleteMany([...answers, ...polls].map((r) => r.id));
  }
}

export const attendanceCollectionOptions = {
  name: 'attendance',
  schema: attendanceCollectionSchema,
  unique: {
    openWindow: (r: AttendanceDoc) =>
      r.kind === 'window' && r.closedAt === undefined ? r.sessionId : undefined,
  },
  indexes: {
    session: (r: AttendanceDoc) => (r.kind === 'window' ? r.sessionId : undefined),
    course: (r: AttendanceDoc) => (r.kind === 'window' ? r.courseId : undefined),
    window: (r: AttendanceDoc) => (r.kind === 'check-in' ? r.windowId : undefined),
  },
};

const checkInId = (windowId: string, userId: string) => `check-in:${windowId}:${userId}`;
const asWindow = (r: AttendanceDoc | undefined) => (r?.kind === 'window' ? r : undefined);

export class DocumentAttendanceRepository implements AttendanceRepository {
  constructor(private readonly docs: DocumentCollection<AttendanceDoc>) {}
  async getWindow(id: AttendanceWindowId) {
    return asWindow(await this.docs.get(id));
  }
  async openWindowOf(sessionId: SessionId) {
    return asWindow(await this.docs.getByUnique('openWindow', sessionId));
  }
  async listWindowsForSession(sessionId: SessionId) {
    return (await this.docs.listByIndex('session', sessionId)) as AttendanceWindowRecord[];
  }
  async listWindowsForCourse(courseId: CourseId) {
    return (await this.docs.listByIndex('course', courseId)) as AttendanceWindowRecord[];
  }
  async insertWindow(window: AttendanceWindowRecord) {
    return (await this.docs.insert(window)) as AttendanceWindowRecord;
  }
  async updateWindow(
    id: AttendanceWindowId,
    change: (current: AttendanceWindowRecord) => AttendanceWindowRecord,
  ) {
    if (!asWindow(await this.docs.get(id))) return undefined;
    return (await this.docs.update(id, (current) => change(current as AttendanceWindowRecord))) as
      AttendanceWindowRecord | undefined;
  }
  async getCheckIn(windowId: AttendanceWindowId, userId: UserId) {
    const doc = await this.docs.get(checkInId(windowId, userId));
    return doc?.kind === 'check-in' ? doc : undefined;
  }
  async insertCheckIn(checkIn: Omit<CheckInRecord, 'id' | 'kind'>) {
    const record: CheckInRecord = {
      kind: 'check-in',
      id: checkInId(checkIn.windowId, checkIn.userId),
      ...checkIn,
    };
    return (await this.docs.insert(record)) as CheckInRecord;
  }
  async listCheckIns(windowId: AttendanceWindowId) {
    return (await this.docs.listByIndex('window', windowId)) as CheckInRecord[];
  }
  async deleteForSession(sessionId: SessionId) {
    const windows = await this.docs.listByIndex('session', sessionId);
    const checkIns: { id: string }[] = [];
    for (const w of windows) checkIns.push(...(await this.docs.listByIndex('window', w.id)));
    return this.docs.deleteMany([...checkIns, ...windows].map((r) => r.id));
  }
}

export const exitTicketsCollectionOptions = {
  name: 'exit-tickets',
  schema: exitTicketsCollectionSchema,
  unique: {
    openTicket: (r: ExitTicketsDoc) =>
      r.kind === 'ticket' && r.closedAt === undefined ? r.sessionId : undefined,
  },
  indexes: {
    session: (r: ExitTicketsDoc) => (r.kind === 'ticket' ? r.sessionId : undefined),
    ticket: (r: ExitTicketsDoc) => (r.kind === 'answer' ? r.ticketId : undefined),
  },
};

const exitAnswerId = (ticketId: string, userId: string) => `answer:${ticketId}:${userId}`;
const asTicket = (r: ExitTicketsDoc | undefined) => (r?.kind === 'ticket' ? r : undefined);

export class DocumentExitTicketsRepository implements ExitTicketsRepository {
  constructor(private readonly docs: DocumentCollection<ExitTicketsDoc>) {}
  async get(id: ExitTicketId) {
    return asTicket(await this.docs.get(id));
  }
  async listForSession(sessionId: SessionId) {
    return (await this.docs.listByIndex('session', sessionId)) as ExitTicketRecord[];
  }
  async insert(ticket: ExitTicketRecord) {
    return (await this.docs.insert(ticket)) as ExitTicketRecord;
  }
  async update(id: ExitTicketId, change: (current: ExitTicketRecord) => ExitTicketRecord) {
    if (!asTicket(await this.docs.get(id))) return undefined;
    return (await this.docs.update(id, (current) => change(current as ExitTicketRecord))) as
      ExitTicketRecord | undefined;
  }
  async getAnswer(ticketId: ExitTicketId, userId: UserId) {
    const doc = await this.docs.get(exitAnswerId(ticketId, userId));
    return doc?.kind === 'answer' ? doc : undefined;
  }
  async insertAnswer(answer: Omit<ExitAnswerRecord, 'id' | 'kind'>) {
    const record: ExitAnswerRecord = {
      kind: 'answer',
      id: exitAnswerId(answer.ticketId, answer.userId),
      ...answer,
    };
    return (await this.docs.insert(record)) as ExitAnswerRecord;
  }
  async listAnswers(ticketId: ExitTicketId) {
    return (await this.docs.listByIndex('ticket', ticketId)) as ExitAnswerRecord[];
  }
  async countAnswers(ticketId: ExitTicketId) {
    return await this.docs.countByIndex('ticket', ticketId);
  }
  async deleteForSession(sessionId: SessionId) {
    const tickets = await this.docs.listByIndex('session', sessionId);
    const answers: { id: string }[] = [];
    for (const t of tickets) answers.push(...(await this.docs.listByIndex('ticket', t.id)));
    return this.docs.deleteMany([...answers, ...tickets].map((r) => r.id));
  }
}
