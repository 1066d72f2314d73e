import type { HandlersFor } from '../handlers';
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
    downloadSubmissionFile: ({ auth, params }) =>
      submissions.download(auth.user, params.submissionId, params.fileId),
    submissionsZip: ({ auth, params }) => exports.zip(auth.user, params.deadlineId),
    gradeSubmission: ({ auth, params, body }) =>
      submissions.grade(auth.user, params.deadlineId, params.userId, body.points, body.feedback),
    gradesCsv: ({ auth, params }) => exports.gradesCsv(auth.user, params.courseId),
    courseFeedback: ({ auth, params }) => feedback.summary(auth.user, params.courseId),
    giveFeedback: ({ auth, params, body }) => feedback.give(auth.user, params.courseId, body),
  };
}
