import { z } from 'zod';
import { userSummarySchema } from './accounts';
import { courseIdSchema } from './courses';
import { fileIdSchema, storedFileSchema } from './files';
import { permissionsSchema } from './sessions';
import { clientIdSchema } from '../ids';

export const announcementIdSchema = z.string().min(1).max(64).brand<'AnnouncementId'>();
export type AnnouncementId = z.infer<typeof announcementIdSchema>;

export const announcementSchema = z
  .object({
    id: announcementIdSchema,
    courseId: courseIdSchema,
    author: userSummarySchema,
    text: z.string().meta({ description: 'Markdown-lite, as in chat.' }),
    files: z.array(storedFileSchema),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().optional(),
    permissions: permissionsSchema.meta({
      description: 'Its author edits and deletes it; an admin may delete it.',
    }),
  })
  .meta({ id: 'Announcement' });
export type Announcement = z.infer<typeof announcementSchema>;

const text = z.string().trim().max(10_000, 'An announcement can be at most 10,000 characters.');
const fileIds = z.array(fileIdSchema).max(10, 'Attach at most 10 files to an announcement.');

export const createAnnouncementRequestSchema = z
  .object({ text, fileIds: fileIds.default([]), clientId: clientIdSchema.optional() })
  .refine((a) => a.text.length > 0 || a.fileIds.length > 0, {
    message: 'Write something or attach a file.',
    path: ['text'],
  })
  .meta({ id: 'CreateAnnouncementRequest' });

export const updateAnnouncementRequestSchema = z
  .object({
    text,
    addFileIds: fileIds.meta({ description: 'Your unattached uploads to add to it.' }),
    removeFileIds: fileIds.meta({ description: 'Files of the announcement to take off it.' }),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'Change the text or the files.',
    path: ['text'],
  })
  .meta({
    id: 'UpdateAnnouncementRequest',
    description: 'What is left must hold text or a file (else delete the announcement).',
  });

export const announcementParamsSchema = z.object({ announcementId: announcementIdSchema });
export const announcementFileParamsSchema = z.object({
  announcementId: announcementIdSchema,
  fileId: fileIdSchema,
});
