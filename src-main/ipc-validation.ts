import { z } from 'zod';
import { scopeOfSender, type HubScope } from './hub-scope';
import { ipcChannels, type IpcChannel } from './ipc-channels';
import { PAGE_VISIBLE_ERROR_CODES, type IpcErrorCode, type IpcResult } from './ipc-result';
import { isSafeExternalUrl, isTrustedSender, type TrustedOrigins } from './security';

/**
 * What main accepts from the page, channel by channel. The renderer is
 * untrusted (a hub page is another teacher's code, in principle), so every
 * value is bounded: lengths, counts, byte sizes, alphabets.
 */

/** Longer than any real link; keeps a hostile page from handing the OS megabytes. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;
/** Per attached file of an offline action, and for all files of one action. */
export const MAX_OUTBOX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_OUTBOX_TOTAL_BYTES = 100 * 1024 * 1024;
/** A page snapshot is JSON of one course page; a few MB is already generous. */
export const MAX_SNAPSHOT_BYTES = 4 * 1024 * 1024;
/** A whole-course download in one call. */
export const MAX_DOWNLOADS_PER_CALL = 500;
/** Hub files are limited far below this; a larger "size" is a lie. */
export const MAX_DOWNLOAD_BYTES = 16 * 1024 * 1024 * 1024;

export const externalUrlSchema = z
  .string()
  .max(MAX_EXTERNAL_URL_LENGTH)
  .refine(isSafeExternalUrl, { message: 'Only http and https links can be opened.' });

/** A hub address: http(s), a host, no user:password. */
export const hubUrlSchema = z
  .string()
  .max(MAX_EXTERNAL_URL_LENGTH)
  .refine(isSafeExternalUrl, { message: 'A hub address is an http or https URL.' });

/** Ids of jobs, library items and outbox items: no slashes or dots, so never a path. */
export const localIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'Not an id (letters, digits, - and _; at most 128).');

/** Ids the hub made (courses, sessions, deadlines): same rule, as src-shared caps them at 64. */
const hubIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a hub id.');

const ROOM_PATTERN =
  /^(session|course):[A-Za-z0-9-]{1,64}$|^dm:[A-Za-z0-9-]{1,64}:[A-Za-z0-9-]{1,64}$/;

/** Whitespace, control characters or a backslash: never in a path we build a URL from. */
function hasUnsafeCharacters(value: string): boolean {
  return [...value].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code <= 0x20 || code === 0x7f || char === '\\' || /\s/.test(char);
  });
}

/** An app path such as /courses/123?tab=chat: one leading slash, no backslash or control characters. */
export const appPathSchema = z
  .string()
  .max(2048)
  .refine((value) => /^\/(?!\/)/.test(value) && !hasUnsafeCharacters(value), 'Not an app path.');

const title = z.string().trim().min(1).max(300);
const fileName = z.string().min(1).max(255);

export const downloadRequestSchema = z.strictObject({
  hubUrl: hubUrlSchema,
  path: z
    .string()
    .max(2048)
    .refine((value) => value.startsWith('/api/') && !hasUnsafeCharacters(value), {
      message: 'A download path starts with /api/ and has no spaces or control characters.',
    })
    .refine((value) => !value.split(/[/?#]/).some((part) => part === '..' || part === '.'), {
      message: 'A download path has no . or .. segments.',
    }),
  title,
  fileName,
  sha256: z.string().regex(/^[a-f0-9]{64}$/, 'Not a sha256 checksum.'),
  size: z.number().int().min(0).max(MAX_DOWNLOAD_BYTES),
  kind: z.enum(['document', 'slides', 'media', 'archive', 'other']),
  source: z.enum(['material', 'submission']),
  courseId: hubIdSchema.optional(),
  courseTitle: title.optional(),
});

/** Bytes of a file queued offline: a real Uint8Array (structured clone keeps the type), size-capped. */
export const outboxFileSchema = z.strictObject({
  name: fileName,
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_OUTBOX_FILE_BYTES, {
    message: `A file can be at most ${MAX_OUTBOX_FILE_BYTES / 1024 / 1024} MB.`,
  }),
});

const outboxFiles = z
  .array(outboxFileSchema)
  .max(10)
  .refine(
    (files) =>
      files.reduce((sum, file) => sum + file.bytes.byteLength, 0) <= MAX_OUTBOX_TOTAL_BYTES,
    { message: `All files together can be at most ${MAX_OUTBOX_TOTAL_BYTES / 1024 / 1024} MB.` },
  );

export const outboxRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('chat-message'),
    hubUrl: hubUrlSchema,
    room: z.string().max(200).regex(ROOM_PATTERN, 'Not a chat room name.'),
    text: z.string().min(1).max(4000),
  }),
  z.strictObject({
    kind: z.literal('post'),
    hubUrl: hubUrlSchema,
    sessionId: hubIdSchema,
    text: z.string().max(10_000),
    files: outboxFiles,
  }),
  z.strictObject({
    kind: z.literal('submission'),
    hubUrl: hubUrlSchema,
    deadlineId: hubIdSchema,
    comment: z.string().max(5000),
    files: outboxFiles,
  }),
]);

export const credentialsSchema = z
  .strictObject({ hubUrl: hubUrlSchema, accessToken: z.string().min(1).max(4096) })
  .nullable();

/**
 * Snapshot keys name a page, `<what>:<id>` ("course:42"): no slashes, so they
 * can never become paths. Same rule as offline/snapshots.ts.
 */
