import { PgCollection } from '../../../../src-server/storage/postgres/collection';
import { tableOf } from '../../../../src-server/storage/postgres/table-names';
import { openCourseAndSessionRepositories } from '../../../../src-server/storage/repositories/open-repositories';
import { describeChatStateContract } from './chat-state.contract';
import { describeCoursesContract } from './courses.contract';
import type { OpenedRepositories } from './opened';
import { usePostgresDatabase } from './postgres-store';
import { describeSessionsContract } from './sessions.contract';
import { describeSubmissionsContract } from './submissions.contract';
import { describeTeachingRepositoriesContract } from './teaching.contract';

const postgres = usePostgresDatabase();

const COLLECTIONS = [
  'courses',
  'enrolments',
  'materials',
  'deadlines',
  'submissions',
  'grades',
  'feedback',
  'sessions',
  'session-members',
  'posts',
  'comments',
  'announcements',
  'work-comments',
  'message-edits',
  'read-markers',
];

// The same suites as on lowdb (teaching.contract.test.ts), over PgCollection tables.
let opened: OpenedRepositories | undefined;
const open = async () => {
  await postgres.empty(COLLECTIONS.map(tableOf));
  // The database is the store, and the repositories hold nothing of it: one set serves every test.
  opened ??= {
    ...(await openCourseAndSessionRepositories((definition) =>
      PgCollection.open(postgres.connection().db, definition),
    )),
    reopen: async () => opened!,
    close: async () => {},
  };
  return opened;
};

describeTeachingRepositoriesContract('postgres', open);
describeCoursesContract('postgres', open);
describeSubmissionsContract('postgres', open);
describeSessionsContract('postgres', open);
describeChatStateContract('postgres', open);
