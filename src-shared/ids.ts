import { z } from 'zod';

/**
 * Branded ids: a UserId can never be passed where a CourseId is expected,
 * even though both are strings on the wire.
 */
export const userIdSchema = z.string().min(1).max(64).brand<'UserId'>();
export type UserId = z.infer<typeof userIdSchema>;

export const authSessionIdSchema = z.string().min(1).max(64).brand<'AuthSessionId'>();
export type AuthSessionId = z.infer<typeof authSessionIdSchema>;

export const statusUpdateIdSchema = z.string().min(1).max(64).brand<'StatusUpdateId'>();
export type StatusUpdateId = z.infer<typeof statusUpdateIdSchema>;

/** sha256 of a stored file's bytes, hex. */
export const blobIdSchema = z
  .string()
  .regex(/^[a-f0-9]{64}$/)
  .brand<'BlobId'>();
export type BlobId = z.infer<typeof blobIdSchema>;
