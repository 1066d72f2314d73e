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

/**
 * Chosen by the client per action (a chat message, a post, a submission):
 * resending with the same id stores it once — what lets the desktop outbox
 * replay safely after a flaky connection.
 */
export const clientIdSchema = z
  .string()
  .min(8, 'A client id has at least 8 characters.')
  .max(64, 'A client id has at most 64 characters.')
  .meta({ description: 'Chosen by the client; a resend with the same id is stored once.' });
