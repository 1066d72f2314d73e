// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Course, Material } from '../../../../src-shared/schemas/courses';
import type { Deadline } from '../../../../src-shared/schemas/deadlines';
import { createStore } from '../../../../src-renderer/app/createStore';
import {
  keepCourseSnapshots,
  readCourseIndex,
  readCourseSnapshot,
} from '../../../../src-renderer/features/desktop/course-snapshot';
import { installBridgeDouble, type BridgeControl } from '../../../support/bridge-double';

const saves = () =>
  (window as unknown as { __bridgeControl: BridgeControl }).__bridgeControl
    .calls()
    .filter((c) => c.method === 'library.saveSnapshot');

const course = { id: 'c1', title: 'Algorithms', code: 'CS101', description: 'Graphs.' } as Course;

beforeEach(() => {
  sessionStorage.clear();
  installBridgeDouble();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  delete window.classhub;
});

describe('the last-synced copy of a course page', () => {
  it('is saved once the page’s data settles, and listed in the index', async () => {
    const store = createStore({
      course: undefined as Course | undefined,
      status: 'idle' as 'idle' | 'loading' | 'ready' | 'failed',
      materials: [] as readonly Material[],
      deadlines: [] as readonly Deadline[],
    });
    keepCourseSnapshots(store);
    store.set({ status: 'loading' });
    store.set({ course, status: 'ready' });
    store.set({ materials: [{ id: 'm1' } as Material], deadlines: [] });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves().map((c) => c.args[0])).toEqual(['course:c1', 'course-index']);

    vi.useRealTimers();
    const saved = await readCourseSnapshot('c1');
    expect(saved?.snapshot).toMatchObject({
      hubUrl: location.origin,
      course,
      materials: [{ id: 'm1' }],
    });
    expect(await readCourseIndex()).toEqual([
      { id: 'c1', title: 'Algorithms', code: 'CS101', hubUrl: location.origin },
    ]);
  });
});
