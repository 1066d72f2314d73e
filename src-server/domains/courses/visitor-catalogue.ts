import type { z } from 'zod';
import type { Page } from '../../../src-shared/pagination';
import type {
  VisitorCourse,
  visitorCatalogueQuerySchema,
} from '../../../src-shared/schemas/courses';
import { DomainError } from '../../domain-error';
import type { CourseRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';
import { pageOfList } from '../paging';

type VisitorQuery = z.output<typeof visitorCatalogueQuerySchema>;

/** Only what the visitor catalogue reads. */
export type VisitorCataloguePorts = Pick<Storage, 'courses' | 'users' | 'enrolments' | 'settings'>;

/**
 * The catalogue for people who are not signed in (EduStream lets them
 * browse). It shows title, code, teacher's name and places left, and
 * searches only those, so a search cannot reveal a hidden field either.
 */
export class VisitorCatalogue {
  constructor(private readonly storage: VisitorCataloguePorts) {}

  async list(query: VisitorQuery): Promise<Page<VisitorCourse>> {
    if (!(await this.storage.settings.get()).visitorCatalogue)
      throw new DomainError(
        'UNAUTHENTICATED',
        'This hub shows its courses to signed-in people only. Sign in to browse the catalogue.',
      );
    const words = query.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    const matches: VisitorCourse[] = [];
    for (const course of await this.storage.courses.all()) {
      if (course.archived) continue;
      const entry = await this.entry(course);
      const text = `${entry.code} ${entry.title} ${entry.teacherName}`.toLowerCase();
      if (words.every((w) => text.includes(w))) matches.push(entry);
    }
    return pageOfList(matches, query);
  }

  private async entry(course: CourseRecord): Promise<VisitorCourse> {
    const teacher = await this.storage.users.get(course.teacherId);
    const active = await this.storage.enrolments.countActive(course.id);
    return {
      id: course.id,
      code: course.code,
      title: course.title,
      teacherName: teacher ? `${teacher.firstName} ${teacher.lastName}` : '',
      placesLeft: Math.max(0, course.capacity - active),
    };
  }
}
