import type { CourseId, MaterialId } from '../../../src-shared/schemas/courses';
import type { FileId } from '../../../src-shared/schemas/files';
import { fieldError } from '../../domain-error';
import type { DeadlineMaterialRecord, DeadlineRecord, MaterialRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';

type Port = Pick<Storage, 'materials' | 'deadlines'>;

const attachment = (m: MaterialRecord): DeadlineMaterialRecord => ({
  id: m.id,
  title: m.title,
  file: m.file,
});

/**
 * The materials to attach to a deadline: existing ones of the same course
 * (checked before any upload is claimed, so a wrong id costs nothing), then
 * each new file made a course material by `addMaterial`. The list is copied
 * into the deadline record, so every reader of a deadline (lists, the socket,
 * the dashboard) shows them without a lookup.
 */
export async function attachments(
  storage: Port,
  courseId: CourseId,
  materialIds: readonly MaterialId[],
  fileIds: readonly FileId[],
  addMaterial: (fileId: FileId) => Promise<MaterialRecord>,
): Promise<DeadlineMaterialRecord[]> {
  const existing: DeadlineMaterialRecord[] = [];
  for (const id of new Set(materialIds)) {
    const material = await storage.materials.get(id);
    if (!material || material.courseId !== courseId)
      throw fieldError(
        'materialIds',
        'One of the chosen materials is not in this course (it may have been deleted); choose again.',
      );
    existing.push(attachment(material));
  }
  const added: DeadlineMaterialRecord[] = [];
  for (const fileId of fileIds) added.push(attachment(await addMaterial(fileId)));
  return [...existing, ...added];
}

/** A renamed or deleted material changes on every deadline of its course that carries it. */
export async function followMaterial(
  storage: Port,
  material: MaterialRecord,
  change: 'renamed' | 'deleted',
): Promise<DeadlineRecord[]> {
  const changed: DeadlineRecord[] = [];
  for (const deadline of await storage.deadlines.listForCourse(material.courseId)) {
    if (!deadline.materials?.some((m) => m.id === material.id)) continue;
    const updated = await storage.deadlines.update(deadline.id, (d) => ({
      ...d,
      materials: (d.materials ?? []).flatMap((m) =>
        m.id !== material.id ? [m] : change === 'deleted' ? [] : [attachment(material)],
      ),
    }));
    if (updated) changed.push(updated);
  }
  return changed;
}
