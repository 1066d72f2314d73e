import { randomUUID } from 'node:crypto';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { z } from 'zod';
import type {
  createPollRequestSchema,
  Poll,
  PollId,
  PollResponse,
  PollResults,
  PollState,
} from '../../../../src-shared/schemas/class-tools/polls';
import { responseProblem } from '../../../../src-shared/schemas/class-tools/polls';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { DomainError, fieldError } from '../../../domain-error';
import type { UserRecord } from '../../../storage/records';
import type { PollRecord } from '../../../storage/records-class-tools';
import {
  assertRunsClass,
  assertTakesPart,
  classToolsAccess,
  type ClassToolsAccess,
} from '../../access/class-tools-access';
import { ACCESS_REPOSITORIES } from '../../access/ports';
import type { DomainDeps } from '../../deps';
import { checkedQuestions } from './poll-questions';
import { countResults } from './poll-results';
import { ROOM_VIEWER, toPoll } from './poll-views';

type CreatePoll = z.output<typeof createPollRequestSchema>;

export const POLL_REPOSITORIES = [...ACCESS_REPOSITORIES, 'polls', 'coordination'] as const;
export type PollDeps = DomainDeps<(typeof POLL_REPOSITORIES)[number]>;

/** Which state each step leaves from, and the message when it cannot. */
const STEPS: Record<'open' | 'close' | 'reveal', { from: PollState[]; to: PollState }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  reveal: { from: ['open', 'closed'], to: 'revealed' },
};

/**
 * Per person, over REST and the socket together and on every hub node (the
 * coordination's limiter): a student changing their answer is a few writes;
 * a script looping is refused.
 */
export const ANSWER_LIMIT = {
  keyPrefix: 'poll-answers',
  points: 20,
  duration: 10,
  hotPath: true,
} as const;

/** Polls and quick quizzes of a session: the host writes and runs them, members answer. */
export class PollService {
  private readonly answers: RateLimiterAbstract;

  constructor(private readonly deps: PollDeps) {
    this.answers = deps.storage.coordination.limiter(ANSWER_LIMIT);
  }

  async list(actor: UserRecord, sessionId: SessionId): Promise<Poll[]> {
    const access = await classToolsAccess(this.deps.storage, actor, sessionId);
    const polls = (await this.deps.storage.polls.listForSession(sessionId))
      .filter((p) => access.readsAll || p.state !== 'draft')
      .reverse();
    return Promise.all(polls.map((poll) => this.view(actor, access, poll)));
  }

  async create(actor: UserRecord, sessionId: SessionId, input: CreatePoll): Promise<Poll> {
    const access = await classToolsAccess(this.deps.storage, actor, sessionId);
    await assertRunsClass(this.deps.storage, access, 'polls and quizzes');
    if (input.kind === 'quiz' && input.anonymous)
      throw fieldError(
        'anonymous',
        'A quiz gives each student a score, so it cannot be anonymous.',
      );
    const poll = await this.deps.storage.polls.insert({
      kind: 'poll',
      id: randomUUID() as PollId,
      sessionId,
      hostId: actor.id,
      pollKind: input.kind,
      title: input.title,
      anonymous: input.anonymous,
      state: 'draft',
      questions: checkedQuestions(input.kind, input.questions),
      createdAt: this.deps.now().toISOString(),
    });
    return this.view(actor, access, poll);
  }

  async get(actor: UserRecord, pollId: PollId): Promise<Poll> {
    const { poll, access } = await this.load(actor, pollId);
    return this.view(actor, access, poll);
  }

  async step(actor: UserRecord, pollId: PollId, step: keyof typeof STEPS): Promise<Poll> {
    const { poll, access } = await this.load(actor, pollId);
    await assertRunsClass(this.deps.storage, access, 'polls and quizzes');
    const { from, to } = STEPS[step];
    if (!from.includes(poll.state))
      throw new DomainError('CONFLICT', `“${poll.title}” is ${poll.state}; it cannot ${step} now.`);
    const now = this.deps.now().toISOString();
    const updated = await this.deps.storage.polls.update(poll.id, (p) => ({
      ...p,
      state: to,
      ...(to === 'open' ? { openedAt: now } : {}),
      ...(to !== 'open' && !p.closedAt ? { closedAt: now } : {}),
    }));
    if (!updated) throw gone();
    this.deps.bus.publish('poll.changed', { poll: updated, actorId: actor.id });
    return this.view(actor, access, updated);
  }

  /** Stored before it resolves; answering again while the poll is open replaces the answer. */
  async answer(actor: UserRecord, pollId: PollId, responses: PollResponse[]): Promise<Poll> {
    // Counted (a round trip on PostgreSQL) beside the poll's look-up, not before it:
    // 500 students answering at once wait for the slower of the two, not their sum.
    const [, { poll, access }] = await Promise.all([
      this.answers.consume(actor.id).catch((result: RateLimiterRes | Error) => {
        throw answeringTooFast(result);
      }),
      this.load(actor, pollId),
    ]);
    await assertTakesPart(this.deps.storage, access);
    if (poll.state !== 'open')
      throw new DomainError(
        'CONFLICT',
        poll.state === 'draft'
          ? `“${poll.title}” is not open yet.`
          : `“${poll.title}” is closed: answers are no longer taken.`,
      );
    const problem = responseProblem(poll.questions, responses);
    if (problem) throw fieldError('responses', problem);
    const answer = await this.deps.storage.polls.putAnswer({
      pollId: poll.id,
      userId: actor.id,
      responses,
      answeredAt: this.deps.now().toISOString(),
    });
    this.deps.bus.publish('poll.answered', { poll, userId: actor.id });
    return toPoll(poll, { readsAll: false, answer }, undefined);
  }

  /** The counts as they stand (delivery coalesces calls while answers pour in). */
  async results(poll: PollRecord): Promise<PollResults> {
    return countResults(poll, await this.deps.storage.polls.listAnswers(poll.id));
  }

  /** The view every socket in the session room gets: the same packet for all. */
  async roomView(poll: PollRecord): Promise<Poll> {
    const results = poll.state === 'revealed' ? await this.results(poll) : undefined;
    return toPoll(poll, ROOM_VIEWER, results);
  }

  async load(
    actor: UserRecord,
    pollId: PollId,
  ): Promise<{ poll: PollRecord; access: ClassToolsAccess }> {
    const poll = await this.deps.storage.polls.get(pollId);
    if (!poll) throw gone();
    const access = await classToolsAccess(this.deps.storage, actor, poll.sessionId);
    // A draft is the host's: to anyone else it does not exist yet.
    if (poll.state === 'draft' && !access.readsAll) throw gone();
    return { poll, access };
  }

  private async view(actor: UserRecord, access: ClassToolsAccess, poll: PollRecord): Promise<Poll> {
    const answer = access.membership
      ? await this.deps.storage.polls.getAnswer(poll.id, actor.id)
      : undefined;
    const showResults = access.readsAll || poll.state === 'revealed';
    const results = showResults ? await this.results(poll) : undefined;
    return toPoll(poll, { readsAll: access.readsAll, answer }, results);
  }
}

const gone = () =>
  new DomainError('NOT_FOUND', 'This poll does not exist (it may have been deleted).');

/** The limit is one, whichever way the answers come (the routes and `poll:answer` both end here). */
function answeringTooFast(result: RateLimiterRes | Error): Error {
  if (result instanceof Error) return result;
  const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  return new DomainError(
    'TOO_MANY_REQUESTS',
    `You are answering too fast. Wait ${seconds} second${seconds === 1 ? '' : 's'} and send your answer again.`,
    { retryAfterSeconds: seconds },
  );
}
