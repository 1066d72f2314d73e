import type { LiveHint, LiveTopic, LiveWhat } from '../../src-shared/events';
import { liveTopics } from '../../src-shared/events';
import type { UserId } from '../../src-shared/ids';
import type { EventBus } from '../events/bus';
import type { DomainEventName } from '../events/domain-events';
import {
  APPROVERS_OF_ALL,
  APPROVERS_OF_STUDENTS,
  courseRoom,
  sessionRoom,
  userRoom,
} from './rooms';
import type { HubSocketServer } from './socket-server';

/** Everyone signed in: public lists (catalogue, people, sessions). */
const EVERYONE = Symbol('everyone');
type Audience = string | typeof EVERYONE;

/** One hint and the rooms that may hear it. Admins are in APPROVERS_OF_ALL only. */
interface Delivery {
  readonly topic: LiveTopic;
  readonly what: LiveWhat;
  readonly to: readonly Audience[];
}

/** The parts of the event payloads the hints look at (realtime/ never imports storage/). */
type CourseRecord = { readonly id: string; readonly teacherId: UserId };
type SessionRecord = { readonly id: string; readonly courseId?: string };
type UserRecord = { readonly id: UserId; readonly role: string; readonly status: string };
type AttendanceWindowRecord = { readonly courseId?: string; readonly openedBy: UserId };

const ADMINS = APPROVERS_OF_ALL;
const admin = (what: LiveWhat): Delivery => ({ topic: 'admin', what, to: [ADMINS] });
const person = (id: UserId, what: LiveWhat): Delivery => ({
  topic: liveTopics.person(id),
  what,
  to: [userRoom(id)],
});
/** Course-wide: the teacher and the active students (the course room, kept by membership.ts). */
const courseWide = (course: { id: string }, what: LiveWhat): Delivery => ({
  topic: liveTopics.course(course.id),
  what,
  to: [courseRoom(course.id)],
});
/** One student's work in a course: only the teacher hears it under the course topic. */
const courseStaff = (course: CourseRecord, what: LiveWhat): Delivery => ({
  topic: liveTopics.course(course.id),
  what,
  to: [userRoom(course.teacherId)],
});
const everyone = (topic: LiveTopic, what: LiveWhat): Delivery => ({ topic, what, to: [EVERYONE] });

/** Who may approve this account: admins always, teachers for students (canApprove). */
const approversOf = (user: UserRecord) =>
  user.role === 'student' ? [APPROVERS_OF_ALL, APPROVERS_OF_STUDENTS] : [APPROVERS_OF_ALL];

function sessionHints(session: SessionRecord): Delivery[] {
  return [
    { topic: liveTopics.session(session.id), what: 'sessions', to: [sessionRoom(session.id)] },
    // A course session is listed to its course only; others to everyone.
    session.courseId
      ? { topic: 'sessions', what: 'sessions', to: [courseRoom(session.courseId)] }
      : everyone('sessions', 'sessions'),
    admin('sessions'),
  ];
}

/**
 * A course's attendance history changed: its teacher and admins (who alone may read it) hear it
 * under the course topic. The window's opener is the course's teacher: only a course's teacher
 * hosts its sessions, and only the host opens a check-in (class-access.ts). A study group's
 * window has no course and no history page.
 */
function attendanceHints(window: AttendanceWindowRecord): Delivery[] {
  if (!window.courseId) return [];
  return [
    {
      topic: liveTopics.course(window.courseId),
      what: 'attendance',
      to: [userRoom(window.openedBy), ADMINS],
    },
  ];
}

function enrolmentHints(e: { userId: UserId }, course: CourseRecord): Delivery[] {
  return [
    courseWide(course, 'students'),
    person(e.userId, 'enrolments'),
    person(course.teacherId, 'students'),
    everyone('catalogue', 'course'),
    admin('enrolments'),
  ];
}

/**
 * What each domain event changes on screen, and for whom. The rooms are the
 * ones membership.ts authorises through the access module, so a hint reaches
 * exactly the sockets allowed to see its topic: a student never hears of
 * another student's hand-in or grade (those go to the student's own
 * `person:` topic and to the teacher).
 */
