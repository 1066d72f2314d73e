import type { UserId } from '../../../src-shared/ids';
import type { AnnouncementId } from '../../../src-shared/schemas/announcements';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { deleteListed } from './delete-listed';
import { announcementRecordSchema, workCommentRecordSchema } from '../record-schemas';
import type { AnnouncementRecord, WorkCommentRecord } from '../records';
import type { AnnouncementsRepository, WorkCommentsRepository } from '../repositories-teaching';

export const announcementsCollectionOptions: CollectionDefinition<AnnouncementRecord> = {
  name: 'announcements',
  schema: announcementRecordSchema,
  indexes: { course: (a) => a.courseId },
};

export class DocumentAnnouncementsRepository implements AnnouncementsRepository {
  constructor(private readonly announcements: DocumentCollection<AnnouncementRecord>) {}
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
  async deleteForCourse(courseId: CourseId) {
    return deleteListed(this.announcements, 'course', courseId);
  }
}

const workKey = (deadlineId: string, studentId: string) => `${deadlineId}:${studentId}`;

export const workCommentsCollectionOptions: CollectionDefinition<WorkCommentRecord> = {
  name: 'work-comments',
  schema: workCommentRecordSchema,
  indexes: { work: (c) => workKey(c.deadlineId, c.studentId) },
};

export class DocumentWorkCommentsRepository implements WorkCommentsRepository {
  constructor(private readonly comments: DocumentCollection<WorkCommentRecord>) {}
  async listForWork(deadlineId: DeadlineId, studentId: UserId) {
    return this.comments.listByIndex('work', workKey(deadlineId, studentId));
  }
  async insert(comment: WorkCommentRecord) {
    return this.comments.insert(comment);
  }
  async deleteForWork(deadlineId: DeadlineId, studentId: UserId) {
    return deleteListed(this.comments, 'work', workKey(deadlineId, studentId));
  }
}
