import { describe, expect, it } from 'vitest';
import {
  isCorrect,
  responseProblem,
  scoreOf,
  type PollQuestion,
} from '../../../../src-shared/schemas/class-tools/polls';
import { checkInStatus } from '../../../../src-shared/schemas/class-tools/attendance';

const questions: PollQuestion[] = [
  { type: 'single', prompt: 'a', options: ['x', 'y'], correctOptions: [1] },
  { type: 'multiple', prompt: 'b', options: ['x', 'y', 'z'], correctOptions: [0, 2] },
  { type: 'short', prompt: 'c', options: [], acceptedAnswers: ['Cell  wall'] },
];

describe('quiz scoring', () => {
  it('gives a point for all the right options and no other, and a short answer ignoring case and spacing', () => {
    expect(isCorrect(questions[1]!, [2, 0])).toBe(true);
    expect(isCorrect(questions[1]!, [0])).toBe(false);
    expect(isCorrect(questions[1]!, [0, 1, 2])).toBe(false);
    expect(isCorrect(questions[2]!, '  cell WALL ')).toBe(true);
    expect(isCorrect(questions[2]!, 'cellwall')).toBe(false);
    expect(scoreOf(questions, [[1], [0, 2], 'cell wall'])).toBe(3);
    expect(scoreOf(questions, [[0], [0, 2], 'no'])).toBe(1);
  });
});

describe('what an answer must look like', () => {
  it('names the question that does not fit', () => {
    expect(responseProblem(questions, [[1], [0], 'x'])).toBeUndefined();
    expect(responseProblem(questions, [[1]])).toBe('Answer all 3 questions.');
    expect(responseProblem(questions, [[0, 1], [0], 'x'])).toBe(
      'Question 1: choose only one option.',
    );
    expect(responseProblem(questions, [[1], [5], 'x'])).toBe(
      'Question 2: that option does not exist.',
    );
    expect(responseProblem(questions, [[1], [0, 0], 'x'])).toBe(
      'Question 2: each option counts once.',
    );
    expect(responseProblem(questions, [[1], [0], '  '])).toBe('Question 3 needs a written answer.');
    expect(responseProblem(questions, ['x', [0], 'x'])).toBe('Question 1: choose an option.');
  });
});

describe('present or late', () => {
  it('is late only after the rule’s minutes have passed since the window opened', () => {
    const window = { openedAt: '2026-12-04T10:00:00.000Z', lateAfterMinutes: 5 };
    expect(checkInStatus(window, '2026-12-04T10:05:00.000Z')).toBe('present');
    expect(checkInStatus(window, '2026-12-04T10:05:00.001Z')).toBe('late');
  });
});
