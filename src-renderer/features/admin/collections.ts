import type { Collection } from './collection';
import { coursesCollection } from './courses-collection';
import { pendingCollection } from './pending-collection';
import { sessionsCollection } from './sessions-collection';
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
  sessionsCollection,
];
