import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { ClientKind, DeviceId } from '../../../src-shared/schemas/devices';

/**
 * The latest a device told the hub about itself, one record per (person,
 * device): replaced on each connect and report, never a history. Online state
 * is not here (the realtime layer knows it); what must survive a restart is.
 */
export interface DeviceReportRecord {
  /** `${userId}:${deviceId}` */
  readonly id: string;
  readonly userId: UserId;
  readonly deviceId: DeviceId;
  readonly kind: ClientKind;
  readonly version?: string;
  readonly platform?: string;
  /** When the hub last heard from it: its connect, or its last report. */
  readonly lastSyncAt: string;
  /** The desktop app's last report; absent until it sends one (always for a browser). */
  readonly report?: {
    readonly at: string;
    readonly outboxWaiting: number;
    /** Material file checksums in its offline library, per course. */
    readonly library: readonly { readonly courseId: CourseId; readonly files: readonly string[] }[];
  };
}
