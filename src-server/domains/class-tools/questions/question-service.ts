import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  moderateQuestionRequestSchema,
  Question,
  QuestionId,
} from '../../../../src-shared/schemas/class-tools/questions';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { DomainError } from '../../../domain-error';
import type { ClassToolRecord, UserRecord } from '../../../storage/records';
import { assertStudent, assertTeacher, classRoleOf } from '../../access/class-access';
import { ACCESS_REPOSITORIES } from '../../access/ports';
import { sessionAccess } from '../../access/session-access';
import type { DomainDeps } from '../../deps';
import { toolRecord, toolRecordId } from '../tool-state';
import {
  byPriority,
  classQuestion,
  questionOf,
  questionView,
  QUESTIONS_TOOL,
  type QuestionState,
} from './question-views';

/** The repositories QuestionService reads and writes (createHub hands it exactly these). */
export const QUESTION_REPOSITORIES = [...ACCESS_REPOSITORIES, 'classTools'] as const;

type Moderation = z.output<typeof moderateQuestionRequestSchema>;

/** More open questions than a class can read is a flood, not a class: the hub says so. */
const MAX_QUESTIONS_PER_STUDENT = 20;

/**
 * Anonymous questions in a live class. Students ask and upvote (once each);
 * the teacher answers, pins and dismisses; an admin reads everything, the
 * authors included, and changes nothing. Each question is one record.
 */
export class QuestionService {
  constructor(private readonly deps: DomainDeps<(typeof QUESTION_REPOSITORIES)[number]>) {}

  /** Students do not see dismissed questions; the teacher and an admin see them all. */
  async list(actor: UserRecord, sessionId: SessionId): Promise<{ items: Question[] }> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    const student = classRoleOf(access) === 'student';
    const records = (await this.deps.storage.classTools.listForTool(sessionId, QUESTIONS_TOOL))
      .filter((r) => !student || questionOf(r).status !== 'dismissed')
      .sort((a, b) => byPriority(classQuestion(a), classQuestion(b)));
    return {
      items: await Promise.all(records.map((r) => questionView(this.deps.storage, r, actor))),
    };
  }

  async ask(actor: UserRecord, sessionId: SessionId, text: string): Promise<Question> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertStudent(access, 'ask questions');
    const mine = (await this.deps.storage.classTools.listForTool(sessionId, QUESTIONS_TOOL))
      .map(questionOf)
      .filter((q) => q.authorId === actor.id && q.status === 'open');
    if (mine.length >= MAX_QUESTIONS_PER_STUDENT)
      throw new DomainError(
        'CONFLICT',
        `You have ${MAX_QUESTIONS_PER_STUDENT} questions waiting already. Wait for the teacher to answer some.`,
      );
    const now = this.deps.now();
    const questionId = randomUUID() as QuestionId;
    const state: QuestionState = {
      questionId,
      authorId: actor.id,
      text,
      upvoterIds: [],
      status: 'open',
      pinned: false,
      answer: null,
      createdAt: now.toISOString(),
    };
    const record = await this.deps.storage.classTools.put(
      toolRecord(sessionId, QUESTIONS_TOOL, questionId, state, now),
    );
    return this.changed(record, actor);
  }

  /** Once per person, never your own; the count is kept on the hub, the voters never leave it. */
  async upvote(actor: UserRecord, sessionId: SessionId, questionId: QuestionId): Promise<Question> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertStudent(access, 'upvote questions');
    const current = questionOf(await this.record(sessionId, questionId, true));
    if (current.authorId === actor.id)
      throw new DomainError('CONFLICT', 'This is your own question: classmates upvote it.');
    if (current.upvoterIds.includes(actor.id))
      throw new DomainError('CONFLICT', 'You have upvoted this question already.');
    // Checked again inside the one-step change: two clicks at once still count once.
    const record = await this.deps.storage.classTools.update(
      toolRecordId(sessionId, QUESTIONS_TOOL, questionId),
      (r) => {
        const q = questionOf(r);
        if (q.upvoterIds.includes(actor.id)) return r;
        return { ...r, state: { ...q, upvoterIds: [...q.upvoterIds, actor.id] } };
      },
    );
    if (!record) throw this.gone();
    return this.changed(record, actor);
  }

  async moderate(
    actor: UserRecord,
    sessionId: SessionId,
    questionId: QuestionId,
    change: Moderation,
  ): Promise<Question> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertTeacher(access, 'answer, pin or dismiss questions');
    await this.record(sessionId, questionId, false);
    const now = this.deps.now().toISOString();
    const record = await this.deps.storage.classTools.update(
      toolRecordId(sessionId, QUESTIONS_TOOL, questionId),
      (r) => ({ ...r, state: moderated(questionOf(r), change, now), updatedAt: now }),
    );
    if (!record) throw this.gone();
    return this.changed(record, actor);
  }

  /** A student never learns of a dismissed question by its id: it is gone for them. */
  private async record(
    sessionId: SessionId,
    questionId: QuestionId,
    forStudent: boolean,
  ): Promise<ClassToolRecord> {
    const record = await this.deps.storage.classTools.get(
      toolRecordId(sessionId, QUESTIONS_TOOL, questionId),
    );
    if (!record || (forStudent && questionOf(record).status === 'dismissed')) throw this.gone();
    return record;
  }

  private gone(): DomainError {
    return new DomainError(
      'NOT_FOUND',
      'This question is not in the class any more (the teacher may have dismissed it).',
    );
  }

  private async changed(record: ClassToolRecord, actor: UserRecord): Promise<Question> {
    this.deps.bus.publish('question.changed', { question: classQuestion(record) });
    return questionView(this.deps.storage, record, actor);
  }
}

/** Answering marks it answered; dismissing hides it from students (and unpins it); bringing it back reopens it. */
function moderated(q: QuestionState, change: Moderation, now: string): QuestionState {
  let next: QuestionState = { ...q };
  if (change.answer !== undefined)
    next = { ...next, answer: change.answer, answeredAt: now, status: 'answered' };
  if (change.pinned !== undefined) next = { ...next, pinned: change.pinned };
  if (change.dismissed === true) next = { ...next, status: 'dismissed', pinned: false };
  if (change.dismissed === false && next.status === 'dismissed')
    next = { ...next, status: next.answer === null ? 'open' : 'answered' };
  return next;
}
