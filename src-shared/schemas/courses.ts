import { z } from 'zod';
import { userIdSchema } from '../ids';
import { pageQuerySchema } from '../pagination';
import { userSummarySchema } from './accounts';
import { fileIdSchema, storedFileSchema } from './files';

export const courseIdSchema = z.string().min(1).max(64).brand<'CourseId'>();
export type CourseId = z.infer<typeof courseIdSchema>;

export const enrolmentStatuses = ['active', 'completed', 'dropped', 'blocked'] as const;
export const enrolmentStatusSchema = z.enum(enrolmentStatuses).meta({ id: 'EnrolmentStatus' });
export type EnrolmentStatus = z.infer<typeof enrolmentStatusSchema>;

export const courseSchema = z
  .object({
    id: courseIdSchema,
    code: z.string().meta({
      description:
        'Unique (case-insensitively): chosen by the teacher, or automatic CS101, CS102, …',
    }),
    title: z.string(),
    description: z.string(),
    capacity: z.number().int(),
    enrolledCount: z.number().int().meta({ description: 'Active enrolments.' }),
    teacher: userSummarySchema,
    archived: z.boolean(),
    joinCode: z
      .string()
      .optional()
      .meta({ description: 'Shown to the course’s teacher and admins only.' }),
    myEnrolment: z
      .object({ status: enrolmentStatusSchema, enrolledAt: z.iso.datetime() })
      .nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Course' });
export type Course = z.infer<typeof courseSchema>;

/** What deleting a course removes: shown in the admin's confirmation, and answered by the delete. */
export const courseDeletionSummarySchema = z
  .object({
    enrolments: z.number().int().nonnegative(),
    materials: z.number().int().nonnegative(),
    deadlines: z.number().int().nonnegative(),
    submissions: z.number().int().nonnegative(),
    announcements: z.number().int().nonnegative(),
    sessions: z.number().int().nonnegative(),
  })
  .meta({ id: 'CourseDeletionSummary' });
export type CourseDeletionSummary = z.infer<typeof courseDeletionSummarySchema>;

const title = z
  .string()
  .trim()
  .min(1, 'Give the course a title.')
  .max(120, 'A title can be at most 120 characters.');
const description = z.string().trim().max(5000, 'A description can be at most 5000 characters.');
const capacity = z
  .number()
  .int('Capacity is a whole number.')
  .min(1, 'A course needs room for at least one student.')
  .max(1000, 'Capacity can be at most 1000.');

/** Places in a course whose teacher did not say (EduStream's max_students default). */
export const DEFAULT_CAPACITY = 30;

/** A course code a teacher types: stored upper case, so uniqueness ignores case. */
export const courseCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(2, 'A course code is at least 2 characters, like BIO2A.')
  .max(12, 'A course code can be at most 12 characters.')
  .regex(/^[A-Z0-9]+$/, 'A course code has letters and digits only, like BIO2A.');

export const courseCodeParamsSchema = z.object({ code: z.string().max(100) });
export const courseCodeAvailabilitySchema = z
  .object({
    code: z.string().meta({ description: 'The code as it would be stored (upper case).' }),
    available: z.boolean(),
    message: z.string().meta({ description: 'Why not, or that it is free: show it on the field.' }),
  })
  .meta({ id: 'CourseCodeAvailability' });
export type CourseCodeAvailability = z.infer<typeof courseCodeAvailabilitySchema>;

export const createCourseRequestSchema = z
  .object({
    title,
    description: description.default(''),
    capacity: capacity.default(DEFAULT_CAPACITY).meta({
      description: `Places for students; ${DEFAULT_CAPACITY} when left out, as in EduStream.`,
    }),
    codePrefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2,4}$/, 'A code prefix is 2–4 letters, like CS or MATH.')
      .default('CS'),
    code: courseCodeSchema.optional().meta({
      description: 'A code of your own; without it the hub picks the next automatic one.',
    }),
  })
  .meta({ id: 'CreateCourseRequest' });
export const updateCourseRequestSchema = z
  .object({ title, description, capacity, archived: z.boolean() })
  .partial()
  .strict()
  .meta({ id: 'UpdateCourseRequest' });

export const catalogueQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Words in the title, code, description or teacher’s name.' }),
  teacherId: userIdSchema.optional(),
  scope: z
    .enum(['all', 'mine'])
    .default('all')
    .meta({ description: 'mine: courses you teach or are enrolled in.' }),
  availability: z.enum(['open', 'full']).optional(),
  archived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({
      description:
        'Archived or current courses only. Unset: the catalogue shows current ones, `mine` both (your archived courses stay yours).',
    }),
});

export const joinCourseRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, 'Enter the join code your teacher gave you.')
    .max(20),
});

export const enrolmentSchema = z
  .object({
    courseId: courseIdSchema,
    courseCode: z.string(),
    student: userSummarySchema,
    status: enrolmentStatusSchema,
    enrolledAt: z.iso.datetime(),
  })
  .meta({ id: 'Enrolment' });
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** A teacher's student: one row per person across all the teacher's courses. */
export const teacherStudentSchema = z
  .object({
    student: userSummarySchema,
    enrolments: z.array(
      z.object({
        courseId: courseIdSchema,
        courseCode: z.string(),
        courseTitle: z.string(),
        status: enrolmentStatusSchema,
      }),
    ),
  })
  .meta({ id: 'TeacherStudent' });
export const teacherStudentsQuerySchema = pageQuerySchema.extend({
  courseId: courseIdSchema
    .optional()
    .meta({ description: 'One course; without it, every course you teach (each student once).' }),
  q: z.string().trim().max(100).optional(),
  status: enrolmentStatusSchema.optional(),
});
export const setEnrolmentStatusRequestSchema = z.object({
  status: z.enum(['active', 'blocked', 'completed'], 'Choose active, blocked or completed.'),
});

export const courseParamsSchema = z.object({ courseId: courseIdSchema });
export const enrolmentParamsSchema = z.object({ courseId: courseIdSchema, userId: userIdSchema });

export const materialIdSchema = z.string().min(1).max(64).brand<'MaterialId'>();
export type MaterialId = z.infer<typeof materialIdSchema>;

export const materialSchema = z
  .object({
    id: materialIdSchema,
    courseId: courseIdSchema,
    title: z.string(),
    file: storedFileSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Material' });
export type Material = z.infer<typeof materialSchema>;
const materialTitle = z
  .string()
  .trim()
  .min(1, 'Give the material a title.')
  .max(200, 'A title can be at most 200 characters.');
export const createMaterialRequestSchema = z
  .object({
    fileId: fileIdSchema,
    title: materialTitle.optional().meta({ description: 'Defaults to the file name.' }),
  })
  .meta({ id: 'CreateMaterialRequest' });
export const renameMaterialRequestSchema = z.object({ title: materialTitle });
export const materialParamsSchema = z.object({ materialId: materialIdSchema });

/** What a signed-out visitor sees of a course: enough to choose one, nothing more. */
export const visitorCourseSchema = z
  .object({
    id: courseIdSchema,
    code: z.string(),
    title: z.string(),
    teacherName: z.string().meta({ description: 'First and last name only.' }),
    placesLeft: z.number().int().min(0),
  })
  .meta({ id: 'VisitorCourse' });
export type VisitorCourse = z.infer<typeof visitorCourseSchema>;
export const visitorCatalogueQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Words in the title, code or teacher’s name.' }),
});
