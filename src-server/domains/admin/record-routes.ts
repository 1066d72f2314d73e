import type { HandlersFor } from '../handlers';
import type { FeedbackService } from '../courses/feedback-service';
import type { AdminAccountRecords } from './account-records';
import type { AdminCourseRecords } from './course-records';
import type { AdminSessionRecords } from './session-records';

/** The admin panel's record lists; the one change here (feedback) goes through FeedbackService. */
export function adminRecordRoutes(
  courses: AdminCourseRecords,
  sessions: AdminSessionRecords,
  accounts: AdminAccountRecords,
  feedback: FeedbackService,
): HandlersFor<
  | 'adminEnrolments'
  | 'adminMaterials'
  | 'adminDeadlines'
  | 'adminSubmissions'
  | 'adminFeedback'
  | 'adminDeleteFeedback'
  | 'adminPosts'
  | 'adminComments'
  | 'adminStatusUpdates'
> {
  return {
    adminEnrolments: ({ query }) => courses.enrolments(query),
    adminMaterials: ({ query }) => courses.materials(query),
    adminDeadlines: ({ query }) => courses.deadlines(query),
    adminSubmissions: ({ query }) => courses.submissions(query),
    adminFeedback: ({ query }) => courses.feedback(query),
    adminDeleteFeedback: ({ auth, params }) =>
      feedback.remove(auth.user, params.courseId, params.userId),
    adminPosts: ({ query }) => sessions.posts(query),
    adminComments: ({ query }) => sessions.comments(query),
    adminStatusUpdates: ({ query }) => accounts.statusUpdates(query),
  };
}
