import type { Coordination } from './coordination/coordination';
import type { AccountStatus, Role } from '../../src-shared/schemas/accounts';
import type { AuthSessionId, BlobId, StatusUpdateId, UserId } from '../../src-shared/ids';
import type { ArchivableStorage } from './archive-port';
import type { BlobStore } from './blobs/blob-store';
import type {
  CourseItemsRepository,
  CoursesRepository,
  DoneMarksRepository,
  EnrolmentsRepository,
  KeyedRepository,
  PagesEverything,
  SubmissionsRepository,
} from './repositories-courses';
import type {
  CommentsRepository,
  PostsRepository,
  SessionMembersRepository,
  SessionsRepository,
} from './repositories-sessions';

export type * from './repositories-courses';
export type * from './repositories-sessions';
export type * from './repositories-teaching';
export type * from './records-class-tools';
import type {
  AttendanceRepository,
  ExitTicketsRepository,
  PollsRepository,
} from './records-class-tools';
export type * from './repositories-class-tools';
import type { ClassToolsRepository } from './repositories-class-tools';
import type { AnnouncementsRepository, WorkCommentsRepository } from './repositories-teaching';
import type { DeviceReportsRepository } from './repositories-devices';
import type { FileId } from '../../src-shared/schemas/files';
import type {
  AccountTokenRecord,
  AuditEntry,
  AuthSessionRecord,
  ChatRecord,
  DeadlineRecord,
  FeedbackRecord,
  GradeRecord,
  HubSettingsRecord,
  MaterialRecord,
  MessageEditRecord,
  NotificationRecord,
  ReadMarkerRecord,
  StatusUpdateRecord,
  UploadRecord,
  UserRecord,
} from './records';

/**
 * What services see of storage. Every method is async and none exposes how
 * it is stored, so a PostgreSQL implementation can replace the lowdb one and
 * pass the same contract tests (tests/server/storage/contract).
 *
 * Writes resolve only once durable. Inserts and updates that would break a
 * unique key throw UniqueViolation, atomically with respect to other writes.
 */

export interface Slice<T> {
  readonly items: T[];
  readonly total: number;
}
export interface Window {
  readonly offset: number;
  readonly limit: number;
}

export interface UserQuery extends Window {
  /** Free text, ranked, forgiving one typo per word. */
  readonly text?: string;
  /** Match email addresses too (only for viewers allowed to see them). */
  readonly matchEmail: boolean;
  readonly role?: Role;
  readonly statuses?: readonly AccountStatus[];
}

export interface UsersRepository {
  get(id: UserId): Promise<UserRecord | undefined>;
  /** Case-insensitive. */
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  count(): Promise<number>;
  countActiveAdmins(): Promise<number>;
  /** Without text: newest accounts first. With text: best match first. */
  search(query: UserQuery): Promise<Slice<UserRecord>>;
  insert(user: UserRecord): Promise<UserRecord>;
  /**
   * Inserts `build(n)`, n the number of accounts before it, counting and
   * inserting as one step — also across hubs sharing a database — so "the
   * first account becomes the admin" holds for two registrations at once.
   */
  insertCounted(build: (existingAccounts: number) => UserRecord): Promise<UserRecord>;
  update(id: UserId, change: (current: UserRecord) => UserRecord): Promise<UserRecord | undefined>;
  /**
   * `update`, unless the change would leave the hub with no active admin:
   * then nothing changes and 'last-admin' is returned. Checked and written
   * as one step — also across hubs sharing a database — so two admins
   * demoting each other at once never both succeed.
   */
  updateKeepingAnAdmin(
    id: UserId,
    change: (current: UserRecord) => UserRecord,
  ): Promise<UserRecord | undefined | 'last-admin'>;
  delete(id: UserId): Promise<boolean>;
  /** Avatar blobs in use (for the garbage collector). */
  referencedBlobs(): Promise<Set<BlobId>>;
}

