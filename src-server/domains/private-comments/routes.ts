import type { HandlersFor } from '../handlers';
import type { PrivateCommentService } from './private-comment-service';

export function privateCommentRoutes(
  comments: PrivateCommentService,
): HandlersFor<'privateComments' | 'createPrivateComment'> {
  return {
    privateComments: ({ auth, params, query }) =>
      comments.list(auth.user, params.deadlineId, params.userId, query),
    createPrivateComment: ({ auth, params, body }) =>
      comments.create(auth.user, params.deadlineId, params.userId, body.text),
  };
}
