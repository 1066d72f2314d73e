import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type {
  Announcement,
  AnnouncementId,
  createAnnouncementRequestSchema,
  updateAnnouncementRequestSchema,
} from '../../../src-shared/schemas/announcements';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { FileId } from '../../../src-shared/schemas/files';
import { DomainError, fieldError } from '../../domain-error';
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
import { attachUploadsTo } from '../files/claim';
import { toStoredFile } from '../files/routes';
import { IdempotentActions } from '../idempotency';
import { pageOfList } from '../paging';

type CreateAnnouncement = z.output<typeof createAnnouncementRequestSchema>;
type UpdateAnnouncement = z.output<typeof updateAnnouncementRequestSchema>;

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
    const stored = async () => {
      const earlier = await this.deps.storage.announcements.get(id as AnnouncementId);
      if (earlier && earlier.courseId === courseId) return this.view(actor, earlier);
      if (earlier)
        throw new DomainError('CONFLICT', 'This client id was already used for another post.');
      return undefined;
    };
    return this.resends.run(
      id,
      async () => (await stored()) ?? this.store(actor, access, id as AnnouncementId, input),
      stored,
    );
  }

  private async store(
    actor: UserRecord,
    access: CourseAccess,
    id: AnnouncementId,
    input: CreateAnnouncement,
  ): Promise<Announcement> {
    // The uploads are given back if the announcement cannot be stored (a full disk).
    const announcement = await attachUploadsTo(
      this.deps.storage,
      { actorId: actor.id, fileIds: input.fileIds, owner: `announcement:${id}` },
      (files) =>
        this.deps.storage.announcements.insert({
          id,
          courseId: access.course.id,
          authorId: actor.id,
          text: input.text,
          files,
          createdAt: this.deps.now().toISOString(),
        }),
    );
    this.deps.bus.publish('announcement.created', {
      announcement,
      course: access.course,
      actorId: actor.id,
    });
    return this.view(actor, announcement);
  }

  /**
   * The author edits the text and the files in one change: new uploads are
   * claimed (and given back if the save fails), removed files are let go
   * after it. What is left must still say something.
   */
  async update(
    actor: UserRecord,
    id: AnnouncementId,
    patch: UpdateAnnouncement,
  ): Promise<Announcement> {
    const { announcement, access } = await this.load(actor, id);
    if (announcement.authorId !== actor.id)
      throw new DomainError('FORBIDDEN', 'Only its author can edit an announcement.');
    const removing = new Set(patch.removeFileIds ?? []);
    const adding = patch.addFileIds ?? [];
    const kept = keptFiles(announcement, removing);
    if (kept.length + adding.length > MAX_FILES)
      throw fieldError(
        'addFileIds',
        `An announcement holds at most ${MAX_FILES} files; remove one before adding another.`,
      );
    const text = patch.text ?? announcement.text;
    if (!text && kept.length + adding.length === 0)
      throw fieldError('text', 'An announcement needs text or a file; delete it instead.');
    const updated = await attachUploadsTo(
      this.deps.storage,
      { actorId: actor.id, fileIds: adding, owner: `announcement:${id}`, field: 'addFileIds' },
      async (added) => {
        const saved = await this.deps.storage.announcements.update(id, (a) => ({
          ...a,
          text,
          files: [...keptFiles(a, removing), ...added],
          editedAt: this.deps.now().toISOString(),
        }));
        if (!saved) throw gone();
        return saved;
      },
    );
    // Their bytes are collected later, once nothing refers to them.
    if (removing.size > 0) await this.deps.storage.uploads.deleteMany([...removing]);
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

const MAX_FILES = 10;

/** The files left once `removing` goes; naming a file the announcement lacks is a mistake to report. */
function keptFiles(a: AnnouncementRecord, removing: ReadonlySet<FileId>) {
  for (const fileId of removing)
    if (!a.files.some((f) => f.id === fileId))
      throw fieldError(
        'removeFileIds',
        `This announcement has no file ${fileId} (it may have been removed already).`,
      );
  return a.files.filter((f) => !removing.has(f.id));
}

const gone = () =>
  new DomainError('NOT_FOUND', 'This announcement does not exist (it may have been deleted).');
