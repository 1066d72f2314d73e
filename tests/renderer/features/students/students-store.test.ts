import { beforeEach, describe, expect, it, vi } from 'vitest';

const call = vi.fn();
vi.mock('../../../../src-renderer/app/hub-client', () => ({ api: { call } }));

const store = await import('../../../../src-renderer/features/students/students-store');
const { studentsStore } = store;

const person = (id: string, firstName: string) => ({
  id,
  username: firstName.toLowerCase(),
  firstName,
  lastName: 'Quill',
  role: 'student',
  isAdmin: false,
  avatarUrl: '/a.svg',
});
const enrolment = (courseId: string, status = 'active') => ({
  courseId,
  courseCode: courseId.toUpperCase(),
  courseTitle: courseId,
  status,
});
const page = {
  items: [
    { student: person('u1', 'Emma'), enrolments: [enrolment('cs101'), enrolment('cs102')] },
    { student: person('u2', 'Milo'), enrolments: [enrolment('cs101')] },
  ],
  page: 1,
  pageSize: 20,
  total: 2,
};
const rows = () =>
  studentsStore.get().rows.map((r) => [r.student.firstName, r.enrolments.map((e) => e.status)]);

describe('the teacher’s student list', () => {
  beforeEach(async () => {
    call.mockReset();
    studentsStore.reset();
    call.mockResolvedValueOnce(page);
    await store.loadStudents();
  });

  it('asks the hub for every course unless one is chosen, with the filters that are set', async () => {
    expect(call).toHaveBeenLastCalledWith('myStudents', {
      query: { courseId: undefined, q: undefined, status: undefined, page: 1, pageSize: 20 },
    });
    call.mockResolvedValueOnce(page);
    store.setStudentFilters({
      courseId: 'cs102' as never,
      query: ' emma ',
      statusFilter: 'blocked',
    });
    await vi.waitFor(() => expect(studentsStore.get().status).toBe('ready'));
    expect(call).toHaveBeenLastCalledWith('myStudents', {
      query: { courseId: 'cs102', q: 'emma', status: 'blocked', page: 1, pageSize: 20 },
    });
  });

  it('keeps the rows and the total on screen while a live refetch is on its way', async () => {
    let answer!: (value: unknown) => void;
    call.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const refetch = store.loadStudents();
    expect(studentsStore.get()).toMatchObject({ status: 'ready', refreshing: true, total: 2 });
    expect(rows().map(([name]) => name)).toEqual(['Emma', 'Milo']);
    answer({ ...page, items: page.items.slice(1), total: 1 });
    await refetch;
    expect(studentsStore.get()).toMatchObject({ status: 'ready', refreshing: false, total: 1 });
    expect(rows().map(([name]) => name)).toEqual(['Milo']);
  });

  it('keeps the rows under the error when a refetch fails, and clears it on the next answer', async () => {
    call.mockRejectedValueOnce(new Error('hub gone'));
    await store.loadStudents();
    expect(studentsStore.get()).toMatchObject({ status: 'failed', refreshing: false });
    expect(rows()).toHaveLength(2);
    call.mockResolvedValueOnce(page);
    await store.loadStudents();
    expect(studentsStore.get()).toMatchObject({ status: 'ready', error: undefined });
  });

  it('shows the skeleton (loading) only for a first load with nothing to show', async () => {
    studentsStore.reset();
    call.mockReturnValueOnce(new Promise(() => undefined));
    void store.loadStudents();
    expect(studentsStore.get()).toMatchObject({ status: 'loading', rows: [] });
  });

  it('shows a block on the one course it was for, at once', async () => {
    call.mockResolvedValueOnce({ status: 'blocked' });
    await store.setStudentStatus('u1' as never, 'cs102' as never, 'blocked');
    expect(call).toHaveBeenLastCalledWith('setEnrolmentStatus', {
      params: { courseId: 'cs102', userId: 'u1' },
      body: { status: 'blocked' },
    });
    expect(rows()).toEqual([
      ['Emma', ['active', 'blocked']],
      ['Milo', ['active']],
    ]);
  });

  it('drops a removed enrolment, and the person once they have none left', async () => {
    call.mockResolvedValue(undefined);
    await store.removeStudentFromCourse('u1' as never, 'cs101' as never);
    expect(rows()).toEqual([
      ['Emma', ['active']],
      ['Milo', ['active']],
    ]);
    expect(studentsStore.get().total).toBe(2);
    await store.removeStudentFromCourse('u2' as never, 'cs101' as never);
    expect(rows()).toEqual([['Emma', ['active']]]);
    expect(studentsStore.get().total).toBe(1);
  });

  it('keeps the list as it was when the hub refuses', async () => {
    call.mockRejectedValueOnce(new Error('This student is not enrolled in the course.'));
    await expect(store.removeStudentFromCourse('u2' as never, 'cs101' as never)).rejects.toThrow();
    expect(studentsStore.get().rows).toHaveLength(2);
  });
});
