import type { NotificationTarget } from '../../../src-shared/schemas/notifications';
import { targetIds, THREAD_PARAM } from '../../app/reveal-target';

const course = (courseId: string, tab: string, id: string) =>
  `/courses/${encodeURIComponent(courseId)}?tab=${tab}#${id}`;

/**
 * The app path that shows a notification's thing itself: a grade opens the
 * deadline with the student's work and grade, an enrolment the student in
 * the roster, a message the message.
 */
export function notificationPath(target: NotificationTarget): string {
  switch (target.kind) {
    case 'home':
      return '/home';
    case 'approvals':
      return `/home#${targetIds.approvals()}`;
    case 'sessions':
      return '/sessions';
    case 'session':
      return `/sessions/${encodeURIComponent(target.sessionId)}`;
    case 'post': {
      const session = `/sessions/${encodeURIComponent(target.sessionId)}`;
      // A comment opens its post's thread, at the comment.
      return target.commentId
        ? `${session}?${THREAD_PARAM}=${encodeURIComponent(target.postId)}#${targetIds.comment(target.commentId)}`
        : `${session}#${targetIds.post(target.postId)}`;
    }
    case 'message':
      return `/chat/${encodeURIComponent(target.room)}#${targetIds.message(target.seq)}`;
    case 'courses':
      return '/courses';
    case 'course':
      return `/courses/${encodeURIComponent(target.courseId)}`;
    case 'material':
      return course(target.courseId, 'materials', targetIds.material(target.materialId));
    case 'deadline':
    case 'submission':
      return course(target.courseId, 'deadlines', targetIds.deadline(target.deadlineId));
    case 'enrolment':
      return course(target.courseId, 'students', targetIds.student(target.userId));
    case 'announcement':
      return course(target.courseId, 'stream', targetIds.announcement(target.announcementId));
    case 'person': {
      const profile = `/people/${encodeURIComponent(target.username)}`;
      return target.statusUpdateId
        ? `${profile}#${targetIds.statusUpdate(target.statusUpdateId)}`
        : profile;
    }
    case 'path':
      // Stored before targets existed; only app paths, never a way out of the app.
      return target.path.startsWith('/') && !target.path.startsWith('//') ? target.path : '/home';
  }
}
