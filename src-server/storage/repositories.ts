import type { AccountStatus, Role } from '../../src-shared/schemas/accounts';
import type { AuthSessionId, StatusUpdateId, UserId } from '../../src-shared/ids';
import type { BlobStore } from './blobs/blob-store';
import type {
  AccountTokenRecord,
  AuditEntry,
  AuthSessionRecord,
  HubSettingsRecord,
  StatusUpdateRecord,
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
  update(id: UserId, change: (current: UserRecord) => UserRecord): Promise<UserRecord | undefined>;
  delete(id: UserId): Promise<boolean>;
}

export interface AuthSessionsRepository {
  get(id: AuthSessionId): Promise<AuthSessionRecord | undefined>;
  listForUser(userId: UserId): Promise<AuthSessionRecord[]>;
  insert(session: AuthSessionRecord): Promise<AuthSessionRecord>;
  update(id: AuthSessionId, change: (current: AuthSessionRecord) => AuthSessionRecord): Promise<AuthSessionRecord | undefined>;
  delete(id: AuthSessionId): Promise<boolean>;
  /** Returns the ids removed. */
  deleteForUser(userId: UserId): Promise<AuthSessionId[]>;
}

export interface AccountTokensRepository {
  findByHash(tokenHash: string): Promise<AccountTokenRecord | undefined>;
  insert(token: AccountTokenRecord): Promise<AccountTokenRecord>;
  delete(id: string): Promise<boolean>;
  deleteForUser(userId: UserId, purpose?: AccountTokenRecord['purpose']): Promise<number>;
}

export interface StatusUpdatesRepository {
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
}
export interface HistoryEntry<T> {
  /** 1, 2, 3… within the stream. */
  readonly seq: number;
  readonly at: string;
  readonly entry: T;
}

export interface Storage {
  readonly users: UsersRepository;
  readonly authSessions: AuthSessionsRepository;
  readonly accountTokens: AccountTokensRepository;
  readonly statusUpdates: StatusUpdatesRepository;
  readonly settings: SettingsRepository;
  readonly audit: HistoryRepository<AuditEntry>;
  readonly blobs: BlobStore;
  /** Waits for every pending write, then releases files. */
  close(): Promise<void>;
}
