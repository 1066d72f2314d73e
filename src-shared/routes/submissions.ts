import { route } from '../api-route';
import { pageQuerySchema, pageSchema } from '../pagination';
import { courseParamsSchema } from '../schemas/courses';
import { deadlineParamsSchema } from '../schemas/deadlines';
import {
  deadlineOverviewRowSchema,
  deadlineStudentParamsSchema,
  feedbackRequestSchema,
  feedbackSchema,
  feedbackSummarySchema,
  gradeRequestSchema,
  gradeSchema,
  mySubmissionsSchema,
  submissionFileParamsSchema,
  submissionSchema,
  submitRequestSchema,
} from '../schemas/submissions';

/** Submissions, grading and course feedback. */
export const submissionRoutes = {
  submit: route({
    method: 'post',
    path: '/deadlines/:deadlineId/submissions',
    tag: 'submissions',
    auth: 'user',
    successStatus: 201,
    summary:
      'Submit (or resubmit) uploaded files and a comment (active students); late ones are flagged, or refused if the teacher chose so',
    params: deadlineParamsSchema,
    body: submitRequestSchema,
    response: submissionSchema,
  }),
  mySubmissions: route({
    method: 'get',
    path: '/deadlines/:deadlineId/my-submissions',
    tag: 'submissions',
    auth: 'user',
    summary: 'Your versions for a deadline, newest first, with your grade',
    params: deadlineParamsSchema,
    response: mySubmissionsSchema,
  }),
  deadlineOverview: route({
    method: 'get',
    path: '/deadlines/:deadlineId/submissions',
    tag: 'submissions',
    auth: 'user',
    summary:
      'Every enrolled student: submitted, late or missing, latest version and grade (the course’s teacher)',
    params: deadlineParamsSchema,
    query: pageQuerySchema,
    response: pageSchema(deadlineOverviewRowSchema),
  }),
  downloadSubmissionFile: route({
    method: 'get',
    path: '/submissions/:submissionId/files/:fileId',
    tag: 'submissions',
    auth: 'user',
    summary:
      'Download a submitted file (its student, the course’s teacher, admins; HTTP Range supported)',
    params: submissionFileParamsSchema,
    response: 'file',
  }),
  submissionsZip: route({
    method: 'get',
    path: '/deadlines/:deadlineId/submissions.zip',
    tag: 'submissions',
    auth: 'user',
    summary:
      'Every student’s latest submission as one zip, a folder per student (the course’s teacher)',
    params: deadlineParamsSchema,
    response: 'file',
  }),
  gradeSubmission: route({
    method: 'put',
    path: '/deadlines/:deadlineId/grades/:userId',
    tag: 'submissions',
    auth: 'user',
    summary:
      'Grade a student’s work with points and written feedback (the course’s teacher); the student is notified',
    params: deadlineStudentParamsSchema,
    body: gradeRequestSchema,
    response: gradeSchema,
  }),
  gradesCsv: route({
    method: 'get',
    path: '/courses/:courseId/grades.csv',
    tag: 'submissions',
    auth: 'user',
    summary:
      'Every grade of a course as CSV, a row per student and a column per deadline (its teacher)',
    params: courseParamsSchema,
    response: 'file',
  }),
  courseFeedback: route({
    method: 'get',
    path: '/courses/:courseId/feedback',
    tag: 'feedback',
    auth: 'user',
    summary:
      'Ratings and comments: average, distribution; anonymous authors are shown to the admin only',
    params: courseParamsSchema,
    response: feedbackSummarySchema,
  }),
  giveFeedback: route({
    method: 'put',
    path: '/courses/:courseId/feedback',
    tag: 'feedback',
    auth: 'user',
    summary: 'Rate the course 1–5 with a comment, optionally anonymous; one per student, editable',
    params: courseParamsSchema,
    body: feedbackRequestSchema,
    response: feedbackSchema,
  }),
} as const;
