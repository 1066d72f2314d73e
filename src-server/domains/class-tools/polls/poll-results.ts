import type { PollResults, QuestionResult } from '../../../../src-shared/schemas/class-tools/polls';
import { isCorrect, shortAnswerKey } from '../../../../src-shared/schemas/class-tools/polls';
import type { PollAnswerRecord, PollRecord } from '../../../storage/records-class-tools';

/** Short answers shown in the results: the most frequent ones, so 500 free texts stay readable. */
const MAX_SHORT_GROUPS = 50;

/**
 * Counts every answer on the hub, so a screen gets a few numbers per
 * question instead of 500 answers: a count per option, short answers
 * grouped case- and space-insensitively, and in a quiz how many were right.
 */
export function countResults(poll: PollRecord, answers: readonly PollAnswerRecord[]): PollResults {
  const questions: QuestionResult[] = poll.questions.map((question, q) => {
    const optionCounts = question.options.map(() => 0);
    const groups = new Map<string, { text: string; count: number }>();
    let correct = 0;
    for (const answer of answers) {
      const response = answer.responses[q];
      if (response === undefined) continue;
      if (typeof response === 'string') {
        const key = shortAnswerKey(response);
        const group = groups.get(key) ?? { text: response.trim(), count: 0 };
        group.count += 1;
        groups.set(key, group);
      } else for (const option of response) optionCounts[option] = (optionCounts[option] ?? 0) + 1;
      if (poll.pollKind === 'quiz' && isCorrect(question, response)) correct += 1;
    }
    const shortAnswers = [...groups.values()]
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
      .slice(0, MAX_SHORT_GROUPS);
    return {
      optionCounts,
      shortAnswers,
      ...(poll.pollKind === 'quiz' ? { correctCount: correct } : {}),
    };
  });
  return { pollId: poll.id, sessionId: poll.sessionId, answered: answers.length, questions };
}