export interface AuthSessionsRepository {
  get(id: AuthSessionId): Promise<AuthSessionRecord | undefined>;
  listForUser(userId: UserId): Promise<AuthSessionRecord[]>;
  insert(session: AuthSessionRecord): Promise<AuthSessionRecord>;
  update(
    id: AuthSessionId,
    change: (current: AuthSessionRecord) => AuthSessionRecord,
  ): Promise<AuthSessionRecord | undefined>;
  delete(id: AuthSessionId): Promise<boolean>;
  /** Returns the ids removed. */
  deleteForUser(userId: UserId): Promise<AuthSessionId[]>;
  /** Up to `limit` sign-ins whose refresh token expired at or before `cutoff`, found by index. */
  listExpired(cutoff: string, limit: number): Promise<AuthSessionId[]>;
  deleteMany(ids: readonly AuthSessionId[]): Promise<number>;
}

export interface AccountTokensRepository {
  findByHash(tokenHash: string): Promise<AccountTokenRecord | undefined>;
  insert(token: AccountTokenRecord): Promise<AccountTokenRecord>;
  delete(id: string): Promise<boolean>;
  deleteForUser(userId: UserId, purpose?: AccountTokenRecord['purpose']): Promise<number>;
  /** Up to `limit` tokens that expired at or before `cutoff`, found by index. */
  listExpired(cutoff: string, limit: number): Promise<string[]>;
  deleteMany(ids: readonly string[]): Promise<number>;
}

/** `pageAll`: everyone's, newest first — the admin's list. */
export interface StatusUpdatesRepository extends PagesEverything<StatusUpdateRecord> {
  get(id: StatusUpdateId): Promise<StatusUpdateRecord | undefined>;
  /** Newest first. */
  pageByAuthor(authorId: UserId, window: Window): Promise<Slice<StatusUpdateRecord>>;
  insert(update: StatusUpdateRecord): Promise<StatusUpdateRecord>;
  delete(id: StatusUpdateId): Promise<boolean>;
  deleteByAuthor(authorId: UserId): Promise<number>;
}

export interface SettingsRepository {
  get(): Promise<HubSettingsRecord>;
  update(patch: Partial<Omit<HubSettingsRecord, 'id'>>): Promise<HubSettingsRecord>;
}

/** An append-only history: audit entries now, chat messages and notifications later. */
export interface HistoryRepository<T> {
  append(stream: string, entry: T): Promise<HistoryEntry<T>>;
  /** Newest first, before the cursor when given. */
  page(stream: string, limit: number, beforeSeq?: number): Promise<HistoryEntry<T>[]>;
  /** Oldest first, after `afterSeq`: what a reconnecting client missed. */
  since(stream: string, afterSeq: number, limit: number): Promise<HistoryEntry<T>[]>;
  get(stream: string, seq: number): Promise<HistoryEntry<T> | undefined>;
  /** The newest seq in the stream, 0 when empty (kept after pruning). */
  lastSeq(stream: string): Promise<number>;
  /** How many entries after `afterSeq` are still stored. */
  countAfter(stream: string, afterSeq: number): Promise<number>;
  /**
   * Drops entries older than `cutoff`, never from the middle of a stream;
   * returns how much went (whole segments in a log folder, rows in PostgreSQL).
   */
  pruneBefore(cutoff: string): Promise<number>;
}
export interface HistoryEntry<T> {
  /** 1, 2, 3… within the stream. */
  readonly seq: number;
  readonly at: string;
  readonly entry: T;
}

/** Who sent a chat message and the id their app gave it: a resend carries the same pair. */
export interface ChatSender {
  readonly authorId: UserId;
  readonly clientId: string;
}

/** What `appendOnce` answers: the stored message, and whether it was stored before this call. */
export interface AppendedOnce {
  readonly entry: HistoryEntry<ChatRecord>;
  readonly duplicate: boolean;
}

/**
 * The chat log. `appendOnce` is THE way a message is stored: a resend (same
 * stream, author and client id) is answered with the message already stored
 * — same seq, same time — and nothing is appended, whichever hub node stored
 * the first copy. `prepare` builds the record (it may claim uploads or take a
 * slow-mode slot) and runs at most once, only when the message may be new;
 * if it throws, the stored message is answered when there is one, else the
 * error. When `duplicate` is true after `prepare` ran, the caller gives back
 * what `prepare` took. Engines: postgres/chat-history.ts (a unique index,
 * any history length) and logs/chat-history.ts (a window per room in the
 * one process that owns the folder).
 */
