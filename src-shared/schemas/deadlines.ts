import { z } from 'zod';
import { courseIdSchema, materialIdSchema } from './courses';
import { fileIdSchema, storedFileSchema } from './files';

/** A course's deadlines: assignments with a due time, points and the materials attached. */
export const deadlineIdSchema = z.string().min(1).max(64).brand<'DeadlineId'>();
export type DeadlineId = z.infer<typeof deadlineIdSchema>;

export const deadlineMaterialSchema = z
  .object({ id: materialIdSchema, title: z.string(), file: storedFileSchema })
  .meta({ id: 'DeadlineMaterial' });
export type DeadlineMaterial = z.infer<typeof deadlineMaterialSchema>;

export const deadlineSchema = z
  .object({
    id: deadlineIdSchema,
    courseId: courseIdSchema,
    title: z.string(),
    description: z.string(),
    dueAt: z.iso
      .datetime()
      .meta({ description: 'UTC; clients show it in the viewer’s time zone.' }),
    maxPoints: z.number().int(),
    acceptLate: z
      .boolean()
      .meta({ description: 'Late submissions are flagged when accepted, refused otherwise.' }),
    materials: z.array(deadlineMaterialSchema).meta({
      description:
        'Course materials attached to the assignment; open one with downloadMaterial. A deleted material drops out.',
    }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Deadline' });
export type Deadline = z.infer<typeof deadlineSchema>;
const deadlineFields = {
  title: z
    .string()
    .trim()
    .min(1, 'Give the deadline a title.')
    .max(200, 'A title can be at most 200 characters.'),
  description: z.string().trim().max(5000, 'A description can be at most 5000 characters.'),
  dueAt: z.iso.datetime({
    offset: true,
    error: 'Give the due time as a date and time, like 2026-12-01T17:00:00Z.',
  }),
  maxPoints: z
    .number()
    .int()
    .min(1, 'Points must be at least 1.')
    .max(1000, 'Points can be at most 1000.'),
  acceptLate: z.boolean(),
  materialIds: z
    .array(materialIdSchema)
    .max(20, 'Attach at most 20 materials to a deadline.')
    .meta({
      description:
        'Course materials to attach (on a change: the whole list, replacing the one before).',
    }),
  fileIds: z.array(fileIdSchema).max(10, 'Attach at most 10 new files at once.').meta({
    description:
      'New uploads: each becomes a course material (titled by its file name) and is attached.',
  }),
};
export const createDeadlineRequestSchema = z
  .object({
    ...deadlineFields,
    description: deadlineFields.description.default(''),
    maxPoints: deadlineFields.maxPoints.default(100),
    acceptLate: deadlineFields.acceptLate.default(true),
    materialIds: deadlineFields.materialIds.default([]),
    fileIds: deadlineFields.fileIds.default([]),
  })
  .meta({ id: 'CreateDeadlineRequest' });
export const updateDeadlineRequestSchema = z
  .object(deadlineFields)
  .partial()
  .strict()
  .meta({ id: 'UpdateDeadlineRequest' });
export const deadlineParamsSchema = z.object({ deadlineId: deadlineIdSchema });
