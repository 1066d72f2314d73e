import type { AccountStatus, Role, VerificationMode } from '../../../src-shared/schemas/accounts';
import type { AuthSessionId, BlobId, StatusUpdateId, UserId } from '../../../src-shared/ids';

/** Stored shapes of accounts: people, their signed-in devices, one-time tokens, hub settings, the audit trail. */

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