export interface ChatHistoryRepository extends HistoryRepository<ChatRecord> {
  appendOnce(
    stream: string,
    sender: ChatSender,
    prepare: () => Promise<ChatRecord>,
  ): Promise<AppendedOnce>;
}

export interface UploadsRepository {
  get(id: FileId): Promise<UploadRecord | undefined>;
  insert(upload: UploadRecord): Promise<UploadRecord>;
  /**
   * Marks the uploads as attached to `owner` — all or none: each must exist,
   * belong to `ownerId` and be unattached, else nothing changes and the
   * offending id is returned.
   */
  attach(
    ids: readonly FileId[],
    ownerId: UserId,
    owner: string,
  ): Promise<{ ok: true; uploads: UploadRecord[] } | { ok: false; badId: FileId }>;
  /**
   * Gives back uploads claimed by `owner` whose record could not be saved
   * (full disk, refused), so they can be attached again; uploads attached to
   * anything else are left alone.
   */
  release(ids: readonly FileId[], owner: string): Promise<void>;
  /** Forgets uploads whose record is gone (post, message, session deleted); their blobs become garbage. */
  deleteMany(ids: readonly FileId[]): Promise<number>;
  /** Uploads attached to something (checked at start for claims whose record was never written). */
  listAttached(): Promise<UploadRecord[]>;
  /** Uploads never attached, created before `before`: abandoned. */
  listUnattachedBefore(before: string): Promise<UploadRecord[]>;
  /** Blobs some upload still points at (for the garbage collector, never a request path). */
  referencedBlobs(): Promise<Set<BlobId>>;
}

/** Later state of a chat message (edited or deleted); the log keeps the original line. */
export interface MessageEditsRepository {
  get(room: string, seq: number): Promise<MessageEditRecord | undefined>;
  put(edit: MessageEditRecord): Promise<MessageEditRecord>;
}

export interface ReadMarkersRepository {
  get(userId: UserId, stream: string): Promise<ReadMarkerRecord | undefined>;
  put(marker: ReadMarkerRecord): Promise<ReadMarkerRecord>;
  listForUser(userId: UserId): Promise<ReadMarkerRecord[]>;
}

export interface Storage {
  readonly users: UsersRepository;
  readonly authSessions: AuthSessionsRepository;
  readonly accountTokens: AccountTokensRepository;
  readonly statusUpdates: StatusUpdatesRepository;
  readonly settings: SettingsRepository;
  readonly audit: HistoryRepository<AuditEntry>;
  readonly uploads: UploadsRepository;
  readonly sessions: SessionsRepository;
  readonly sessionMembers: SessionMembersRepository;
  readonly posts: PostsRepository;
  readonly comments: CommentsRepository;
  readonly chat: ChatHistoryRepository;
  readonly messageEdits: MessageEditsRepository;
  readonly readMarkers: ReadMarkersRepository;
  readonly notifications: HistoryRepository<NotificationRecord>;
  readonly courses: CoursesRepository;
  readonly enrolments: EnrolmentsRepository;
  readonly materials: CourseItemsRepository<MaterialRecord>;
  readonly deadlines: CourseItemsRepository<DeadlineRecord>;
  readonly submissions: SubmissionsRepository;
  readonly grades: KeyedRepository<GradeRecord>;
  readonly feedback: KeyedRepository<FeedbackRecord>;
  readonly doneMarks: DoneMarksRepository;
  readonly announcements: AnnouncementsRepository;
  readonly workComments: WorkCommentsRepository;
  readonly deviceReports: DeviceReportsRepository;
  /** Classroom live tools: one collection per tool family (records-class-tools.ts). */
  readonly polls: PollsRepository;
  readonly attendance: AttendanceRepository;
  readonly exitTickets: ExitTicketsRepository;
  readonly classTools: ClassToolsRepository;
  readonly blobs: BlobStore;
  /** Rate limits, secrets and job leadership: in memory on lowdb, shared by every node on PostgreSQL. */
  readonly coordination: Coordination;
  /** Backups: a consistent snapshot of everything above (archive-port.ts, src-server/archive/). */
  readonly archive: ArchivableStorage;
  /** Waits for every pending write, then releases files. */
  close(): Promise<void>;
}