const HINTS: { [N in DomainEventName]?: (payload: never) => Delivery[] } = {
  'account.registered': ({ user }: { user: UserRecord }) =>
    user.status === 'pending'
      ? [{ topic: 'staff', what: 'approvals', to: approversOf(user) }, admin('accounts')]
      : [everyone('people', 'accounts'), admin('accounts')],
  'account.updated': ({ user }: { user: UserRecord }) => [
    person(user.id, 'accounts'),
    everyone('people', 'accounts'),
    { topic: 'staff', what: 'approvals', to: approversOf(user) },
    admin('accounts'),
  ],
  'account.deleted': () => [
    everyone('people', 'accounts'),
    { topic: 'staff', what: 'approvals', to: [APPROVERS_OF_ALL, APPROVERS_OF_STUDENTS] },
    admin('accounts'),
  ],
  'status-update.posted': () => [everyone('people', 'accounts')],
  'status-update.deleted': () => [everyone('people', 'accounts')],
  'course.created': ({ course }: { course: CourseRecord }) => [
    everyone('catalogue', 'course'),
    person(course.teacherId, 'course'),
    admin('course'),
  ],
  'course.updated': ({ course }: { course: CourseRecord }) => [
    courseWide(course, 'course'),
    everyone('catalogue', 'course'),
    admin('course'),
  ],
  // The course room is already empty (membership.ts runs first): each member hears it on their own topic.
  'course.deleted': ({ course, memberIds }: { course: CourseRecord; memberIds: UserId[] }) => [
    courseWide(course, 'course'),
    ...memberIds.flatMap((id) => [person(id, 'course'), person(id, 'enrolments')]),
    everyone('catalogue', 'course'),
    admin('course'),
    admin('enrolments'),
  ],
  'enrolment.created': ({
    enrolment,
    course,
  }: {
    enrolment: { userId: UserId };
    course: CourseRecord;
  }) => enrolmentHints(enrolment, course),
  'enrolment.changed': ({
    enrolment,
    course,
  }: {
    enrolment: { userId: UserId };
    course: CourseRecord;
  }) => enrolmentHints(enrolment, course),
  'enrolment.removed': ({
    enrolment,
    course,
  }: {
    enrolment: { userId: UserId };
    course: CourseRecord;
  }) => enrolmentHints(enrolment, course),
  'material.created': ({ course }: { course: CourseRecord }) => [
    courseWide(course, 'materials'),
    admin('materials'),
  ],
  'material.updated': ({ course }: { course: CourseRecord }) => [
    courseWide(course, 'materials'),
    admin('materials'),
  ],
  'material.deleted': ({ course }: { course: CourseRecord }) => [
    courseWide(course, 'materials'),
    admin('materials'),
  ],
  'deadline.created': ({ course }: { course: CourseRecord }) => [
    courseWide(course, 'deadlines'),
    admin('deadlines'),
  ],
  'deadline.updated': ({ course }: { course: CourseRecord }) => [
    courseWide(course, 'deadlines'),
    admin('deadlines'),
  ],
  'deadline.deleted': ({ course }: { course: CourseRecord }) => [
    courseWide(course, 'deadlines'),
    admin('deadlines'),
  ],
  'submission.created': ({
    submission,
    course,
  }: {
    submission: { studentId: UserId };
    course: CourseRecord;
  }) => [
    courseStaff(course, 'submissions'),
    person(submission.studentId, 'submissions'),
    admin('submissions'),
  ],
  'grade.released': ({ grade, course }: { grade: { studentId: UserId }; course: CourseRecord }) => [
    courseStaff(course, 'grades'),
    person(grade.studentId, 'grades'),
    admin('submissions'),
  ],
  'feedback.given': ({ course }: { course: CourseRecord }) => [
    courseWide(course, 'feedback'),
    admin('feedback'),
  ],
  'feedback.removed': ({ course }: { course: CourseRecord }) => [
    courseWide(course, 'feedback'),
    admin('feedback'),
  ],
  'session.created': ({ session }: { session: SessionRecord }) => sessionHints(session),
  'session.updated': ({ session }: { session: SessionRecord }) => sessionHints(session),
  'session.deleted': ({ session }: { session: SessionRecord }) => sessionHints(session),
  'post.created': () => [admin('sessions')],
  'post.updated': () => [admin('sessions')],
  'post.deleted': () => [admin('sessions')],
  'comment.created': () => [admin('sessions')],
  'comment.updated': () => [admin('sessions')],
  'comment.deleted': () => [admin('sessions')],
  // A student's devices are their own data: the course's teacher and admins only, on a topic of its own.
  'devices.changed': ({ course }: { course: CourseRecord }) => [
    {
      topic: liveTopics.devices(course.id),
      what: 'devices',
      to: [userRoom(course.teacherId), ADMINS],
    },
  ],
  'attendance.changed': ({ window }: { window: AttendanceWindowRecord }) => attendanceHints(window),
  'attendance.checked-in': ({ window }: { window: AttendanceWindowRecord }) =>
    attendanceHints(window),
  'session.member-joined': ({ session }: { session: SessionRecord }) => [
    { topic: liveTopics.session(session.id), what: 'members', to: [sessionRoom(session.id)] },
    admin('sessions'),
  ],
  'session.member-left': ({ member }: { member: { sessionId: string; userId: UserId } }) => [
    {
      topic: liveTopics.session(member.sessionId),
      what: 'members',
      to: [sessionRoom(member.sessionId)],
    },
    person(member.userId, 'sessions'),
    admin('sessions'),
  ],
};

/**
 * Turns domain events into small `live:changed` hints. It subscribes after
 * membership.ts, so a removed student has left the course room before the
 * roster hint goes out.
 */
export function deliverLiveHints(io: HubSocketServer, bus: EventBus): void {
  for (const [name, hintsOf] of Object.entries(HINTS) as [
    DomainEventName,
    (p: never) => Delivery[],
  ][]) {
    bus.on(name, (payload) => {
      for (const delivery of hintsOf(payload as never)) send(io, delivery);
    });
  }
}

function send(io: HubSocketServer, { topic, what, to }: Delivery): void {
  const hint: LiveHint = { topic, what };
  if (to.includes(EVERYONE)) io.emit('live:changed', hint);
  else io.to(to as string[]).emit('live:changed', hint);
}
