import { z } from 'zod';
import { userSummarySchema } from './accounts';
import { courseIdSchema } from './courses';
import { deadlineSchema } from './deadlines';
import { fileKindSchema } from './files';
import { submissionSchema } from './submissions';

export const activityItemSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('status-update'),
      at: z.iso.datetime(),
      author: userSummarySchema,
      text: z.string(),
    }),
    z.object({
      type: z.literal('material'),
      at: z.iso.datetime(),
      courseId: courseIdSchema,
      courseCode: z.string(),
      title: z.string(),
      kind: fileKindSchema,
    }),
    z.object({
      type: z.literal('deadline'),
      at: z.iso.datetime(),
      courseId: courseIdSchema,
      courseCode: z.string(),
      title: z.string(),
      dueAt: z.iso.datetime(),
    }),
  ])
  .meta({ id: 'ActivityItem' });
export type ActivityItem = z.infer<typeof activityItemSchema>;

export const spectrumSchema = z
  .array(
    z.object({
      courseId: courseIdSchema,
      courseCode: z.string(),
      courseTitle: z.string(),
      counts: z.object({
        document: z.number().int(),
        slides: z.number().int(),
        media: z.number().int(),
        archive: z.number().int(),
        other: z.number().int(),
      }),
    }),
  )
  .meta({ id: 'ResourceSpectrum', description: 'Material kinds per course, for the colour bar.' });

export const upcomingDeadlineSchema = deadlineSchema
  .extend({
    courseCode: z.string(),
    submitted: z
      .boolean()
      .meta({ description: 'For students: whether you have handed something in.' }),
  })
  .meta({ id: 'UpcomingDeadline' });

export const teachingSummarySchema = z
  .object({
    courses: z.array(
      z.object({
        courseId: courseIdSchema,
        code: z.string(),
        title: z.string(),
        enrolled: z.number().int(),
        capacity: z.number().int(),
      }),
    ),
    activeStudents: z
      .number()
      .int()
      .meta({ description: 'Distinct students active in any of your courses.' }),
    awaitingGrading: z
      .array(submissionSchema.extend({ courseCode: z.string(), deadlineTitle: z.string() }))
      .meta({ description: 'Latest versions without a grade, newest first (at most 20).' }),
  })
  .meta({ id: 'TeachingSummary' });
