import type { HandlersFor } from '../../http/handlers';
import type { FeedbackService } from './feedback-service';
import type { SubmissionExports } from './submission-exports';
import type { SubmissionService } from './submission-service';

type SubmissionRouteName =
  | 'submit'
  | 'mySubmissions'
  | 'deadlineOverview'
  | 'downloadSubmissionFile'
  | 'submissionsZip'
  | 'gradeSubmission'
  | 'gradesCsv'
  | 'courseFeedback'
  | 'giveFeedback';

export function submissionRoutes(
  submissions: SubmissionService,
  exports: SubmissionExports,
  feedback: FeedbackService,
): HandlersFor<SubmissionRouteName> {
  return {
    submit: ({ auth, params, body }) => submissions.submit(auth.user, params.deadlineId, body),
    mySubmissions: ({ auth, params }) => submissions.mine(auth.user, params.deadlineId),
    deadlineOverview: ({ auth, params, query }) =>
      submissions.overview(auth.user, params.deadlineId, query),
    downloadSubmissionFile: ({ auth, params, req, res }) =>
      submissions.download(auth.user, params.submissionId, params.fileId, req, res),
    submissionsZip: ({ auth, params, res }) => exports.zip(auth.user, params.deadlineId, res),
    gradeSubmission: ({ auth, params, body }) =>
      submissions.grade(auth.user, params.deadlineId, params.userId, body.points, body.feedback),
    gradesCsv: ({ auth, params, res }) => exports.gradesCsv(auth.user, params.courseId, res),
    courseFeedback: ({ auth, params }) => feedback.summary(auth.user, params.courseId),
    giveFeedback: ({ auth, params, body }) => feedback.give(auth.user, params.courseId, body),
  };
}
