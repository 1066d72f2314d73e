import type {
  PollKind,
  PollQuestion,
  PollQuestionInput,
} from '../../../../src-shared/schemas/class-tools/polls';
import { fieldError } from '../../../domain-error';

/**
 * A poll's questions as they will be stored, or a field error a teacher can
 * fix: choice questions need two options or more; a quiz needs the right
 * answer of every question; a plain poll has none.
 */
export function checkedQuestions(
  kind: PollKind,
  questions: readonly PollQuestionInput[],
): PollQuestion[] {
  return questions.map((q, i) => {
    const path = `questions.${i}`;
    const n = i + 1;
    if (q.type === 'short') {
      if (q.options.length > 0)
        throw fieldError(`${path}.options`, `Question ${n} is a short answer: it has no options.`);
    } else if (q.options.length < 2)
      throw fieldError(`${path}.options`, `Question ${n} needs at least two options.`);
    if (kind === 'poll') {
      if (q.correctOptions?.length || q.acceptedAnswers?.length)
        throw fieldError(path, `Question ${n}: a poll has no right answers; make it a quiz.`);
      return { type: q.type, prompt: q.prompt, options: q.options };
    }
    return { type: q.type, prompt: q.prompt, options: q.options, ...quizKey(q, path, n) };
  });
}

function quizKey(q: PollQuestionInput, path: string, n: number): Partial<PollQuestion> {
  if (q.type === 'short') {
    if (!q.acceptedAnswers?.length)
      throw fieldError(`${path}.acceptedAnswers`, `Question ${n}: give at least one right answer.`);
    return { acceptedAnswers: q.acceptedAnswers };
  }
  const right = [...new Set(q.correctOptions ?? [])].sort((a, b) => a - b);
  if (right.length === 0)
    throw fieldError(`${path}.correctOptions`, `Question ${n}: mark the right option.`);
  if (right.some((o) => o >= q.options.length))
    throw fieldError(`${path}.correctOptions`, `Question ${n}: a right option does not exist.`);
  if (q.type === 'single' && right.length > 1)
    throw fieldError(
      `${path}.correctOptions`,
      `Question ${n} takes one option: mark one right answer, or make it multiple choice.`,
    );
  return { correctOptions: right };
}
