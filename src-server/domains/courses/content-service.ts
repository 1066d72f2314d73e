import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type { CourseId, Material, MaterialId } from '../../../src-shared/schemas/courses';
import type {
  Deadline,
  DeadlineId,
  createDeadlineRequestSchema,
  updateDeadlineRequestSchema,
} from '../../../src-shared/schemas/deadlines';
import type { FileId } from '../../../src-shared/schemas/files';
import { DomainError } from '../../domain-error';
import { storedFile, type FileReply } from '../file-reply';
import { attachUploadsTo } from '../files/claim';
import type { CourseRecord, MaterialRecord, UserRecord } from '../../storage/records';
import { attachments, followMaterial } from './deadline-materials';
import type { DomainDeps } from '../deps';
import { assertInside, assertManages, courseAccess } from '../access/course-access';
import { toDeadline, toMaterial } from './views';
import { pageOfList } from '../paging';
import { ACCESS_REPOSITORIES } from '../access/ports';

type CreateDeadline = z.output<typeof createDeadlineRequestSchema>;
type UpdateDeadline = z.output<typeof updateDeadlineRequestSchema>;

const utc = (time: string) => new Date(time).toISOString();

/** The repositories CourseContentService reads and writes (createHub hands it exactly these). */
export const CONTENT_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'blobs',
  'materials',
  'uploads',
] as const;

/** Materials and deadlines: the teacher manages them; people inside the course see them. */
export class CourseContentService {
  constructor(private readonly deps: DomainDeps<(typeof CONTENT_REPOSITORIES)[number]>) {}

  async materials(
    actor: UserRecord,
    courseId: CourseId,
    query: PageQuery,
  ): Promise<Page<Material>> {
    assertInside(await courseAccess(this.deps.storage, actor, courseId));
    const all = (await this.deps.storage.materials.listForCourse(courseId)).reverse();
    return pageOfList(all, query, toMaterial);
  }

