import type { HandlersFor } from '../../handlers';
import type { QuestionService } from './question-service';

export function questionRoutes(
  questions: QuestionService,
): HandlersFor<'questions' | 'askQuestion' | 'upvoteQuestion' | 'moderateQuestion'> {
  return {
    questions: ({ auth, params }) => questions.list(auth.user, params.sessionId),
    askQuestion: ({ auth, params, body }) => questions.ask(auth.user, params.sessionId, body.text),
    upvoteQuestion: ({ auth, params }) =>
      questions.upvote(auth.user, params.sessionId, params.questionId),
    moderateQuestion: ({ auth, params, body }) =>
      questions.moderate(auth.user, params.sessionId, params.questionId, body),
  };
}
