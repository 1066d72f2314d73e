import type { Course } from '../../../src-shared/schemas/courses';
import type { Deadline } from '../../../src-shared/schemas/deadlines';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export interface UpcomingDeadline {
  readonly deadline: Deadline;
  readonly course: Course;
}

export interface DashboardState {
  courses: readonly Course[];
  upcoming: readonly UpcomingDeadline[];
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
}

/** The home page's course tiles: your courses and what is due next across them. */
export const dashboardStore = createStore<DashboardState>({
  courses: [],
  upcoming: [],
  status: 'idle',
  error: undefined,
});

const UPCOMING = 6;

export async function loadDashboard(): Promise<void> {
  dashboardStore.set({ status: 'loading', error: undefined });
  try {
    const mine = await api.call('courses', { query: { scope: 'mine', pageSize: 50 } });
    const courses = mine.items.filter(
      (c) => c.joinCode !== undefined || c.myEnrolment?.status === 'active',
    );
    // One call per course: the hub has no "my upcoming deadlines" route yet.
    const lists = await Promise.all(
      courses.map((course) =>
        api
          .call('deadlines', { params: { courseId: course.id }, query: { pageSize: 20 } })
          .then((page) => page.items.map((deadline) => ({ deadline, course })))
          .catch(() => []),
      ),
    );
    const now = Date.now();
    const upcoming = lists
      .flat()
      .filter((d) => Date.parse(d.deadline.dueAt) > now)
      .sort((a, b) => a.deadline.dueAt.localeCompare(b.deadline.dueAt))
      .slice(0, UPCOMING);
    dashboardStore.set({ courses: mine.items, upcoming, status: 'ready' });
  } catch (error) {
    dashboardStore.set({ status: 'failed', error });
  }
}
