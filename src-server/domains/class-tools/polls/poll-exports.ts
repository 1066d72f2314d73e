import { randomUUID } from 'node:crypto';
import type {
  Poll,
  PollId,
  PollResponder,
  PollResponse,
} from '../../../../src-shared/schemas/class-tools/polls';
import { scoreOf } from '../../../../src-shared/schemas/class-tools/polls';
import type { DeadlineId } from '../../../../src-shared/schemas/deadlines';
import { DomainError } from '../../../domain-error';
import type { UserRecord } from '../../../storage/records';
import type { PollAnswerRecord, PollRecord } from '../../../storage/records-class-tools';
import { assertReadsAll, assertRunsClass } from '../../access/class-tools-access';
import { formerMember, toSummary } from '../../accounts/views';
import { csvRow } from '../../courses/csv';
import type { DomainDeps } from '../../deps';
import type { FileReply } from '../../file-reply';
import { POLL_REPOSITORIES, type PollService } from './poll-service';

export const POLL_EXPORT_REPOSITORIES = [...POLL_REPOSITORIES, 'grades'] as const;
type Deps = DomainDeps<(typeof POLL_EXPORT_REPOSITORIES)[number]>;

/** What leaves a poll: who answered what, the CSV, and a quiz's scores as a gradebook assignment. */
export class PollExports {
  constructor(
    private readonly deps: Deps,
    private readonly polls: PollService,
  ) {}

  async responders(actor: UserRecord, pollId: PollId): Promise<PollResponder[]> {
    const { poll, access } = await this.polls.load(actor, pollId);
    assertReadsAll(access, 'who answered what');
    if (poll.anonymous)
      throw new DomainError(
        'FORBIDDEN',
        `“${poll.title}” is anonymous: nobody sees who answered what.`,
      );
    const answers = await this.deps.storage.polls.listAnswers(poll.id);
    return Promise.all(
      answers.map(async (answer) => ({
        student: toSummary(await this.userOf(answer), actor),
        responses: [...answer.responses],
        score: poll.pollKind === 'quiz' ? scoreOf(poll.questions, answer.responses) : null,
        answeredAt: answer.answeredAt,
      })),
    );
  }

  /** A row per answer. Anonymous: no names, and sorted by the answers so the order gives no one away. */
  async csv(actor: UserRecord, pollId: PollId): Promise<FileReply> {
    const { poll, access } = await this.polls.load(actor, pollId);
    assertReadsAll(access, 'the results');
    const answers = await this.deps.storage.polls.listAnswers(poll.id);
    const prompts = poll.questions.map((q, i) => `Q${i + 1} ${q.prompt}`);
    const quiz = poll.pollKind === 'quiz';
    const lines: string[][] = [
      [
        ...(poll.anonymous ? [] : ['last name', 'first name', 'username', 'answered at']),
        ...prompts,
        ...(quiz ? [`score (/${poll.questions.length})`] : []),
      ],
    ];
    const rows: string[][] = [];
    for (const answer of answers) {
      const cells = answer.responses.map((r, i) => responseText(poll, i, r));
      const score = quiz ? [String(scoreOf(poll.questions, answer.responses))] : [];
      if (poll.anonymous) rows.push([...cells, ...score]);
      else {
        const user = await this.userOf(answer);
        rows.push([
          user.lastName,
          user.firstName,
          user.username,
          answer.answeredAt,
          ...cells,
          ...score,
        ]);
      }
    }
    if (poll.anonymous) rows.sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
    else rows.sort((a, b) => a[0]!.localeCompare(b[0]!) || a[1]!.localeCompare(b[1]!));
    const text = [...lines, ...rows].map(csvRow).join('\r\n') + '\r\n';
    return {
      kind: 'stream',
      contentType: 'text/csv; charset=utf-8',
      fileName: `${fileSafe(poll.title)}-results.csv`,
      open: () => text,
    };
  }

  /**
   * A revealed quiz of a course's session becomes an assignment due when
   * the quiz closed, worth one point per question, graded for every student
   * who answered; those who did not show as missing, as any assignment.
   */
  async toGradebook(actor: UserRecord, pollId: PollId, title: string | undefined): Promise<Poll> {
    const { poll, access } = await this.polls.load(actor, pollId);
    await assertRunsClass(this.deps.storage, access, 'quizzes');
    if (poll.pollKind !== 'quiz')
      throw new DomainError('CONFLICT', 'Only a quiz has scores to put in the gradebook.');
    if (poll.state !== 'revealed')
      throw new DomainError(
        'CONFLICT',
        'Reveal the quiz first, so students see the scores they get.',
      );
    if (poll.deadlineId)
      throw new DomainError('CONFLICT', `“${poll.title}” is in the gradebook already.`);
    const courseId = access.session.courseId;
    const course = courseId ? await this.deps.storage.courses.get(courseId) : undefined;
    if (!course)
      throw new DomainError(
        'CONFLICT',
        'This session belongs to no course, so there is no gradebook to put the scores in.',
      );
    const now = this.deps.now().toISOString();
    const deadline = await this.deps.storage.deadlines.insert({
      id: randomUUID() as DeadlineId,
      courseId: course.id,
      title: title ?? poll.title,
      description: `Quiz “${poll.title}” in the session “${access.session.title}”.`,
      dueAt: poll.closedAt ?? now,
      maxPoints: poll.questions.length,
      acceptLate: false,
      materials: [],
      createdAt: now,
      updatedAt: now,
    });
    const marked = await this.deps.storage.polls.update(poll.id, (p) => ({
      ...p,
      deadlineId: deadline.id,
    }));
    this.deps.bus.publish('deadline.created', { deadline, course, actorId: actor.id });
    for (const answer of await this.deps.storage.polls.listAnswers(poll.id)) {
      const enrolment = await this.deps.storage.enrolments.get(course.id, answer.userId);
      if (enrolment?.status !== 'active') continue;
      const grade = await this.deps.storage.grades.put({
        id: `${deadline.id}:${answer.userId}`,
        deadlineId: deadline.id,
        courseId: course.id,
        studentId: answer.userId,
        points: scoreOf(poll.questions, answer.responses),
        feedback: '',
        graderId: actor.id,
        gradedAt: now,
      });
      this.deps.bus.publish('grade.released', { grade, deadline, course, actorId: actor.id });
    }
    return this.polls.get(actor, (marked ?? poll).id);
  }

  private async userOf(answer: PollAnswerRecord): Promise<UserRecord> {
    return (await this.deps.storage.users.get(answer.userId)) ?? formerMember(answer.userId);
  }
}

function responseText(poll: PollRecord, question: number, response: PollResponse): string {
  if (typeof response === 'string') return response;
  const options = poll.questions[question]?.options ?? [];
  return response.map((o) => options[o] ?? `#${o}`).join('; ');
}

function fileSafe(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'poll'
  );
}
