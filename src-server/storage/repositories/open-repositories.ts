import type {
  CollectionDefinition,
  DocumentCollection,
  StoredRecord,
} from '../document-collection';
import type { Storage } from '../repositories';
import {
  DocumentCommentsRepository,
  DocumentPostsRepository,
  DocumentSessionMembersRepository,
  DocumentSessionsRepository,
} from './sessions';
import {
  commentsCollectionOptions,
  postsCollectionOptions,
  sessionMembersCollectionOptions,
  sessionsCollectionOptions,
} from './sessions';
import {
  DocumentMessageEditsRepository,
  messageEditsCollectionOptions,
  DocumentReadMarkersRepository,
  readMarkersCollectionOptions,
} from './chat-state';
import {
  DocumentCourseItemsRepository,
  DocumentCoursesRepository,
  coursesCollectionOptions,
  deadlinesCollectionOptions,
  DocumentEnrolmentsRepository,
  enrolmentsCollectionOptions,
  materialsCollectionOptions,
} from './courses';
import {
  feedbackCollectionOptions,
  gradesCollectionOptions,
  DocumentKeyedRepository,
  DocumentSubmissionsRepository,
  submissionsCollectionOptions,
} from './submissions';
import {
  DocumentAnnouncementsRepository,
  announcementsCollectionOptions,
  DocumentWorkCommentsRepository,
  workCommentsCollectionOptions,
} from './teaching';

import { classToolsCollectionOptions, DocumentClassToolsRepository } from './class-tools';
import { deviceReportsCollectionOptions, DocumentDeviceReportsRepository } from './device-reports';
import {
  attendanceCollectionOptions,
  DocumentAttendanceRepository,
  DocumentExitTicketsRepository,
  DocumentPollsRepository,
  exitTicketsCollectionOptions,
  pollsCollectionOptions,
} from './live-tools';

/** How an engine opens (or creates) one collection. */
export type OpenCollection = <T extends StoredRecord>(
  definition: CollectionDefinition<T>,
) => Promise<DocumentCollection<T>>;

export type CourseAndSessionRepositories = Pick<
  Storage,
  | 'courses'
  | 'enrolments'
  | 'materials'
  | 'deadlines'
  | 'submissions'
  | 'grades'
  | 'feedback'
  | 'sessions'
  | 'sessionMembers'
  | 'posts'
  | 'comments'
  | 'announcements'
  | 'workComments'
  | 'messageEdits'
  | 'readMarkers'
>;

/**
 * The course, session, teaching and chat-state repositories over whichever
 * engine `open` belongs to: the same classes on lowdb and PostgreSQL, so
 * both engines keep the same rules by construction.
 */
export async function openCourseAndSessionRepositories(
  open: OpenCollection,
): Promise<CourseAndSessionRepositories> {
  return {
    courses: new DocumentCoursesRepository(await open(coursesCollectionOptions)),
    enrolments: new DocumentEnrolmentsRepository(await open(enrolmentsCollectionOptions)),
    materials: new DocumentCourseItemsRepository(await open(materialsCollectionOptions)),
    deadlines: new DocumentCourseItemsRepository(await open(deadlinesCollectionOptions)),
    submissions: new DocumentSubmissionsRepository(await open(submissionsCollectionOptions)),
    grades: new DocumentKeyedRepository(await open(gradesCollectionOptions)),
    feedback: new DocumentKeyedRepository(await open(feedbackCollectionOptions)),
    sessions: new DocumentSessionsRepository(await open(sessionsCollectionOptions)),
    sessionMembers: new DocumentSessionMembersRepository(
      await open(sessionMembersCollectionOptions),
    ),
    posts: new DocumentPostsRepository(await open(postsCollectionOptions)),
    comments: new DocumentCommentsRepository(await open(commentsCollectionOptions)),
    announcements: new DocumentAnnouncementsRepository(await open(announcementsCollectionOptions)),
    workComments: new DocumentWorkCommentsRepository(await open(workCommentsCollectionOptions)),
    messageEdits: new DocumentMessageEditsRepository(await open(messageEditsCollectionOptions)),
    readMarkers: new DocumentReadMarkersRepository(await open(readMarkersCollectionOptions)),
  };
}

export type ClassroomRepositories = Pick<
  Storage,
  'classTools' | 'polls' | 'attendance' | 'exitTickets' | 'deviceReports'
>;

/** The classroom live tools' and the device board's repositories, the same classes on both engines. */
export async function openClassroomRepositories(
  open: OpenCollection,
): Promise<ClassroomRepositories> {
  return {
    classTools: new DocumentClassToolsRepository(await open(classToolsCollectionOptions)),
    polls: new DocumentPollsRepository(await open(pollsCollectionOptions)),
    attendance: new DocumentAttendanceRepository(await open(attendanceCollectionOptions)),
    exitTickets: new DocumentExitTicketsRepository(await open(exitTicketsCollectionOptions)),
    deviceReports: new DocumentDeviceReportsRepository(await open(deviceReportsCollectionOptions)),
  };
}
