import { describe, expect, it } from 'vitest';
import type {
  ClassQuestion,
  Question,
  QuestionId,
} from '../../../../src-shared/schemas/class-tools/questions';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { mergeQuestion } from '../../../../src-renderer/features/class-tools/questions/use-questions';

const base = (id: string, over: Partial<ClassQuestion> = {}): ClassQuestion => ({
  id: id as QuestionId,
  sessionId: 's1' as SessionId,
  text: id,
  upvotes: 0,
  status: 'open',
  pinned: false,
  answer: null,
  createdAt: `2026-12-04T10:00:0${id.length}Z`,
  ...over,
});
const mine = (id: string, over: Partial<Question> = {}): Question => ({
  ...base(id),
  mine: true,
  upvotedByMe: false,
  ...over,
});

describe('a live question merged into what this viewer sees', () => {
  it('keeps what only this viewer knows (mine, upvoted, the author) and takes the new counts', () => {
    const list = [mine('q', { upvotedByMe: true })];
    const [merged] = mergeQuestion(list, base('q', { upvotes: 4 }), 'student');
    expect(merged).toMatchObject({ upvotes: 4, mine: true, upvotedByMe: true });
  });

  it('adds a classmate’s new question as not mine, and orders pinned, then votes, then age', () => {
    const list = [mine('q'), mine('qq', { upvotes: 2 })];
    const merged = mergeQuestion(list, base('qqq', { pinned: true }), 'student');
    expect(merged.map((q) => q.id)).toEqual(['qqq', 'qq', 'q']);
    expect(merged[0]).toMatchObject({ mine: false, upvotedByMe: false });
  });

  it('drops a dismissed question for a student, keeps it for the teacher', () => {
    const dismissed = base('q', { status: 'dismissed' });
    expect(mergeQuestion([mine('q')], dismissed, 'student')).toEqual([]);
    expect(mergeQuestion([mine('q')], dismissed, 'teacher')[0]?.status).toBe('dismissed');
  });
});
