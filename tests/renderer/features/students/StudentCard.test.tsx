// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../render';

vi.mock('../../../../src-renderer/app/hub-client', () => ({ api: { call: vi.fn() } }));
const { StudentCard } = await import('../../../../src-renderer/features/students/StudentCard');

afterEach(cleanup);

const row = (...statuses: string[]) => ({
  student: {
    id: 'u1',
    username: 'emma1',
    firstName: 'Emma',
    lastName: 'Quill',
    role: 'student' as const,
    isAdmin: false,
    avatarUrl: '/a.svg',
  },
  enrolments: statuses.map((status, i) => ({
    courseId: `c${i}`,
    courseCode: `CS10${i}`,
    courseTitle: `Course ${i}`,
    status,
  })),
});

const ringOf = (statuses: string[]) => {
  const page = renderAt('/students', [
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the row's status strings stand in for the enum
    { path: '/students', element: <StudentCard row={row(...statuses) as any} /> },
  ]);
  const ring = page.container.querySelector('[data-ring]')?.getAttribute('data-ring');
  cleanup();
  return ring ?? null;
};

describe('a student’s avatar in the teacher’s list', () => {
  it('is ringed green while active somewhere, red once only blocked, and not at all otherwise', () => {
    expect(ringOf(['active'])).toBe('active');
    expect(ringOf(['blocked', 'active'])).toBe('active');
    expect(ringOf(['blocked'])).toBe('blocked');
    expect(ringOf(['dropped', 'completed'])).toBeNull();
  });
});
