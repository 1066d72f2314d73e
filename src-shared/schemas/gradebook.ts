import { z } from 'zod';
import { userSummarySchema } from './accounts';
import { courseIdSchema, enrolmentStatusSchema } from './courses';
import { deadlineIdSchema } from './deadlines';
import { workStatusSchema } from '../work-status';

/** One assignment as a column of the gradebook. */
export const gradebookAssignmentSchema = z
  .object({
    id: deadlineIdSchema,
    title: z.string(),
    dueAt: z.iso.datetime(),
    maxPoints: z.number().int(),
  })
  .meta({ id: 'GradebookAssignment' });
export type GradebookAssignment = z.infer<typeof gradebookAssignmentSchema>;

/** One student's work on one assignment: the facts a status is computed from, and the points. */
export const gradebookCellSchema = z
  .object({
    submittedAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: 'When the latest version was handed in; null when nothing was.' }),
    gradedAt: z.iso.datetime().nullable(),
    points: z.number().nullable(),
  })
  .meta({ id: 'GradebookCell' });
export type GradebookCell = z.infer<typeof gradebookCellSchema>;

export const gradebookRowSchema = z
  .object({
    student: userSummarySchema,
    enrolment: enrolmentStatusSchema,
    cells: z
      .array(gradebookCellSchema)
      .meta({ description: 'One per assignment, in the order of `assignments`.' }),
  })
  .meta({ id: 'GradebookRow' });
export type GradebookRow = z.infer<typeof gradebookRowSchema>;

export const gradebookSchema = z
  .object({
    courseId: courseIdSchema,
    assignments: z.array(gradebookAssignmentSchema).meta({ description: 'Soonest due first.' }),
    rows: z.array(gradebookRowSchema).meta({
      description:
        'Every student of the course by last name (the teacher, admins); a student gets their own row only.',
    }),
    now: z.iso.datetime().meta({ description: 'The hub’s clock when it answered.' }),
  })
  .meta({ id: 'Gradebook' });
export type Gradebook = z.infer<typeof gradebookSchema>;

export const gradebookFilterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, 'Search with at most 100 characters.')
    .optional()
    .meta({ description: 'Part of a student’s name or username.' }),
  status: workStatusSchema
    .optional()
    .meta({ description: 'Only students with at least one piece of work in this status.' }),
});
export type GradebookFilter = z.infer<typeof gradebookFilterSchema>;
