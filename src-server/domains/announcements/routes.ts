import type { HandlersFor } from '../handlers';
import type { AnnouncementService } from './announcement-service';

type AnnouncementRouteName =
  | 'announcements'
  | 'createAnnouncement'
  | 'updateAnnouncement'
  | 'deleteAnnouncement'
  | 'downloadAnnouncementFile';

export function announcementRoutes(
  announcements: AnnouncementService,
): HandlersFor<AnnouncementRouteName> {
  return {
    announcements: ({ auth, params, query }) =>
      announcements.list(auth.user, params.courseId, query),
    createAnnouncement: ({ auth, params, body }) =>
      announcements.create(auth.user, params.courseId, body),
    updateAnnouncement: ({ auth, params, body }) =>
      announcements.update(auth.user, params.announcementId, body),
    deleteAnnouncement: ({ auth, params }) =>
      announcements.delete(auth.user, params.announcementId),
    downloadAnnouncementFile: ({ auth, params }) =>
      announcements.download(auth.user, params.announcementId, params.fileId),
  };
}
