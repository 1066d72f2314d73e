import type { CourseId } from '../../../src-shared/schemas/courses';
import type { AnnouncementId } from '../../../src-shared/schemas/announcements';
import type { UserId } from '../../../src-shared/ids';
import type { DeadlineId } from '../../../src-shared/schemas/courses';
import type { AnnouncementRecord, WorkCommentRecord } from '../records';
import { announcementRecordSchema, workCommentRecordSchema } from '../record-schemas';
import type { AnnouncementsRepository, WorkCommentsRepository } from '../repositories-teaching';
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

const workKey = (deadlineId: string, studentId: string) => `${deadlineId}:${studentId}`;

export const workCommentsCollectionOptions = {
  name: 'work-comments',
  schema: workCommentRecordSchema,
  indexes: { work: (c: WorkCommentRecord) => workKey(c.deadlineId, c.studentId) },
};

export class LowdbWorkCommentsRepository implements WorkCommentsRepository {
  constructor(private readonly comments: LowdbCollection<WorkCommentRecord>) {}
  async listForWork(deadlineId: DeadlineId, studentId: UserId) {
    return this.comments.listByIndex('work', workKey(deadlineId, studentId));
  }
  async insert(comment: WorkCommentRecord) {
    return this.comments.insert(comment);
  }
}
