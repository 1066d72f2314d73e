// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../render';

const call = vi.fn();
vi.mock('../../../../src-renderer/app/hub-client', () => ({ api: { call } }));
// Live refreshes are not what this test is about.
vi.mock('../../../../src-renderer/app/use-live', () => ({ useLive: () => undefined }));
const { UpcomingDeadlinesCard } = await import('../../../../src-renderer/features/courses');

afterEach(() => {
  cleanup();
  call.mockReset();
});

const course = { id: 'c1', code: 'CS101', title: 'Algo', myEnrolment: { status: 'active' } };
const deadline = {
  id: 'd1',
  courseId: 'c1',
  title: 'Essay',
  dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
};

describe('the dashboard’s upcoming deadlines', () => {
  it('link straight to the deadline, where the work is handed in', async () => {
    call.mockImplementation((route: string) =>
      Promise.resolve(
        route === 'courses'
          ? { items: [course], page: 1, pageSize: 50, total: 1 }
          : { items: [deadline], page: 1, pageSize: 20, total: 1 },
      ),
    );
    renderAt('/home', [{ path: '/home', element: <UpcomingDeadlinesCard teacher={false} /> }]);
    const link = await screen.findByRole('link', { name: 'Essay' });
    expect(link.getAttribute('href')).toBe('/courses/c1?tab=deadlines#deadline-d1');
  });
});
