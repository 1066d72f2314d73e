import { route } from '../api-route';
import { pageQuerySchema, pageSchema } from '../pagination';
import { courseParamsSchema } from '../schemas/courses';
import {
  announcementFileParamsSchema,
  announcementParamsSchema,
  announcementSchema,
  createAnnouncementRequestSchema,
  updateAnnouncementRequestSchema,
} from '../schemas/announcements';

/** A course's stream of announcements: its teacher posts, its people read. */
export const announcementRoutes = {
  announcements: route({
    method: 'get',
    path: '/courses/:courseId/announcements',
    tag: 'announcements',
    auth: 'user',
    summary: 'Announcements of a course, newest first (teacher, active students, admins)',
    params: courseParamsSchema,
    query: pageQuerySchema,
    response: pageSchema(announcementSchema),
  }),
  createAnnouncement: route({
    method: 'post',
    path: '/courses/:courseId/announcements',
    tag: 'announcements',
    auth: 'user',
    successStatus: 201,
    summary:
      'Post an announcement with markdown-lite text and uploaded files (the course’s teacher); students are notified',
    params: courseParamsSchema,
    body: createAnnouncementRequestSchema,
    response: announcementSchema,
  }),
  updateAnnouncement: route({
    method: 'patch',
    path: '/announcements/:announcementId',
    tag: 'announcements',
    auth: 'user',
    summary: 'Edit an announcement’s text and add or remove its files (its author)',
    params: announcementParamsSchema,
    body: updateAnnouncementRequestSchema,
    response: announcementSchema,
  }),
  deleteAnnouncement: route({
    method: 'delete',
    path: '/announcements/:announcementId',
    tag: 'announcements',
    auth: 'user',
    successStatus: 204,
    summary: 'Delete an announcement (its author or an admin)',
    params: announcementParamsSchema,
  }),
  downloadAnnouncementFile: route({
    method: 'get',
    path: '/announcements/:announcementId/files/:fileId',
    tag: 'announcements',
    auth: 'user',
    summary: 'Download a file of an announcement (the course’s people and admins; HTTP Range)',
    params: announcementFileParamsSchema,
    response: 'file',
  }),
} as const;
