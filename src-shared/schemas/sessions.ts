import { z } from 'zod';
import { clientIdSchema, userIdSchema } from '../ids';
import { pageQuerySchema } from '../pagination';
import { userSummarySchema } from './accounts';
import { courseIdSchema } from './courses';
import { fileIdSchema, storedFileSchema } from './files';

export const sessionIdSchema = z.string().min(1).max(64).brand<'SessionId'>();
export type SessionId = z.infer<typeof sessionIdSchema>;
export const postIdSchema = z.string().min(1).max(64).brand<'PostId'>();
export type PostId = z.infer<typeof postIdSchema>;
export const commentIdSchema = z.string().min(1).max(64).brand<'CommentId'>();
export type CommentId = z.infer<typeof commentIdSchema>;

/** No look-alikes (0/O, 1/I/L): read off a projector without mistakes. 31 symbols × 9 ≈ 44.6 bits. */
export const JOIN_TOKEN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_TOKEN_LENGTH = 9;

/** Accepts what people type: any case, with or without dashes and spaces. */
export const joinTokenInputSchema = z
  .string()
  .max(40)
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().min(1, 'Enter the join token your host shows.'));

export function formatJoinToken(token: string): string {
  return token.match(/.{1,3}/g)?.join('-') ?? token;
}

export const sessionRoleSchema = z.enum(['host', 'member']).meta({ id: 'SessionRole' });
export type SessionRole = z.infer<typeof sessionRoleSchema>;

export const sessionSchema = z
  .object({
    id: sessionIdSchema,
    title: z.string(),
    description: z.string(),
    host: userSummarySchema,
    joinToken: z
      .string()
      .optional()
      .meta({ description: 'Shown to the host and admins only, formatted like ABC-DEF-GHJ.' }),
    joinTokenExpiresAt: z.iso.datetime().optional(),
    course: z.object({ id: courseIdSchema, code: z.string(), title: z.string() }).nullable().meta({
      description:
        'The course this session belongs to: only its teacher hosts it and only its active students join.',
    }),
    startsAt: z.iso
      .datetime()
      .optional()
      .meta({ description: 'When the meeting is scheduled (UTC); it shows in the calendar.' }),
    endsAt: z.iso.datetime().optional(),
    memberCount: z.number().int(),
    myRole: sessionRoleSchema
      .nullable()
      .meta({ description: 'null for an admin looking in from outside.' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

const title = z
  .string()
  .trim()
  .min(1, 'Give the session a title.')
  .max(120, 'A title can be at most 120 characters.');
const description = z.string().trim().max(2000, 'A description can be at most 2000 characters.');
const expiry = z.iso.datetime('Use a date and time like 2026-12-01T09:00:00Z.');

const meetingTime = z.iso.datetime('Use a date and time like 2026-12-01T09:00:00Z.');

/** A scheduled meeting is at most a day long: longer is a typo, not a class. */
export const MAX_SESSION_MINUTES = 24 * 60;

export const createSessionRequestSchema = z
  .object({
    title,
    description: description.default(''),
    joinTokenExpiresAt: expiry.optional(),
    startsAt: meetingTime
      .optional()
      .meta({ description: 'Schedule the meeting (with endsAt): it shows in members’ calendars.' }),
    endsAt: meetingTime.optional(),
    courseId: courseIdSchema
      .optional()
      .meta({ description: 'Tie the session to one of your courses (teachers).' }),
  })
  .meta({ id: 'CreateSessionRequest' });
export const updateSessionRequestSchema = z
  .object({
    title,
    description,
    joinTokenExpiresAt: expiry.nullable(),
    startsAt: meetingTime.nullable().meta({ description: 'null (with endsAt null): unscheduled.' }),
    endsAt: meetingTime.nullable(),
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateSessionRequest' });
export const joinSessionRequestSchema = z.object({ token: joinTokenInputSchema });

export const sessionListQuerySchema = pageQuerySchema.extend({
  scope: z
    .enum(['all', 'hosted', 'joined'])
    .default('all')
    .meta({ description: 'Sessions you host, joined, or both (admins: all = every session).' }),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Words in the title or the host’s name.' }),
});

export const memberSchema = z
  .object({
    user: userSummarySchema,
    role: sessionRoleSchema,
    status: z.enum(['active', 'blocked']),
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'SessionMember' });
export type Member = z.infer<typeof memberSchema>;

export const permissionsSchema = z.object({ canEdit: z.boolean(), canDelete: z.boolean() });

export const postFileSchema = storedFileSchema
  .extend({
    canDownload: z.boolean().meta({
      description: 'Members open the host’s files and their own; the host opens everyone’s.',
    }),
  })
  .meta({ id: 'PostFile' });

export const postSchema = z
  .object({
    id: postIdSchema,
    sessionId: sessionIdSchema,
    author: userSummarySchema,
    text: z.string(),
    files: z.array(postFileSchema),
    commentCount: z.number().int(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().optional(),
    permissions: permissionsSchema,
  })
  .meta({ id: 'Post' });
export type Post = z.infer<typeof postSchema>;

const postText = z.string().trim().max(10_000, 'A post can be at most 10,000 characters.');
const fileIds = z.array(fileIdSchema).max(10, 'Attach at most 10 files to a post.');

export const createPostRequestSchema = z
  .object({
    text: postText.default(''),
    fileIds: fileIds.default([]),
    clientId: clientIdSchema.optional(),
  })
  .refine((post) => post.text.length > 0 || post.fileIds.length > 0, {
    message: 'Write something or attach a file.',
    path: ['text'],
  })
  .meta({ id: 'CreatePostRequest' });
export const updatePostRequestSchema = z
  .object({ text: postText, addFileIds: fileIds })
  .partial()
  .strict()
  .meta({ id: 'UpdatePostRequest' });

export const postSearchQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Words in the post text or its file names.' }),
  authorId: userIdSchema.optional(),
  hasFiles: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: z.iso.datetime().optional().meta({ description: 'Posted at or after.' }),
  to: z.iso.datetime().optional().meta({ description: 'Posted before.' }),
});

export const commentSchema = z
  .object({
    id: commentIdSchema,
    postId: postIdSchema,
    author: userSummarySchema,
    text: z.string(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().optional(),
    permissions: permissionsSchema,
  })
  .meta({ id: 'Comment' });
export type Comment = z.infer<typeof commentSchema>;
export const commentRequestSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Write a comment first.')
    .max(2000, 'A comment can be at most 2000 characters.'),
});

export const sessionParamsSchema = z.object({ sessionId: sessionIdSchema });
export const memberParamsSchema = z.object({ sessionId: sessionIdSchema, userId: userIdSchema });
export const postParamsSchema = z.object({ postId: postIdSchema });
export const postFileParamsSchema = z.object({ postId: postIdSchema, fileId: fileIdSchema });
export const commentParamsSchema = z.object({ commentId: commentIdSchema });
