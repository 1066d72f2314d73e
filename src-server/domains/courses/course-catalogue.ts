import type { z } from 'zod';
import type { Page } from '../../../src-shared/pagination';
import type { Course, catalogueQuerySchema } from '../../../src-shared/schemas/courses';
import type { CourseRecord, UserRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';
import { pageOfList } from '../paging';
import { toCourse } from './views';

type CatalogueQuery = z.output<typeof catalogueQuerySchema>;
type CatalogueStorage = Pick<Storage, 'users' | 'courses' | 'enrolments'>;

/**
 * The course list a signed-in person browses: their own courses ("mine") or
 * everyone's, filtered by archive state, words and free places.
 */
export async function courseCatalogue(
  storage: CatalogueStorage,
  actor: UserRecord,
  query: CatalogueQuery,
): Promise<Page<Course>> {
  const courses = (await candidates(storage, actor, query)).filter((c) =>
    query.archived === undefined
      ? query.scope === 'mine' || !c.archived
      : c.archived === query.archived,
  );
  const words = query.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  const matches: CourseRecord[] = [];
  for (const course of courses)
    if (await matchesQuery(storage, course, words, query)) matches.push(course);
  return pageOfList(matches, query, (c) => toCourse(storage, c, actor));
}

/** Taught and joined courses newest first for "mine"; else one teacher's or all. */
async function candidates(
  storage: CatalogueStorage,
  actor: UserRecord,
  query: CatalogueQuery,
): Promise<CourseRecord[]> {
  if (query.scope !== 'mine')
    return query.teacherId
      ? (await storage.courses.listForTeacher(query.teacherId)).reverse()
      : await storage.courses.all();
  const taught = await storage.courses.listForTeacher(actor.id);
  const enrolled = (await storage.enrolments.listForUser(actor.id)).filter(
    (e) => e.status !== 'dropped',
  );
  const joined = (await Promise.all(enrolled.map((e) => storage.courses.get(e.courseId)))).filter(
    (c) => c !== undefined,
  );
  return [...taught, ...joined].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Every word in the code, title, description or teacher's name; and full or not, when asked. */
async function matchesQuery(
  storage: CatalogueStorage,
  course: CourseRecord,
  words: string[],
  query: CatalogueQuery,
): Promise<boolean> {
  if (words.length > 0) {
    const teacher = await storage.users.get(course.teacherId);
    const text =
      `${course.code} ${course.title} ${course.description} ${teacher?.firstName ?? ''} ${teacher?.lastName ?? ''}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return false;
  }
  if (query.availability) {
    const full = (await storage.enrolments.countActive(course.id)) >= course.capacity;
    if (full !== (query.availability === 'full')) return false;
  }
  return true;
}
