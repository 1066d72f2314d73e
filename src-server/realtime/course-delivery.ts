import type { EventBus } from '../events/bus';
import { courseRoom, userRoom } from './rooms';
import type { HubSocketServer } from './socket-server';

/**
 * The course events that carry more than a hint: private comments (to their
 * two people) and announcements (to the course room, which holds exactly the
 * teacher and the active students). Materials, deadlines and feedback are
 * plain `live:changed` hints (live-hints.ts): screens refetch what they show.
 */
export function deliverCourses(io: HubSocketServer, bus: EventBus): void {
  // A private comment reaches exactly its two people's devices, never the course room.
  bus.on('work-comment.created', ({ comment, course, view }) => {
    io.to([userRoom(comment.studentId), userRoom(course.teacherId)]).emit(
      'work-comment:added',
      view,
    );
  });
  // Only the fact goes out: each viewer's permissions on it differ (author, admin).
  for (const change of ['created', 'updated', 'deleted'] as const) {
    bus.on(`announcement.${change}`, ({ announcement: a }) => {
      io.to(courseRoom(a.courseId)).emit('announcement:changed', {
        courseId: a.courseId,
        announcementId: a.id,
        change,
      });
    });
  }
}
