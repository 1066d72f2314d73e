import type { UserId } from '../../../../src-shared/ids';
import type { Hands, HandsChange } from '../../../../src-shared/schemas/class-tools/hands';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { DomainError } from '../../../domain-error';
import type { EventBus } from '../../../events/bus';
import type { UserRecord } from '../../../storage/records';
import { assertStudent, assertTeacher } from '../../access/class-access';
import { ACCESS_REPOSITORIES } from '../../access/ports';
import { sessionAccess } from '../../access/session-access';
import type { DomainDeps } from '../../deps';
import { toolRecord, toolRecordId } from '../tool-state';
import { handOf, handsView, HANDS_TOOL, type HandState } from './hand-views';
import { toSummary } from '../../accounts/views';
import { EVERY_MEMBER } from '../../chat/message-view';

/** The repositories HandService reads and writes (createHub hands it exactly these). */
export const HAND_REPOSITORIES = [...ACCESS_REPOSITORIES, 'classTools'] as const;

/** What a change says, before the hub adds the session and its count. */
type ChangeOf<K extends HandsChange['kind']> = Omit<
  Extract<HandsChange, { kind: K }>,
  'sessionId' | 'count'
>;
type AnyChange = ChangeOf<'raised'> | ChangeOf<'lowered'> | ChangeOf<'called'>;

/**
 * Raise hand in a live class. Each raised hand is one record keyed by its
 * student, so raising and lowering touch one small record however long the
 * queue. Every change is answered, and published once for the class, as the
 * change itself with the hub's count — never the rebuilt queue, which would
 * make a burst of 500 hands cost 500 × 500 look-ups.
 */
export class HandService {
  constructor(private readonly deps: DomainDeps<(typeof HAND_REPOSITORIES)[number]>) {}

  /**
   * A student who leaves the session, or loses its course (blocked, dropped,
   * removed), has their hand lowered, live, for everyone: the queue keeps
   * only hands that count, so the count after a change is just the records.
   */
  follow(bus: EventBus): void {
    bus.on('session.member-left', ({ member }) =>
      this.remove(member.sessionId, member.userId).then(() => undefined),
    );
    bus.on('enrolment.changed', ({ enrolment, course }) =>
      enrolment.status === 'active' ? undefined : this.lowerInCourse(enrolment.userId, course.id),
    );
    bus.on('enrolment.removed', ({ enrolment, course }) =>
      this.lowerInCourse(enrolment.userId, course.id),
    );
  }

  /** For everyone in the session and an admin looking in: fetched on opening and after a reconnect. */
  async hands(actor: UserRecord, sessionId: SessionId): Promise<Hands> {
    await sessionAccess(this.deps.storage, actor, sessionId);
    return handsView(this.deps.storage, sessionId);
  }

  /** Raising an already raised hand keeps its place in the queue (and tells nobody). */
  async raise(actor: UserRecord, sessionId: SessionId): Promise<HandsChange> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertStudent(access, 'raise a hand');
    const id = toolRecordId(sessionId, HANDS_TOOL, actor.id);
    const existing = await this.deps.storage.classTools.get(id);
    if (existing) return this.answer(sessionId, raisedChange(actor, handOf(existing)));
    const now = this.deps.now();
    const state: HandState = { studentId: actor.id, raisedAt: now.toISOString() };
    await this.deps.storage.classTools.put(toolRecord(sessionId, HANDS_TOOL, actor.id, state, now));
    return this.changed(sessionId, raisedChange(actor, state));
  }

  async lowerMine(actor: UserRecord, sessionId: SessionId): Promise<HandsChange> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertStudent(access, 'lower a hand');
    return this.remove(sessionId, actor.id);
  }

  /** One student at a time is called on: calling on another takes it from the one before. */
  async callOn(actor: UserRecord, sessionId: SessionId, studentId: UserId): Promise<HandsChange> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertTeacher(access, 'call on a student');
    const { classTools } = this.deps.storage;
    const id = toolRecordId(sessionId, HANDS_TOOL, studentId);
    if (!(await classTools.get(id)))
      throw new DomainError(
        'NOT_FOUND',
        'This student’s hand is not up any more (they may have lowered it).',
      );
    const now = this.deps.now();
    for (const record of await classTools.listForTool(sessionId, HANDS_TOOL)) {
      const hand = handOf(record);
      if (record.id === id || !hand.calledAt) continue;
      const { calledAt: _, ...rest } = hand;
      await classTools.update(record.id, (r) => ({
        ...r,
        state: rest,
        updatedAt: now.toISOString(),
      }));
    }
    await classTools.update(id, (r) => ({
      ...r,
      state: { ...handOf(r), calledAt: now.toISOString() },
      updatedAt: now.toISOString(),
    }));
    return this.changed(sessionId, { kind: 'called', studentId, calledAt: now.toISOString() });
  }

  /** Lowering a hand that is already down changes nothing and tells nobody. */
  async lower(actor: UserRecord, sessionId: SessionId, studentId: UserId): Promise<HandsChange> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertTeacher(access, 'lower a student’s hand');
    return this.remove(sessionId, studentId);
  }

  async lowerAll(actor: UserRecord, sessionId: SessionId): Promise<HandsChange> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertTeacher(access, 'lower every hand');
    const records = await this.deps.storage.classTools.listForTool(sessionId, HANDS_TOOL);
    for (const record of records) await this.deps.storage.classTools.delete(record.id);
    const change: AnyChange = {
      kind: 'lowered',
      studentIds: records.map((r) => handOf(r).studentId as UserId),
    };
    return records.length === 0 ? this.answer(sessionId, change) : this.changed(sessionId, change);
  }

  private async remove(sessionId: SessionId, studentId: UserId): Promise<HandsChange> {
    const removed = await this.deps.storage.classTools.delete(
      toolRecordId(sessionId, HANDS_TOOL, studentId),
    );
    const change: AnyChange = { kind: 'lowered', studentIds: [studentId] };
    return removed ? this.changed(sessionId, change) : this.answer(sessionId, change);
  }

  /** The student's hands in the course's sessions they are in (a few, not the class). */
  private async lowerInCourse(studentId: UserId, courseId: string): Promise<void> {
    for (const member of await this.deps.storage.sessionMembers.listForUser(studentId)) {
      const session = await this.deps.storage.sessions.get(member.sessionId);
      if (session?.courseId === courseId) await this.remove(member.sessionId, studentId);
    }
  }

  /** The change with the hub's count: the number of hands up, without building the queue. */
  private async answer(sessionId: SessionId, change: AnyChange): Promise<HandsChange> {
    const count = (await this.deps.storage.classTools.listForTool(sessionId, HANDS_TOOL)).length;
    return { ...change, sessionId, count } as HandsChange;
  }

  /** Tells the class what changed — one small packet, whatever the size of the class. */
  private async changed(sessionId: SessionId, change: AnyChange): Promise<HandsChange> {
    const answered = await this.answer(sessionId, change);
    this.deps.bus.publish('hands.changed', { change: answered });
    return answered;
  }
}

/** A raised hand as everyone in the class sees it (the same summary as the queue's). */
function raisedChange(student: UserRecord, hand: HandState): ChangeOf<'raised'> {
  return {
    kind: 'raised',
    hand: {
      student: toSummary(student, EVERY_MEMBER),
      raisedAt: hand.raisedAt,
      ...(hand.calledAt ? { calledAt: hand.calledAt } : {}),
    },
  };
}