  async addMaterial(
    actor: UserRecord,
    courseId: CourseId,
    fileId: FileId,
    title: string | undefined,
  ): Promise<Material> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertManages(actor, access, 'add materials');
    return toMaterial(await this.storeMaterial(actor, access.course, fileId, title));
  }

  private async storeMaterial(
    actor: UserRecord,
    course: CourseRecord,
    fileId: FileId,
    title: string | undefined,
  ): Promise<MaterialRecord> {
    const courseId = course.id;
    const id = randomUUID() as MaterialId;
    const now = this.deps.now().toISOString();
    const material = await attachUploadsTo(
      this.deps.storage,
      { actorId: actor.id, fileIds: [fileId], owner: `material:${id}`, field: 'fileId' },
      ([file]) =>
        this.deps.storage.materials.insert({
          id,
          courseId,
          title: title ?? file!.fileName,
          createdAt: now,
          updatedAt: now,
          file: file!,
        }),
    );
    this.deps.bus.publish('material.created', {
      material,
      course,
      actorId: actor.id,
    });
    return material;
  }

  async renameMaterial(
    actor: UserRecord,
    materialId: MaterialId,
    title: string,
  ): Promise<Material> {
    const { material, access } = await this.loadMaterial(actor, materialId);
    assertManages(actor, access, 'rename materials');
    const updated = await this.deps.storage.materials.update(material.id, (m) => ({
      ...m,
      title,
      updatedAt: this.deps.now().toISOString(),
    }));
    if (!updated) throw materialGone();
    this.deps.bus.publish('material.updated', {
      material: updated,
      course: access.course,
      actorId: actor.id,
    });
    await this.followMaterial(updated, 'renamed', actor, access.course);
    return toMaterial(updated);
  }

  async deleteMaterial(actor: UserRecord, materialId: MaterialId): Promise<void> {
    const { material, access } = await this.loadMaterial(actor, materialId);
    assertManages(actor, access, 'delete materials');
    await this.deps.storage.materials.delete(material.id);
    await this.deps.storage.uploads.deleteMany([material.file.id]);
    this.deps.bus.publish('material.deleted', {
      material,
      course: access.course,
      actorId: actor.id,
    });
    await this.followMaterial(material, 'deleted', actor, access.course);
  }

  /** Deadlines that carry the material show its new title, or drop it; their viewers hear of it. */
  private async followMaterial(
    material: MaterialRecord,
    change: 'renamed' | 'deleted',
    actor: UserRecord,
    course: CourseRecord,
  ) {
    for (const deadline of await followMaterial(this.deps.storage, material, change))
      this.deps.bus.publish('deadline.updated', { deadline, course, actorId: actor.id });
  }

  async download(actor: UserRecord, materialId: MaterialId): Promise<FileReply> {
    const { material, access } = await this.loadMaterial(actor, materialId);
    assertInside(access);
    return storedFile(this.deps.storage.blobs, material.file);
  }

  async deadlines(
    actor: UserRecord,
    courseId: CourseId,
    query: PageQuery,
  ): Promise<Page<Deadline>> {
    assertInside(await courseAccess(this.deps.storage, actor, courseId));
    const all = (await this.deps.storage.deadlines.listForCourse(courseId)).sort((a, b) =>
      a.dueAt.localeCompare(b.dueAt),
    );
    return pageOfList(all, query, toDeadline);
  }

  async createDeadline(
    actor: UserRecord,
    courseId: CourseId,
    input: CreateDeadline,
  ): Promise<Deadline> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertManages(actor, access, 'set deadlines');
    const { materialIds, fileIds, ...fields } = input;
    const materials = await this.attachments(actor, access.course, materialIds, fileIds);
    const now = this.deps.now().toISOString();
    const deadline = await this.deps.storage.deadlines.insert({
      id: randomUUID() as DeadlineId,
      courseId,
      ...fields,
      materials,
      dueAt: utc(input.dueAt),
      createdAt: now,
      updatedAt: now,
    });
    this.deps.bus.publish('deadline.created', {
      deadline,
      course: access.course,
      actorId: actor.id,
    });
    return toDeadline(deadline);
  }

  async updateDeadline(
    actor: UserRecord,
    deadlineId: DeadlineId,
    patch: UpdateDeadline,
  ): Promise<Deadline> {
    const { deadline, access } = await this.loadDeadline(actor, deadlineId);
    assertManages(actor, access, 'change deadlines');
    const { materialIds, fileIds, ...fields } = patch;
    const attach =
      materialIds || fileIds
        ? await this.attachments(
            actor,
            access.course,
            materialIds ?? (deadline.materials ?? []).map((m) => m.id),
            fileIds ?? [],
          )
        : undefined;
    const updated = await this.deps.storage.deadlines.update(deadline.id, (d) => ({
      ...d,
      ...fields,
      ...(attach ? { materials: attach } : {}),
      ...(patch.dueAt ? { dueAt: utc(patch.dueAt) } : {}),
      updatedAt: this.deps.now().toISOString(),
    }));
    if (!updated) throw deadlineGone();
    this.deps.bus.publish('deadline.updated', {
      deadline: updated,
      course: access.course,
      actorId: actor.id,
    });
    return toDeadline(updated);
  }

  async deleteDeadline(actor: UserRecord, deadlineId: DeadlineId): Promise<void> {
    const { deadline, access } = await this.loadDeadline(actor, deadlineId);
    assertManages(actor, access, 'delete deadlines');
    await this.deps.storage.deadlines.delete(deadline.id);
    this.deps.bus.publish('deadline.deleted', {
      deadline,
      course: access.course,
      actorId: actor.id,
    });
  }

  private attachments(
    actor: UserRecord,
    course: CourseRecord,
    materialIds: readonly MaterialId[],
    fileIds: readonly FileId[],
  ) {
    return attachments(this.deps.storage, course.id, materialIds, fileIds, (fileId) =>
      this.storeMaterial(actor, course, fileId, undefined),
    );
  }

  private async loadMaterial(actor: UserRecord, id: MaterialId) {
    const material = await this.deps.storage.materials.get(id);
    if (!material) throw materialGone();
    return { material, access: await courseAccess(this.deps.storage, actor, material.courseId) };
  }

  private async loadDeadline(actor: UserRecord, id: DeadlineId) {
    const deadline = await this.deps.storage.deadlines.get(id);
    if (!deadline) throw deadlineGone();
    return { deadline, access: await courseAccess(this.deps.storage, actor, deadline.courseId) };
  }
}

const materialGone = () =>
  new DomainError('NOT_FOUND', 'This material does not exist (it may have been deleted).');
const deadlineGone = () =>
  new DomainError('NOT_FOUND', 'This deadline does not exist (it may have been deleted).');