export const snapshotKeySchema = z
  .string()
  .max(240)
  .regex(/^[a-z][a-z0-9-]{0,39}:[A-Za-z0-9._:-]{1,200}$/, 'Not a snapshot key (<what>:<id>).');

/** Any JSON value whose serialised form is at most MAX_SNAPSHOT_BYTES. */
export const snapshotDataSchema = z.unknown().superRefine((value, context) => {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    context.addIssue({ code: 'custom', message: 'A snapshot must be JSON.' });
  } else if (Buffer.byteLength(json, 'utf8') > MAX_SNAPSHOT_BYTES) {
    context.addIssue({
      code: 'custom',
      message: `A snapshot can be at most ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB.`,
    });
  }
});

export const nativeNotificationSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  link: appPathSchema,
});

const none = z.tuple([]);

/**
 * The arguments of each channel, as a tuple: main parses every call before
 * acting on it. A channel without an entry here does not compile.
 */
export const ipcArgumentSchemas = {
  [ipcChannels.openExternal]: z.tuple([externalUrlSchema]),
  [ipcChannels.setCredentials]: z.tuple([credentialsSchema]),

  [ipcChannels.hostingStatus]: none,
  [ipcChannels.hostingStart]: none,
  [ipcChannels.hostingStop]: none,
  [ipcChannels.hostingSetKeepRunningInTray]: z.tuple([z.boolean()]),

  [ipcChannels.hubsKnown]: none,
  [ipcChannels.hubsConnect]: z.tuple([hubUrlSchema]),
  [ipcChannels.hubsForget]: z.tuple([hubUrlSchema]),
  [ipcChannels.hubsLeave]: none,

  [ipcChannels.downloadsList]: none,
  [ipcChannels.downloadsEnqueue]: z.tuple([
    z.array(downloadRequestSchema).min(1).max(MAX_DOWNLOADS_PER_CALL),
  ]),
  [ipcChannels.downloadsPause]: z.tuple([localIdSchema]),
  [ipcChannels.downloadsResume]: z.tuple([localIdSchema]),
  [ipcChannels.downloadsCancel]: z.tuple([localIdSchema]),

  [ipcChannels.libraryList]: none,
  [ipcChannels.libraryUsage]: none,
  [ipcChannels.libraryOpen]: z.tuple([localIdSchema]),
  [ipcChannels.libraryRemove]: z.tuple([localIdSchema]),
  [ipcChannels.librarySaveSnapshot]: z.tuple([snapshotKeySchema, snapshotDataSchema]),
  [ipcChannels.libraryReadSnapshot]: z.tuple([snapshotKeySchema]),

  [ipcChannels.outboxList]: none,
  [ipcChannels.outboxEnqueue]: z.tuple([outboxRequestSchema]),
  [ipcChannels.outboxDiscard]: z.tuple([localIdSchema]),

  [ipcChannels.notificationsShow]: z.tuple([nativeNotificationSchema]),
  [ipcChannels.notificationsSetBadgeCount]: z.tuple([z.number().int().min(0).max(99_999)]),
} satisfies Record<IpcChannel, IpcArgumentSchema>;

export type IpcArgumentSchema = z.ZodType<readonly unknown[]>;

export type IpcArgs<C extends IpcChannel> = z.output<(typeof ipcArgumentSchemas)[C]>;

export interface IpcCall<Schema extends IpcArgumentSchema, Data> {
  /** URL of the frame that sent the call (`event.senderFrame?.url`). */
  senderUrl: string | undefined;
  /** The origins whose pages may use the bridge right now. */
  trustedOrigins: TrustedOrigins;
  /** The raw arguments, exactly as they arrived. */
  args: readonly unknown[];
  schema: Schema;
  /** Gets the parsed arguments and the scope of the calling page (hub-scope.ts). */
  run: (args: z.output<Schema>, scope: HubScope) => Data | Promise<Data>;
  /** Told about unexpected failures, which the renderer only sees as INTERNAL. */
  onError?: (error: unknown) => void;
}

/**
 * Runs one IPC call the way every handler must: check the sender, validate
 * the arguments, then act. Never throws; failures come back as results.
 */
export async function handleIpcCall<Schema extends IpcArgumentSchema, Data>(
  call: IpcCall<Schema, Data>,
): Promise<IpcResult<Data>> {
  if (!isTrustedSender(call.senderUrl, call.trustedOrigins)) {
    return failure('FORBIDDEN', 'This page may not use the desktop bridge.');
  }
  const parsed = call.schema.safeParse(call.args);
  if (!parsed.success) {
    return failure('VALIDATION_FAILED', describeIssues(parsed.error));
  }
  try {
    return { ok: true, data: await call.run(parsed.data, scopeOfSender(call.senderUrl)) };
  } catch (error) {
    if (isPageVisible(error)) return failure(error.code, error.message);
    call.onError?.(error);
    return failure('INTERNAL', 'The app could not do that. Please try again.');
  }
}

/** An Error thrown on purpose with a code from PAGE_VISIBLE_ERROR_CODES (see ipc-result.ts). */
function isPageVisible(error: unknown): error is Error & { code: IpcErrorCode } {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    PAGE_VISIBLE_ERROR_CODES.has(error.code)
  );
}

function failure(code: IpcErrorCode, message: string) {
  return { ok: false, error: { code, message } } as const;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) =>
      issue.path.length > 0 ? `argument ${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
