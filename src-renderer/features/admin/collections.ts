import type { Collection } from './collection';
import { commentsCollection } from './comments-collection';
import { coursesCollection } from './courses-collection';
import { deadlinesCollection } from './deadlines-collection';
import { enrolmentsCollection } from './enrolments-collection';
import { feedbackCollection } from './feedback-collection';
import { materialsCollection } from './materials-collection';
import { pendingCollection } from './pending-collection';
import { postsCollection } from './posts-collection';
import { sessionsCollection } from './sessions-collection';
import { statusUpdatesCollection } from './status-updates-collection';
import { submissionsCollection } from './submissions-collection';
import { usersCollection } from './users-collection';

/**
 * Every collection of the admin panel, in tab order. To add one: write a
 * `Collection` beside these (load, columns, actions) and list it here.
 */
// Each entry is typed on its own item; the panel only passes items back to the same entry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogenous item types by design
export const collections: readonly Collection<any>[] = [
  pendingCollection,
  usersCollection,
  coursesCollection,
  enrolmentsCollection,
  materialsCollection,
  deadlinesCollection,
  submissionsCollection,
  feedbackCollection,
  sessionsCollection,
  postsCollection,
  commentsCollection,
  statusUpdatesCollection,
];
