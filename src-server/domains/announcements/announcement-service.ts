import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type {
  Announcement,
  AnnouncementId,
  createAnnouncementRequestSchema,
} from '../../../src-shared/schemas/announcements';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { FileId } from '../../../src-shared/schemas/files';
import { DomainError } from '../../domain-error';
import type { AnnouncementRecord, UserRecord } from '../../storage/records';
import { formerMember, toSummary } from '../accounts/views';
import {
  assertInside,
  assertMayAnnounce,
  courseAccess,
  type CourseAccess,
} from '../access/course-access';
import type { DomainDeps } from '../deps';
import { storedFile, type FileReply } from '../file-reply';
import { claimUploads } from '../files/claim';
import { toStoredFile } from '../files/routes';
import { IdempotentActions } from '../idempotency';
import { pageOfList } from '../paging';

type CreateAnnouncement = z.output<typeof createAnnouncementRequestSchema>;

/** The narrow port: what announcements read and write, nothing else. */
export const ANNOUNCEMENT_REPOSITORIES = [
  'announcements',
  'courses',
  'enrolments',
  'uploads',
  'users',
  'blobs',
] as const;
type Deps = DomainDeps<(typeof ANNOUNCEMENT_REPOSITORIES)[number]>;

/** A course's stream: the teacher posts, the course's people and admins read, the author edits. */
export class AnnouncementService {
  constructor(private readonly deps: Deps) {}

  private readonly resends = new IdempotentActions();

  async list(actor: UserRecord, courseId: CourseId, query: PageQuery): Promise<Page<Announcement>> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertInside(access, 'its announcements');
    const all = (await this.deps.storage.announcements.listForCourse(courseId)).reverse();
    return pageOfList(all, query, (a) => this.view(actor, a));
  }

  /** A resend with the same clientId returns the announcement stored the first time. */
  async create(
    actor: UserRecord,
    courseId: CourseId,
    input: CreateAnnouncement,
  ): Promise<Announcement> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertMayAnnounce(access);
    if (!input.clientId) return this.store(actor, access, randomUUID() as AnnouncementId, input);
    const id = IdempotentActions.recordId('announcement', actor.id, input.clientId);
    return this.resends.run(id, async () => {
      const earlier = await this.deps.storage.announcements.get(id as AnnouncementId);
      if (earlier && earlier.courseId === courseId) return this.view(actor, earlier);
      if (earlier)
        throw new DomainError('CONFLICT', 'This client id was already used for another post.');
      return this.store(actor, access, id as AnnouncementId, input);
    });
  }

  private async store(
    actor: UserRecord,
    access: CourseAccess,
    id: AnnouncementId,
    input: CreateAnnouncement,
  ): Promise<Announcement> {
    const files = await claimUploads(
      this.deps.storage,
      actor.id,
      input.fileIds,
      `announcement:${id}`,
    );
    const announcement = await this.deps.storage.announcements.insert({
      id,
      courseId: access.course.id,
      authorId: actor.id,
      text: input.text,
      files,
      createdAt: this.deps.now().toISOString(),
    });
    this.deps.bus.publish('announcement.created', {
      announcement,
      course: access.course,
      actorId: actor.id,
    });
    return this.view(actor, announcement);
  }

  async update(actor: UserRecord, id: AnnouncementId, text: string): Promise<Announcement> {
    const { announcement, access } = await this.load(actor, id);
    if (announcement.authorId !== actor.id)
      throw new DomainError('FORBIDDEN', 'Only its author can edit an announcement.');
    const updated = await this.deps.storage.announcements.update(id, (a) => ({
      ...a,
      text,
      editedAt: this.deps.now().toISOString(),
    }));
    if (!updated) throw gone();
    this.deps.bus.publish('announcement.updated', {
      announcement: updated,
      course: access.course,
      actorId: actor.id,
    });
    return this.view(actor, updated);
  }

  async delete(actor: UserRecord, id: AnnouncementId): Promise<void> {
    const { announcement, access } = await this.load(actor, id);
    if (announcement.authorId !== actor.id && !actor.isAdmin)
      throw new DomainError('FORBIDDEN', 'Only its author or an admin can delete an announcement.');
    await this.deps.storage.announcements.delete(id);
    // Their bytes are collected later, once nothing refers to them.
    await this.deps.storage.uploads.deleteMany(announcement.files.map((f) => f.id));
    this.deps.bus.publish('announcement.deleted', {
      announcement,
      course: access.course,
      actorId: actor.id,
    });
  }

  async download(actor: UserRecord, id: AnnouncementId, fileId: FileId): Promise<FileReply> {
    const { announcement } = await this.load(actor, id);
    const file = announcement.files.find((f) => f.id === fileId);
    if (!file) throw new DomainError('NOT_FOUND', 'This announcement has no such file.');
    return storedFile(this.deps.storage.blobs, file);
  }

  /** Everyone inside the course reads every announcement; outsiders and blocked students none. */
  private async load(actor: UserRecord, id: AnnouncementId) {
    const announcement = await this.deps.storage.announcements.get(id);
    if (!announcement) throw gone();
    const access = await courseAccess(this.deps.storage, actor, announcement.courseId);
    assertInside(access, 'its announcements');
    return { announcement, access };
  }

  async view(actor: UserRecord, a: AnnouncementRecord): Promise<Announcement> {
    const author = (await this.deps.storage.users.get(a.authorId)) ?? formerMember(a.authorId);
    const mine = a.authorId === actor.id;
    return {
      id: a.id,
      courseId: a.courseId,
      author: toSummary(author, actor),
      text: a.text,
      files: a.files.map(toStoredFile),
      createdAt: a.createdAt,
      ...(a.editedAt ? { editedAt: a.editedAt } : {}),
      permissions: { canEdit: mine, canDelete: mine || actor.isAdmin },
    };
  }
}

const gone = () =>
  new DomainError('NOT_FOUND', 'This announcement does not exist (it may have been deleted).');
