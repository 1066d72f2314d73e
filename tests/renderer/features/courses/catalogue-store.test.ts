import { beforeEach, describe, expect, it, vi } from 'vitest';

const call = vi.fn();
vi.mock('../../../../src-renderer/app/hub-client', () => ({ api: { call } }));

const store = await import('../../../../src-renderer/features/courses/catalogue-store');
const { catalogueStore } = store;

const course = (id: string, title: string, seatsLeft: number) => ({ id, title, seatsLeft });
const page = (items: ReturnType<typeof course>[]) => ({
  items,
  page: 1,
  pageSize: 12,
  total: items.length,
});
const titles = () => catalogueStore.get().courses.map((c) => c.title);

/** Issue 14: a live refetch (a seat taken, a course added) must not blank or flicker the catalogue. */
describe('the course catalogue', () => {
  beforeEach(async () => {
    call.mockReset();
    catalogueStore.reset();
    call.mockResolvedValueOnce(page([course('c1', 'Biology', 3), course('c2', 'Optics', 1)]));
    await store.loadCatalogue();
  });

  it('keeps the courses shown, still ready, while a live refetch is on its way', async () => {
    let answer!: (value: unknown) => void;
    call.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const refetch = store.loadCatalogue();
    expect(catalogueStore.get()).toMatchObject({ status: 'ready', refreshing: true, total: 2 });
    expect(titles()).toEqual(['Biology', 'Optics']);
    answer(page([course('c1', 'Biology', 2), course('c2', 'Optics', 1), course('c3', 'Art', 9)]));
    await refetch;
    expect(catalogueStore.get()).toMatchObject({ status: 'ready', refreshing: false, total: 3 });
    expect(titles()).toEqual(['Biology', 'Optics', 'Art']);
    expect(catalogueStore.get().courses[0]).toMatchObject({ seatsLeft: 2 });
  });

  it('keeps the courses under the error when a refetch fails', async () => {
    call.mockRejectedValueOnce(new Error('hub gone'));
    await store.loadCatalogue();
    expect(catalogueStore.get()).toMatchObject({ status: 'failed', refreshing: false });
    expect(titles()).toEqual(['Biology', 'Optics']);
  });

  it('lets the newest of two overlapping answers win, whichever comes last', async () => {
    let slow!: (value: unknown) => void;
    call.mockReturnValueOnce(new Promise((resolve) => (slow = resolve)));
    const older = store.loadCatalogue();
    call.mockResolvedValueOnce(page([course('c9', 'Chemistry', 4)]));
    await store.loadCatalogue();
    slow(page([course('c1', 'Biology', 0)]));
    await older;
    expect(titles()).toEqual(['Chemistry']);
    expect(catalogueStore.get().refreshing).toBe(false);
  });

  it('is loading (the skeleton) only when there is nothing to show yet', () => {
    catalogueStore.reset();
    call.mockReturnValueOnce(new Promise(() => undefined));
    void store.loadCatalogue();
    expect(catalogueStore.get()).toMatchObject({ status: 'loading', courses: [] });
  });
});
