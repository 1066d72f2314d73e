import type { AccountStatus, Role, VerificationMode } from '../../src-shared/schemas/accounts';
import type { AuthSessionId, BlobId, StatusUpdateId, UserId } from '../../src-shared/ids';
import type { FileId } from '../../src-shared/schemas/files';
import type {
  CourseId,
  DeadlineId,
  EnrolmentStatus,
  MaterialId,
} from '../../src-shared/schemas/courses';
import type { NotificationContent } from '../../src-shared/schemas/notifications';
import type { SubmissionId } from '../../src-shared/schemas/submissions';
import type { AnnouncementId } from '../../src-shared/schemas/announcements';
import type { CommentId, PostId, SessionId } from '../../src-shared/schemas/sessions';
import type { ClientKind, DeviceId } from '../../src-shared/schemas/devices';

/** Stored shapes. They are the hub's business: API views are built from them, never sent as they are. */

export interface UserRecord {
  readonly id: UserId;
  readonly username: string;
  /** Lower-cased email; unique. */
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly role: Role;
  readonly isAdmin: boolean;
  readonly status: AccountStatus;
  /** While pending: what the account waits for. */
  readonly awaiting?: 'approval' | 'email';
  readonly emailVerified: boolean;
  readonly passwordHash: string;
  readonly bio: string;
  readonly avatar?: { readonly blobId: BlobId; readonly contentType: string };
  readonly student?: { readonly studentId?: string; readonly enrolmentDate?: string };
  readonly teacher?: {
    readonly title?: string;
    readonly department?: string;
    readonly yearsOfExperience?: number;
  };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastSignInAt?: string;
}

/** One signed-in device. Tokens are stored as sha256 hashes, so a stolen data folder signs no one in. */
export interface AuthSessionRecord {
  readonly id: AuthSessionId;
  readonly userId: UserId;
  readonly accessHash: string;
  readonly accessExpiresAt: string;
  readonly refreshHash: string;
  readonly refreshExpiresAt: string;
  /** The refresh token this one replaced: presenting it again means it was stolen, and the session ends. */
  readonly previousRefreshHash?: string;
  readonly device?: string;
  readonly createdAt: string;
  readonly refreshedAt: string;
}

export type AccountTokenPurpose = 'verify-email' | 'reset-password';

/** A one-time link token (email verification, password reset), stored hashed. */
export interface AccountTokenRecord {
  readonly id: string;
  readonly userId: UserId;
  readonly purpose: AccountTokenPurpose;
  readonly tokenHash: string;
  readonly expiresAt: string;
  readonly createdAt: string;
}

export interface StatusUpdateRecord {
  readonly id: StatusUpdateId;
  readonly authorId: UserId;
  readonly text: string;
  readonly createdAt: string;
}

export interface HubSettingsRecord {
  readonly id: 'hub';
  readonly verification: VerificationMode;
  readonly uploadLimitBytes: number;
  readonly avatarLimitBytes: number;
  readonly notificationRetentionDays: number;
  /** Scripts and programs may be uploaded (off by default; see http/file-types.ts). */
  readonly allowRunnableUploads: boolean;
  /** Signed-out visitors may browse the catalogue (on by default, as EduStream). */
  readonly visitorCatalogue: boolean;
}

/** Audit trail of account events, kept in an append-only log. */
export interface AuditEntry {
  readonly action: string;
  readonly actorId?: UserId;
  readonly subjectId?: UserId;
  readonly detail?: string;
}

/** An uploaded file. Owned by its uploader until attached (attachedTo set); then it belongs to that record. */
export interface UploadRecord {
  readonly id: FileId;
  readonly ownerId: UserId;
  readonly blobId: BlobId;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly createdAt: string;
  readonly attachedTo?: string;
}

