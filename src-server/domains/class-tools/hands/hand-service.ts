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
import { handOf, handsView, HANDS_TOOL } from './hand-views';

/** The repositories HandService reads and writes (createHub hands it exactly these). */
export const HAND_REPOSITORIES = [...ACCESS_REPOSITORIES, 'classTools'] as const;

/**
 * Raise hand in a live class. Each raised hand is one record keyed by its
 * student, so raising and lowering touch one small record however long the
 * queue; every change publishes the whole queue once for the class.
 */
export class HandService {
  constructor(private readonly deps: DomainDeps<(typeof HAND_REPOSITORIES)[number]>) {}

  /** A student who leaves or is removed from the session has their hand lowered, live, for everyone. */
  follow(bus: EventBus): void {
    bus.on('session.member-left', ({ member }) =>
      this.remove(member.sessionId, member.userId).then(() => undefined),
    );
  }

  /** For everyone in the session and an admin looking in: fetched on opening and after a reconnect. */
  async hands(actor: UserRecord, sessionId: SessionId): Promise<Hands> {
    await sessionAccess(this.deps.storage, actor, sessionId);
    return handsView(this.deps.storage, sessionId);
  }

  /** Raising an already raised hand keeps its place in the queue. */
  async raise(actor: UserRecord, sessionId: SessionId): Promise<Hands> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertStudent(access, 'raise a hand');
    const id = toolRecordId(sessionId, HANDS_TOOL, actor.id);
    if (await this.deps.storage.classTools.get(id)) return this.hands(actor, sessionId);
    const now = this.deps.now();
    await this.deps.storage.classTools.put(
      toolRecord(
        sessionId,
        HANDS_TOOL,
        actor.id,
        {
          studentId: actor.id,
          raisedAt: now.toISOString(),
        },
        now,
      ),
    );
    return this.changed(sessionId, (hands) => {
      const hand = hands.queue.find((h) => h.student.id === actor.id);
      return hand ? { kind: 'raised', hand } : undefined;
    });
  }

  async lowerMine(actor: UserRecord, sessionId: SessionId): Promise<Hands> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertStudent(access, 'lower a hand');
    return this.remove(sessionId, actor.id);
  }

  /** One student at a time is called on: calling on another takes it from the one before. */
  async callOn(actor: UserRecord, sessionId: SessionId, studentId: UserId): Promise<Hands> {
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
    return this.changed(sessionId, () => ({
      kind: 'called',
      studentId,
      calledAt: now.toISOString(),
    }));
  }

  /** Lowering a hand that is already down changes nothing and answers the queue. */
  async lower(actor: UserRecord, sessionId: SessionId, studentId: UserId): Promise<Hands> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertTeacher(access, 'lower a student’s hand');
    return this.remove(sessionId, studentId);
  }

  async lowerAll(actor: UserRecord, sessionId: SessionId): Promise<Hands> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertTeacher(access, 'lower every hand');
    const records = await this.deps.storage.classTools.listForTool(sessionId, HANDS_TOOL);
    if (records.length === 0) return handsView(this.deps.storage, sessionId);
    for (const record of records) await this.deps.storage.classTools.delete(record.id);
    const studentIds = records.map((r) => handOf(r).studentId as UserId);
    return this.changed(sessionId, () => ({ kind: 'lowered', studentIds }));
  }

  private async remove(sessionId: SessionId, studentId: UserId): Promise<Hands> {
    const removed = await this.deps.storage.classTools.delete(
      toolRecordId(sessionId, HANDS_TOOL, studentId),
    );
    if (!removed) return handsView(this.deps.storage, sessionId);
    return this.changed(sessionId, () => ({ kind: 'lowered', studentIds: [studentId] }));
  }

  /**
   * Tells the class what changed — one small packet, whatever the size of
   * the class — with the hub's count, and answers the whole queue to the caller.
   */
  private async changed(
    sessionId: SessionId,
    describe: (hands: Hands) => DistributiveOmit<HandsChange, 'sessionId' | 'count'> | undefined,
  ): Promise<Hands> {
    const hands = await handsView(this.deps.storage, sessionId);
    const change = describe(hands);
    if (change)
      this.deps.bus.publish('hands.changed', {
        change: { ...change, sessionId, count: hands.queue.length } as HandsChange,
      });
    return hands;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
