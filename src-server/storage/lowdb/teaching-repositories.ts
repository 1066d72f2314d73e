import type { CourseId } from '../../../src-shared/schemas/courses';
import type { AnnouncementId } from '../../../src-shared/schemas/announcements';
import type { AnnouncementRecord } from '../records';
import { announcementRecordSchema } from '../record-schemas';
import type { AnnouncementsRepository } from '../repositories-teaching';
import type { LowdbCollection } from './collection';

export const announcementsCollectionOptions = {
  name: 'announcements',
  schema: announcementRecordSchema,
  indexes: { course: (a: AnnouncementRecord) => a.courseId },
};

export class LowdbAnnouncementsRepository implements AnnouncementsRepository {
  constructor(private readonly announcements: LowdbCollection<AnnouncementRecord>) {}
  async get(id: AnnouncementId) {
    return this.announcements.get(id);
  }
  async listForCourse(courseId: CourseId) {
    return this.announcements.listByIndex('course', courseId);
  }
  async insert(announcement: AnnouncementRecord) {
    return this.announcements.insert(announcement);
  }
  async update(id: AnnouncementId, change: (current: AnnouncementRecord) => AnnouncementRecord) {
    return this.announcements.update(id, change);
  }
  async delete(id: AnnouncementId) {
    return this.announcements.delete(id);
  }
}
