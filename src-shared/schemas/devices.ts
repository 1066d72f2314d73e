import { z } from 'zod';
import { userSummarySchema } from './accounts';
import { courseIdSchema } from './courses';

/**
 * The device board (FEATURES.md §7): which devices each student of a course
 * uses, and how ready each is for class. A connection says what it is at the
 * handshake (`ClientHello`); the desktop app then reports its offline library
 * and outbox (`DeviceReport`). Both flow client → hub only: the hub stores
 * them and shows them to the course's teacher and admins, never back as
 * anything a client acts on.
 */

/** Chosen once per browser profile / desktop install and kept in its local storage. */
export const deviceIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{8,64}$/,
    'A device id is 8 to 64 letters, digits, "-" or "_" (the app makes one by itself).',
  )
  .brand<'DeviceId'>();
export type DeviceId = z.infer<typeof deviceIdSchema>;

export const clientKinds = ['desktop', 'browser'] as const;
export const clientKindSchema = z.enum(clientKinds).meta({ id: 'ClientKind' });
export type ClientKind = z.infer<typeof clientKindSchema>;

/** What a connection declares in its handshake (`auth.client`). */
export const clientHelloSchema = z
  .object({
    kind: clientKindSchema,
    deviceId: deviceIdSchema,
    /** The desktop app's version; a browser sends none. */
    version: z
      .string()
      .regex(/^[0-9A-Za-z.+-]{1,40}$/, 'An app version looks like 1.4.2 (at most 40 characters).')
      .optional(),
    /** A word for the person reading the board: linux, win32, darwin, Android, iPhone … */
    platform: z.string().trim().min(1).max(40).optional(),
  })
  .strict();
export type ClientHello = z.infer<typeof clientHelloSchema>;

/** The hub's file checksum (sha256 hex), which is how the desktop library knows a file. */
const fileChecksumSchema = z
  .string()
  .regex(/^[a-f0-9]{64}$/, 'A file checksum is 64 lowercase hex characters (sha256).');

/** At most this many courses and files per course in one report: far above any real library. */
export const REPORT_LIMITS = { courses: 200, filesPerCourse: 1000, outbox: 100_000 } as const;

/**
 * The desktop app's state for this hub: the material files in its offline
 * library per course (by checksum: the library's own key, so a material whose
 * file was replaced counts as missing until downloaded again) and how many
 * outbox items wait to be sent.
 */
export const deviceReportSchema = z
  .object({
    library: z
      .array(
        z
          .object({
            courseId: courseIdSchema,
            files: z
              .array(fileChecksumSchema)
              .max(
                REPORT_LIMITS.filesPerCourse,
                `At most ${REPORT_LIMITS.filesPerCourse} files per course in one report.`,
              ),
          })
          .strict(),
      )
      .max(REPORT_LIMITS.courses, `At most ${REPORT_LIMITS.courses} courses in one report.`),
    outboxWaiting: z.number().int().min(0).max(REPORT_LIMITS.outbox),
  })
  .strict()
  .meta({ id: 'DeviceReport' });
export type DeviceReport = z.infer<typeof deviceReportSchema>;

export const boardMaterialSchema = z.object({ id: z.string(), title: z.string() });

export const boardDeviceSchema = z
  .object({
    deviceId: deviceIdSchema,
    kind: clientKindSchema,
    version: z.string().optional(),
    platform: z.string().optional(),
    online: z.boolean(),
    lastSyncAt: z.iso
      .datetime()
      .meta({ description: 'When the hub last heard from this device (connect or report).' }),
    outboxWaiting: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Items waiting in its outbox; null: it has none (a browser).' }),
    presentMaterialIds: z.array(z.string()).nullable().meta({
      description:
        'Which of the course’s materials are in its offline library; null: it has no library (a browser) or has not reported one.',
    }),
  })
  .meta({ id: 'BoardDevice' });
export type BoardDevice = z.infer<typeof boardDeviceSchema>;

export const deviceBoardSchema = z
  .object({
    courseId: courseIdSchema,
    /** The course's materials, in course order: what "present" and "missing" refer to. */
    materials: z.array(boardMaterialSchema),
    students: z.array(
      z.object({
        student: userSummarySchema,
        /** Most recently seen first; empty when the student has not connected since the board existed. */
        devices: z.array(boardDeviceSchema),
      }),
    ),
  })
  .meta({ id: 'DeviceBoard' });
export type DeviceBoard = z.infer<typeof deviceBoardSchema>;
