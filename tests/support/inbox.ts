import type { Notification } from '../../src-shared/schemas/notifications';
import type { Person } from './people';
import type { TestHub } from './start-hub';

/** A person's notifications, newest first, and how many are unread (GET /api/notifications). */
export async function inboxOf(
  hub: TestHub,
  person: Person,
): Promise<{ items: Notification[]; unread: number }> {
  return (await hub.call('notifications', { token: person.token })).body;
}

/**
 * A person's notifications of one type, newest first. A test looks for the
 * one it caused by type, not as the newest of all: the set-up's own news
 * (an enrolment, a new deadline) is written by subscribers that may finish
 * after it on a loaded machine or PostgreSQL.
 */
export async function notificationsOfType<T extends Notification['type']>(
  hub: TestHub,
  person: Person,
  type: T,
): Promise<Extract<Notification, { type: T }>[]> {
  return (await inboxOf(hub, person)).items.filter(
    (n): n is Extract<Notification, { type: T }> => n.type === type,
  );
}