export interface SessionRecord {
  readonly id: SessionId;
  readonly title: string;
  readonly description: string;
  readonly hostId: UserId;
  /** A session of a course: its teacher hosts it, only its active students may be in it. */
  readonly courseId?: CourseId;
  /** Unformatted, upper case, unique among sessions. */
  readonly joinToken: string;
  readonly joinTokenExpiresAt?: string;
  /** A scheduled meeting (UTC), both or neither: shown in members' calendars. */
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Membership is the role: the host is a member with role "host". Blocked members keep their record. */
export interface SessionMemberRecord {
  /** `${sessionId}:${userId}` — one membership per person per session. */
  readonly id: string;
  readonly sessionId: SessionId;
  readonly userId: UserId;
  readonly role: 'host' | 'member';
  readonly status: 'active' | 'blocked';
  readonly joinedAt: string;
}

export interface PostFileRecord {
  readonly id: FileId;
  readonly blobId: BlobId;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}

export interface PostRecord {
  readonly id: PostId;
  readonly sessionId: SessionId;
  readonly authorId: UserId;
  readonly text: string;
  readonly files: readonly PostFileRecord[];
  readonly createdAt: string;
  readonly editedAt?: string;
}

export interface CommentRecord {
  readonly id: CommentId;
  readonly postId: PostId;
  readonly sessionId: SessionId;
  readonly authorId: UserId;
  readonly text: string;
  readonly createdAt: string;
  readonly editedAt?: string;
}

/** One chat message as appended to the room's stream. */
export interface ChatRecord {
  readonly authorId: UserId;
  readonly clientId: string;
  readonly text: string;
  readonly files: readonly PostFileRecord[];
}

export interface MessageEditRecord {
  /** `${room}#${seq}` */
  readonly id: string;
  readonly text: string;
  readonly deleted: boolean;
  readonly editedAt: string;
}

/** How far a person has read a stream (a room, or their notification inbox), synced across devices. */
export interface ReadMarkerRecord {
  /** `${userId}|${stream}` */
  readonly id: string;
  readonly userId: UserId;
  readonly stream: string;
  readonly seq: number;
  /** Read one by one above `seq` (notifications marked individually). */
  readonly readSeqs: readonly number[];
}

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

export interface CourseRecord {
  readonly id: CourseId;
  /** CS101, CS102, …: unique. */
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly capacity: number;
  readonly teacherId: UserId;
  /** Upper case, unique. */
  readonly joinCode: string;
  readonly archived: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One per student per course, kept when dropped or blocked (the teacher's records). */
export interface EnrolmentRecord {
  /** `${courseId}:${userId}` */
  readonly id: string;
  readonly courseId: CourseId;
  readonly userId: UserId;
  readonly status: EnrolmentStatus;
  readonly enrolledAt: string;
  readonly updatedAt: string;
}

export interface MaterialRecord {
  readonly id: MaterialId;
  readonly courseId: CourseId;
  readonly title: string;
  readonly file: PostFileRecord;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DeadlineRecord {
  readonly id: DeadlineId;
  readonly courseId: CourseId;
  readonly title: string;
  readonly description: string;
  /** UTC ISO time. */
  readonly dueAt: string;
  readonly maxPoints: number;
  readonly acceptLate: boolean;
  /** Attached course materials, copied so a deadline shows them without a lookup; absent in records older than attachments. */
  readonly materials?: readonly DeadlineMaterialRecord[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A material attached to a deadline; kept in step when the material is renamed or deleted. */
export interface DeadlineMaterialRecord {
  readonly id: MaterialId;
  readonly title: string;
  readonly file: PostFileRecord;
}

/** One version of a student's work for a deadline; resubmitting adds a version, never replaces one. */
export interface SubmissionRecord {
  readonly id: SubmissionId;
  readonly deadlineId: DeadlineId;
  readonly courseId: CourseId;
  readonly studentId: UserId;
  readonly version: number;
  readonly comment: string;
  readonly files: readonly PostFileRecord[];
  readonly submittedAt: string;
  readonly late: boolean;
}

export interface GradeRecord {
  /** `${deadlineId}:${studentId}` */
  readonly id: string;
  readonly deadlineId: DeadlineId;
  readonly courseId: CourseId;
  readonly studentId: UserId;
  readonly points: number;
  readonly feedback: string;
  readonly graderId: UserId;
  readonly gradedAt: string;
}

/** The author is stored for moderation; views reveal it to the admin only when anonymous. */
export interface FeedbackRecord {
  /** `${courseId}:${studentId}`: one per student per course. */
  readonly id: string;
  readonly courseId: CourseId;
  readonly studentId: UserId;
  readonly rating: number;
  readonly comment: string;
  readonly anonymous: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A teacher's post to a course's stream; its files were claimed from the author's uploads. */
export interface AnnouncementRecord {
  readonly id: AnnouncementId;
  readonly courseId: CourseId;
  readonly authorId: UserId;
  readonly text: string;
  readonly files: readonly PostFileRecord[];
  readonly createdAt: string;
  readonly editedAt?: string;
}

/** One message in the private thread between a student and the course's teacher about one deadline's work. */
export interface WorkCommentRecord {
  readonly id: string;
  readonly deadlineId: DeadlineId;
  readonly courseId: CourseId;
  /** Whose work: the thread is theirs and the teacher's. */
  readonly studentId: UserId;
  readonly authorId: UserId;
  readonly text: string;
  readonly createdAt: string;
}

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

/**
 * One piece of a live class tool's state in a session (a raised hand, a
 * question, the chat controls). `state` is the tool's own shape, checked by
 * the tool's domain when read; the id is `<sessionId>/<tool>/<key>`.
 */
export interface ClassToolRecord {
  readonly id: string;
  readonly sessionId: SessionId;
  readonly tool: string;
  readonly state: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}
