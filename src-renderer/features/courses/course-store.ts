import type {
  Course,
  CourseId,
  Enrolment,
  Material,
  MaterialId,
} from '../../../src-shared/schemas/courses';
import type { Deadline, DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export interface CourseState {
  courseId: CourseId | undefined;
  course: Course | undefined;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
  materials: readonly Material[];
  deadlines: readonly Deadline[];
  /** Students of the course: loaded for its teacher only. */
  enrolments: readonly Enrolment[];
  /** Materials and deadlines are refused to a blocked or unenrolled student; the page says why. */
  contentError: unknown;
}

const initial: CourseState = {
  courseId: undefined,
  course: undefined,
  status: 'idle',
  error: undefined,
  materials: [],
  deadlines: [],
  enrolments: [],
  contentError: undefined,
};

/** The open course page: the course, its materials, deadlines and (teacher) students. */
export const courseStore = createStore<CourseState>(initial);

const ALL = { page: 1, pageSize: 100 } as const;

export async function openCourse(courseId: CourseId): Promise<void> {
  courseStore.set({ ...initial, courseId, status: 'loading' });
  try {
    const course = await api.call('course', { params: { courseId } });
    if (courseStore.get().courseId !== courseId) return;
    courseStore.set({ course, status: 'ready' });
    await loadContent(course);
  } catch (error) {
    if (courseStore.get().courseId === courseId) courseStore.set({ status: 'failed', error });
  }
}

async function loadContent(course: Course): Promise<void> {
  const canSee = course.joinCode !== undefined || course.myEnrolment?.status === 'active';
  if (!canSee) return;
  const params = { courseId: course.id };
  try {
    const [materials, deadlines] = await Promise.all([
      api.call('materials', { params, query: ALL }),
      api.call('deadlines', { params, query: ALL }),
    ]);
    courseStore.set({ materials: materials.items, deadlines: deadlines.items });
  } catch (error) {
    courseStore.set({ contentError: error });
  }
  if (course.joinCode !== undefined) await loadEnrolments();
}

export async function loadEnrolments(): Promise<void> {
  const courseId = courseStore.get().courseId;
  if (!courseId) return;
  const page = await api.call('courseEnrolments', { params: { courseId }, query: ALL });
  courseStore.set({ enrolments: page.items });
}

export function setCourse(course: Course) {
  courseStore.set({ course });
}

/** Its teacher edits the course or (un)archives it; the hub refuses a capacity below the enrolment. */
export async function updateCourse(
  courseId: CourseId,
  patch: { title?: string; description?: string; capacity?: number; archived?: boolean },
) {
  setCourse(await api.call('updateCourse', { params: { courseId }, body: patch }));
}

export async function regenerateJoinCode(courseId: CourseId) {
  setCourse(await api.call('regenerateJoinCode', { params: { courseId } }));
}

export async function dropCourse(courseId: CourseId) {
  setCourse(await api.call('dropCourse', { params: { courseId } }));
  courseStore.set({ materials: [], deadlines: [] });
}

export async function enrolHere(courseId: CourseId) {
  const course = await api.call('enrol', { params: { courseId } });
  setCourse(course);
  await loadContent(course);
}

export async function addMaterial(
  courseId: CourseId,
  fileId: Material['file']['id'],
  title?: string,
) {
  const material = await api.call('addMaterial', {
    params: { courseId },
    body: title ? { fileId, title } : { fileId },
  });
  applyMaterial('created', material);
}

export async function renameMaterial(materialId: MaterialId, title: string) {
  applyMaterial(
    'updated',
    await api.call('renameMaterial', { params: { materialId }, body: { title } }),
  );
}

export async function deleteMaterial(material: Material) {
  await api.call('deleteMaterial', { params: { materialId: material.id } });
  applyMaterial('deleted', material);
}

export interface DeadlineInput {
  title: string;
  description: string;
  dueAt: string;
  maxPoints: number;
  acceptLate: boolean;
  /** Course materials attached (the whole list) and new uploads to attach. */
  materialIds: MaterialId[];
  fileIds: FileId[];
}

export async function saveDeadline(courseId: CourseId, input: DeadlineInput, id?: DeadlineId) {
  const deadline = id
    ? await api.call('updateDeadline', { params: { deadlineId: id }, body: input })
    : await api.call('createDeadline', { params: { courseId }, body: input });
  applyDeadline(id ? 'updated' : 'created', deadline);
}

export async function deleteDeadline(deadline: Deadline) {
  await api.call('deleteDeadline', { params: { deadlineId: deadline.id } });
  applyDeadline('deleted', deadline);
}

export async function setEnrolmentStatus(userId: UserId, status: 'active' | 'blocked') {
  const courseId = courseStore.get().courseId;
  if (!courseId) return;
  const updated = await api.call('setEnrolmentStatus', {
    params: { courseId, userId },
    body: { status },
  });
  courseStore.set((s) => ({
    enrolments: s.enrolments.map((e) => (e.student.id === userId ? updated : e)),
  }));
}

export async function removeStudent(userId: UserId) {
  const courseId = courseStore.get().courseId;
  if (!courseId) return;
  await api.call('removeEnrolment', { params: { courseId, userId } });
  courseStore.set((s) => ({ enrolments: s.enrolments.filter((e) => e.student.id !== userId) }));
}

type Change = 'created' | 'updated' | 'deleted';

function upsert<T extends { id: string }>(list: readonly T[], change: Change, item: T): T[] {
  const rest = list.filter((x) => x.id !== item.id);
  if (change === 'deleted') return rest;
  return list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [item, ...rest];
}

function applyMaterial(change: Change, material: Material) {
  if (courseStore.get().courseId !== material.courseId) return;
  courseStore.set((s) => ({ materials: upsert(s.materials, change, material) }));
}

function applyDeadline(change: Change, deadline: Deadline) {
  if (courseStore.get().courseId !== deadline.courseId) return;
  courseStore.set((s) => ({
    deadlines: upsert(s.deadlines, change, deadline).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
  }));
}

/**
 * Live (app/use-live.ts): the open course again, quietly — the course (seats,
 * my enrolment), its materials, deadlines and (teacher) students — when the
 * hub says it changed. A student just blocked or removed sees why at once.
 */
export async function refreshCourse(courseId: CourseId): Promise<void> {
  if (courseStore.get().courseId !== courseId) return;
  try {
    const course = await api.call('course', { params: { courseId } });
    if (courseStore.get().courseId !== courseId) return;
    const canSee = course.joinCode !== undefined || course.myEnrolment?.status === 'active';
    courseStore.set({
      course,
      status: 'ready',
      contentError: undefined,
      ...(canSee ? {} : { materials: [], deadlines: [], enrolments: [] }),
    });
    await loadContent(course);
  } catch (error) {
    if (courseStore.get().courseId === courseId) courseStore.set({ contentError: error });
  }
}
