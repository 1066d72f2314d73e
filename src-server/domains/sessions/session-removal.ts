import type { UserId } from '../../../src-shared/ids';
import type { EventBus } from '../../events/bus';
import type { SessionRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';

type RemovalStorage = Pick<
  Storage,
  'sessionMembers' | 'posts' | 'comments' | 'uploads' | 'sessions'
>;

/**
 * Removes a session with its posts, comments, files and members, then tells
 * everyone (class tools drop their state on the event). Shared by the host's
 * delete and a course's deletion; each step may run again after a crash.
 */
export async function removeSession(
  storage: RemovalStorage,
  bus: EventBus,
  session: SessionRecord,
  actorId: UserId,
): Promise<void> {
  const memberIds = (await storage.sessionMembers.listForSession(session.id)).map((m) => m.userId);
  const fileIds = (await storage.posts.listForSession(session.id)).flatMap((post) =>
    post.files.map((f) => f.id),
  );
  await storage.comments.deleteForSession(session.id);
  await storage.posts.deleteForSession(session.id);
  await storage.uploads.deleteMany(fileIds); // the files go with the session; bytes are collected later
  await storage.sessionMembers.deleteForSession(session.id);
  await storage.sessions.delete(session.id);
  bus.publish('session.deleted', { session, memberIds, actorId });
}
