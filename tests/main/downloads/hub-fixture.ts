import { randomBytes } from 'node:crypto';
import type { DownloadRequest } from '../../../src-shared/bridge';
import { upload } from '../../support/files';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

export interface Classroom {
  hub: TestHub;
  teacher: Person;
  student: Person;
  courseId: string;
}

/** A real hub with a teacher, a course and an enrolled student (who downloads). */
export async function openClassroom(): Promise<Classroom> {
  const hub = await startHub({ verification: 'none' });
  const teacher = await signUp(hub, { role: 'teacher' });
  const student = await signUp(hub);
  const created = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Physics', capacity: 10 },
  });
  const courseId = created.body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  return { hub, teacher, student, courseId };
}

/** A PDF the hub accepts (its type is detected from the first bytes), padded with random bytes. */
export function pdfBytes(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

export interface AddedMaterial {
  bytes: Buffer;
  /** What the renderer would send, built from the hub's own answer. */
  request: DownloadRequest;
}

/** Uploads a material and returns its bytes and the download request for it. */
export async function addMaterial(
  room: Classroom,
  name: string,
  bytes: Buffer,
  hubUrl = room.hub.url,
): Promise<AddedMaterial> {
  const file = await upload(
    `${room.hub.url}/api/uploads`,
    room.teacher.token,
    'file',
    bytes,
    name,
    'application/pdf',
    'POST',
  );
  if (file.status !== 201) throw new Error(`upload failed: ${file.status}`);
  const added = await room.hub.call('addMaterial', {
    token: room.teacher.token,
    params: { courseId: room.courseId },
    body: { fileId: file.body.id },
  });
  if (added.status !== 201) throw new Error(`addMaterial failed: ${added.status}`);
  const material = added.body;
  return {
    bytes,
    request: {
      hubUrl,
      path: `/api/materials/${material.id}/file`,
      title: material.title,
      fileName: material.file.fileName,
      sha256: material.file.sha256,
      size: material.file.size,
      kind: material.file.kind,
      source: 'material',
      courseId: room.courseId,
      courseTitle: 'Physics',
    },
  };
}
