import type { ChatMessage } from '../../../src-shared/schemas/chat';
import type { Course, CourseId, Material } from '../../../src-shared/schemas/courses';
import type { Deadline } from '../../../src-shared/schemas/deadlines';
import type { Store } from '../../app/createStore';
import { desktopBridge, isLocalShell } from '../../desktop';

/** The last-synced copy of a course page, kept by main under `course:<id>`. */
export interface CourseSnapshot {
  hubUrl: string;
  course: Course;
  materials: readonly Material[];
  deadlines: readonly Deadline[];
  /** Recent messages of the course chat, when the chat was loaded on this page. */
  chat?: readonly ChatMessage[];
}

/** Which courses have a snapshot: the bridge reads a key but cannot list them, so the renderer keeps this. */
export interface CourseIndexEntry {
  id: CourseId;
  title: string;
  code: string;
  hubUrl: string;
}

export const COURSE_INDEX_KEY = 'course-index';
export const courseSnapshotKey = (id: string) => `course:${id}`;
const SAVE_DELAY_MS = 1500;
const RECENT_CHAT = 30;

type ChatSource = (courseId: CourseId) => readonly ChatMessage[] | undefined;
/** None until the app's setup provides the chat feature's (app/live.ts): desktop does not import chat. */
let chatSource: ChatSource = () => undefined;

/** Where recent course chat comes from: the course room's messages, if the chat store has them. */
export function provideCourseChat(source: ChatSource): void {
  chatSource = source;
}

interface CourseData {
  course: Course | undefined;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  materials: readonly Material[];
  deadlines: readonly Deadline[];
}

/**
 * On the desktop, saves the open course page for offline reading whenever its
 * data settles (debounced: a page load changes the store several times).
 */
export function keepCourseSnapshots(store: Store<CourseData>): void {
  if (!desktopBridge() || isLocalShell()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state, previous) => {
    if (
      state.course === previous.course &&
      state.materials === previous.materials &&
      state.deadlines === previous.deadlines
    )
      return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = store.get();
      if (now.status === 'ready' && now.course) void saveCourseSnapshot(now.course, now);
    }, SAVE_DELAY_MS);
  });
}

export async function saveCourseSnapshot(
  course: Course,
  data: Pick<CourseData, 'materials' | 'deadlines'>,
): Promise<void> {
  const bridge = desktopBridge();
  if (!bridge) return;
  const chat = chatSource(course.id)?.slice(-RECENT_CHAT);
  const snapshot: CourseSnapshot = {
    hubUrl: location.origin,
    course,
    materials: data.materials,
    deadlines: data.deadlines,
    ...(chat && chat.length > 0 ? { chat } : {}),
  };
  try {
    await bridge.library.saveSnapshot(courseSnapshotKey(course.id), snapshot);
    const index = await readCourseIndex();
    const entry: CourseIndexEntry = {
      id: course.id,
      title: course.title,
      code: course.code,
      hubUrl: location.origin,
    };
    await bridge.library.saveSnapshot(COURSE_INDEX_KEY, [
      entry,
      ...index.filter((e) => e.id !== course.id),
    ]);
  } catch {
    // An offline copy is a convenience: failing to save one must not disturb the page.
  }
}

export async function readCourseIndex(): Promise<CourseIndexEntry[]> {
  const saved = await desktopBridge()?.library.readSnapshot(COURSE_INDEX_KEY);
  return Array.isArray(saved?.data) ? (saved.data as CourseIndexEntry[]) : [];
}

export async function readCourseSnapshot(
  id: string,
): Promise<{ snapshot: CourseSnapshot; savedAt: string } | null> {
  const saved = await desktopBridge()?.library.readSnapshot(courseSnapshotKey(id));
  if (!saved || typeof saved.data !== 'object' || saved.data === null) return null;
  const snapshot = saved.data as CourseSnapshot;
  // Saved by an older or damaged copy of the app: not worth showing half a page.
  if (!snapshot.course || !Array.isArray(snapshot.materials) || !Array.isArray(snapshot.deadlines))
    return null;
  return { snapshot, savedAt: saved.savedAt };
}
