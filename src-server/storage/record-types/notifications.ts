import type { UserId } from '../../../src-shared/ids';
import type { NotificationContent } from '../../../src-shared/schemas/notifications';

/** A notification as stored: a type with parameters and a target (see src-shared/schemas/notifications-kinds.ts). */
export type NotificationRecord =
  | (NotificationContent & {
      readonly actorId?: UserId;
      /** Notifications that count up share a group (work handed in: per assignment). */
      readonly group?: string;
      /** The seq of the unread notification of the group this one counts up from. */
      readonly replaces?: number;
    })
  | LegacyNotificationRecord;

/** Written before notifications had types: an English sentence; still read and shown as it is. */
export interface LegacyNotificationRecord {
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly link: string;
  readonly actorId?: UserId;
}
