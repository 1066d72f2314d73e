import type {
  CollectionDefinition,
  DocumentCollection,
  StoredRecord,
} from '../document-collection';
import type { Storage } from '../repositories';
import { Comments, Posts, SessionMembers, Sessions } from './sessions';
import {
  commentsCollection,
  postsCollection,
  sessionMembersCollection,
  sessionsCollection,
} from './sessions';
import {
  MessageEdits,
  messageEditsCollection,
  ReadMarkers,
  readMarkersCollection,
} from './chat-state';
import {
  CourseItems,
  Courses,
  coursesCollection,
  deadlinesCollection,
  Enrolments,
  enrolmentsCollection,
  materialsCollection,
} from './courses';
import {
  feedbackCollection,
  gradesCollection,
  KeyedRecords,
  Submissions,
  submissionsCollection,
} from './submissions';
import {
  Announcements,
  announcementsCollection,
  WorkComments,
  workCommentsCollection,
} from './teaching';

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
    courses: new Courses(await open(coursesCollection)),
    enrolments: new Enrolments(await open(enrolmentsCollection)),
    materials: new CourseItems(await open(materialsCollection)),
    deadlines: new CourseItems(await open(deadlinesCollection)),
    submissions: new Submissions(await open(submissionsCollection)),
    grades: new KeyedRecords(await open(gradesCollection)),
    feedback: new KeyedRecords(await open(feedbackCollection)),
    sessions: new Sessions(await open(sessionsCollection)),
    sessionMembers: new SessionMembers(await open(sessionMembersCollection)),
    posts: new Posts(await open(postsCollection)),
    comments: new Comments(await open(commentsCollection)),
    announcements: new Announcements(await open(announcementsCollection)),
    workComments: new WorkComments(await open(workCommentsCollection)),
    messageEdits: new MessageEdits(await open(messageEditsCollection)),
    readMarkers: new ReadMarkers(await open(readMarkersCollection)),
  };
}
