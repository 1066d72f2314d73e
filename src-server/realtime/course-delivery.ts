import type { EventBus } from '../events/bus';
import { toDeadline, toMaterial } from '../domains/courses/views';
import { courseRoom, userRoom } from './rooms';
import type { HubSocketServer } from './socket-server';

/**
 * Live course pages: materials, deadlines and feedback go to the course room, which
 * holds exactly the teacher and the active students (chat-delivery keeps it
 * in step with enrolment).
 */
export function deliverCourses(io: HubSocketServer, bus: EventBus): void {
  for (const change of ['created', 'updated', 'deleted'] as const) {
    bus.on(`material.${change}`, ({ material: m }) => {
      io.to(courseRoom(m.courseId)).emit('material:changed', {
        courseId: m.courseId,
        change,
        material: toMaterial(m),
      });
    });
    bus.on(`deadline.${change}`, ({ deadline: d }) => {
      io.to(courseRoom(d.courseId)).emit('deadline:changed', {
        courseId: d.courseId,
        change,
        deadline: toDeadline(d),
      });
    });
  }
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
  // Only the fact goes out: who sees which author depends on the viewer (anonymous feedback).
  for (const event of ['feedback.given', 'feedback.removed'] as const) {
    bus.on(event, ({ feedback }) => {
      io.to(courseRoom(feedback.courseId)).emit('feedback:changed', {
        courseId: feedback.courseId,
      });
    });
  }
}
