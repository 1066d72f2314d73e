import { z } from 'zod';

/**
 * Every error the hub can answer with. The HTTP status lives here too so the
 * server maps codes the same way everywhere and clients can rely on it.
 */
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_REVOKED: 401,
  ACCOUNT_PENDING: 403,
  ACCOUNT_UNVERIFIED: 403,
  ACCOUNT_REJECTED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  USERNAME_TAKEN: 409,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  TOO_MANY_REQUESTS: 429,
  STORAGE_UNAVAILABLE: 503,
  /** The hub's disk is full: nothing was stored; reading and signing in still work. */
  STORAGE_FULL: 507,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

/** A field-level problem, so a form can show the message beside the right input. */
export const fieldIssueSchema = z.object({
  path: z
    .string()
    .meta({ description: 'Dotted path of the field, e.g. "password" or "body.email".' }),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string().meta({ description: 'A sentence a person can act on.' }),
      details: z
        .object({
          fields: z.array(fieldIssueSchema).optional(),
          retryAfterSeconds: z.number().int().optional(),
        })
        .optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ErrorDetails = NonNullable<ErrorBody['error']['details']>;
