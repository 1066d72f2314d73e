import { z } from 'zod';
import { userSummarySchema } from './accounts';
import { courseIdSchema } from './courses';
import { deadlineIdSchema } from './deadlines';
import { fileIdSchema, storedFileSchema } from './files';
import { clientIdSchema, userIdSchema } from '../ids';
import { workStatusSchema } from '../work-status';

export const submissionIdSchema = z.string().min(1).max(64).brand<'SubmissionId'>();
export type SubmissionId = z.infer<typeof submissionIdSchema>;

export const submissionSchema = z
  .object({
    id: submissionIdSchema,
    deadlineId: deadlineIdSchema,
    student: userSummarySchema,
    version: z.number().int().meta({
      description:
        '1 for the first submission; each resubmission adds one; earlier versions are kept.',
    }),
    comment: z.string(),
    files: z.array(storedFileSchema),
    submittedAt: z.iso.datetime(),
    late: z.boolean(),
  })
  .meta({ id: 'Submission' });
export type Submission = z.infer<typeof submissionSchema>;

export const gradeSchema = z
  .object({
    points: z.number(),
    maxPoints: z.number().int(),
    feedback: z.string(),
    gradedAt: z.iso.datetime(),
  })
  .meta({ id: 'Grade' });
export type Grade = z.infer<typeof gradeSchema>;

export const submitRequestSchema = z
  .object({
    comment: z.string().trim().max(5000, 'A comment can be at most 5000 characters.').default(''),
    fileIds: z
      .array(fileIdSchema)
      .min(1, 'Attach at least one file.')
      .max(10, 'Attach at most 10 files.'),
    clientId: clientIdSchema.optional(),
  })
  .meta({ id: 'SubmitRequest' });

export const mySubmissionsSchema = z
  .object({
    versions: z.array(submissionSchema).meta({ description: 'Newest first.' }),
    grade: gradeSchema.nullable(),
  })
  .meta({ id: 'MySubmissions' });

export const deadlineOverviewRowSchema = z
  .object({
    student: userSummarySchema,
    status: workStatusSchema.meta({
      description:
        'At the time of the reply; clients recompute it with workStatus() as their clock passes the due time.',
    }),
    latest: submissionSchema.nullable(),
    grade: gradeSchema.nullable(),
  })
  .meta({ id: 'DeadlineOverviewRow' });

export const gradeRequestSchema = z.object({
  points: z.number().min(0, 'Points cannot be negative.'),
  feedback: z
    .string()
    .trim()
    .max(5000, 'Feedback can be at most 5000 characters.')
    .optional()
    .meta({ description: 'Left out (as the gradebook does): the feedback given before stays.' }),
});

export const feedbackSchema = z
  .object({
    rating: z.number().int(),
    comment: z.string(),
    anonymous: z.boolean(),
    author: userSummarySchema
      .optional()
      .meta({ description: 'Absent when anonymous — except for the admin, who moderates.' }),
    mine: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CourseFeedback' });
export type CourseFeedback = z.infer<typeof feedbackSchema>;
export const feedbackSummarySchema = z
  .object({
    average: z.number().nullable(),
    count: z.number().int(),
    distribution: z
      .array(z.number().int())
      .length(5)
      .meta({ description: 'How many gave 1, 2, 3, 4 and 5 stars.' }),
    items: z.array(feedbackSchema),
  })
  .meta({ id: 'CourseFeedbackSummary' });
export const feedbackRequestSchema = z.object({
  rating: z
    .number()
    .int('Rate with 1 to 5 stars.')
    .min(1, 'Rate with 1 to 5 stars.')
    .max(5, 'Rate with 1 to 5 stars.'),
  comment: z.string().trim().max(2000, 'A comment can be at most 2000 characters.').default(''),
  anonymous: z.boolean().default(false),
});

export const deadlineStudentParamsSchema = z.object({
  deadlineId: deadlineIdSchema,
  userId: userIdSchema,
});
export const submissionFileParamsSchema = z.object({
  submissionId: submissionIdSchema,
  fileId: fileIdSchema,
});
export const courseIdParams = z.object({ courseId: courseIdSchema });
