import type { Course, CourseId } from '../../../src-shared/schemas/courses';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export type Availability = 'any' | 'open' | 'full';

export interface CatalogueState {
  courses: readonly Course[];
  total: number;
  /** 'loading' only while there is nothing to show yet: a refetch keeps 'ready' (see loadCatalogue). */
  status: 'idle' | 'loading' | 'ready' | 'failed';
  /** A fetch is on its way while the courses shown stay on screen. */
  refreshing: boolean;
  error: unknown;
  query: string;
  availability: Availability;
  mineOnly: boolean;
  /** Archived courses instead of current ones (the hub lists one or the other). */
  archived: boolean;
  page: number;
  /** Courses with an enrolment on its way, so their buttons show progress. */
  enrolling: readonly CourseId[];
  /** The last refusal per course ("This course is full"), shown on its card. */
  enrolErrors: Readonly<Record<string, unknown>>;
}

export const PAGE_SIZE = 12;

/** The course catalogue with its search and filters. */
export const catalogueStore = createStore<CatalogueState>({
  courses: [],
  total: 0,
  status: 'idle',
  refreshing: false,
  error: undefined,
  query: '',
  availability: 'any',
  mineOnly: false,
  archived: false,
  page: 1,
  enrolling: [],
  enrolErrors: {},
});

let latest = 0;

export async function loadCatalogue(): Promise<void> {
  const { query, availability, mineOnly, archived, page } = catalogueStore.get();
  const ticket = ++latest;
  // Stale while revalidating: a live refetch or a new filter keeps the courses
  // shown until the answer replaces them, so the page never blanks or flickers.
  catalogueStore.set((s) => ({
    status: s.status === 'ready' ? 'ready' : 'loading',
    refreshing: true,
  }));
  try {
    const result = await api.call('courses', {
      query: {
        q: query || undefined,
        availability: availability === 'any' ? undefined : availability,
        scope: mineOnly ? 'mine' : 'all',
        archived: archived ? 'true' : 'false',
        page,
        pageSize: PAGE_SIZE,
      },
    });
    // A slower answer to an older search must not overwrite a newer one.
    if (ticket !== latest) return;
    catalogueStore.set({
      courses: result.items,
      total: result.total,
      status: 'ready',
      refreshing: false,
      error: undefined,
    });
  } catch (error) {
    // The courses already shown stay, under the error.
    if (ticket === latest) catalogueStore.set({ status: 'failed', refreshing: false, error });
  }
}

export function setFilters(
  change: Partial<
    Pick<CatalogueState, 'query' | 'availability' | 'mineOnly' | 'archived' | 'page'>
  >,
) {
  catalogueStore.set({ page: 1, ...change });
  void loadCatalogue();
}

function replace(course: Course) {
  catalogueStore.set((s) => ({
    courses: s.courses.map((c) => (c.id === course.id ? course : c)),
  }));
}

export async function enrol(courseId: CourseId): Promise<void> {
  catalogueStore.set((s) => ({
    enrolling: [...s.enrolling, courseId],
    enrolErrors: { ...s.enrolErrors, [courseId]: undefined },
  }));
  try {
    replace(await api.call('enrol', { params: { courseId } }));
  } catch (error) {
    catalogueStore.set((s) => ({ enrolErrors: { ...s.enrolErrors, [courseId]: error } }));
  } finally {
    catalogueStore.set((s) => ({ enrolling: s.enrolling.filter((id) => id !== courseId) }));
  }
}

/** Enrols by join code; resolves with the course so the page can open it. */
export async function joinByCode(code: string): Promise<Course> {
  const course = await api.call('joinCourse', { body: { code } });
  void loadCatalogue();
  return course;
}

export async function createCourse(input: {
  title: string;
  description: string;
  capacity: number;
  codePrefix: string;
  code?: string;
}): Promise<Course> {
  const course = await api.call('createCourse', { body: input });
  void loadCatalogue();
  return course;
}
