import { io } from 'socket.io-client';
import type { Ack } from '../../../src-shared/events';
import type { ClientHello, DeviceReport } from '../../../src-shared/schemas/devices';
import { upload } from '../../support/files';
import { signUp, type Person } from '../../support/people';
import type { ClientSocket } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';

const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

export interface Material {
  id: string;
  title: string;
  file: { sha256: string };
}

/** A course with two materials, three active students and a blocked one, plus people outside it. */
export async function classWithDevices(hub: TestHub) {
  const admin = await signUp(hub, { role: 'teacher', firstName: 'Ada' });
  const teacher = await signUp(hub, { role: 'teacher', firstName: 'Grace' });
  const otherTeacher = await signUp(hub, { role: 'teacher' });
  const student = await signUp(hub, { firstName: 'Emma' });
  const classmate = await signUp(hub, { firstName: 'Noah' });
  const third = await signUp(hub, { firstName: 'Liam' });
  const blocked = await signUp(hub, { firstName: 'Mia' });
  const outsider = await signUp(hub);
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 10 },
    })
  ).body.id as string;
  const materials: Material[] = [];
  for (const name of ['Week 1 notes', 'Week 3 slides']) {
    const stored = await upload(
      `${hub.url}/api/uploads`,
      teacher.token,
      'file',
      pdf(name),
      `${name}.pdf`,
      'application/pdf',
      'POST',
    );
    const added = await hub.call('addMaterial', {
      token: teacher.token,
      params: { courseId },
      body: { fileId: stored.body.id, title: name },
    });
    if (added.status !== 201) throw new Error(`addMaterial: ${JSON.stringify(added.body)}`);
    materials.push(added.body as Material);
  }
  for (const person of [student, classmate, third, blocked])
    await hub.call('enrol', { token: person.token, params: { courseId } });
  await hub.call('setEnrolmentStatus', {
    token: teacher.token,
    params: { courseId, userId: blocked.id },
    body: { status: 'blocked' },
  });
  return {
    admin,
    teacher,
    otherTeacher,
    student,
    classmate,
    third,
    blocked,
    outsider,
    courseId,
    materials,
  };
}

/** A connection that says what it is, as the renderer does at the handshake. */
export async function connectAs(
  hub: TestHub,
  person: Person,
  client?: Partial<ClientHello> | Record<string, unknown>,
): Promise<ClientSocket> {
  const socket: ClientSocket = io(hub.url, {
    auth: { token: person.token, ...(client ? { client } : {}) },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export const desktop = (deviceId: string, version = '1.4.2'): ClientHello =>
  ({ kind: 'desktop', deviceId, version, platform: 'linux' }) as ClientHello;
export const browser = (deviceId: string): ClientHello =>
  ({ kind: 'browser', deviceId, platform: 'Android' }) as ClientHello;

export function report(socket: ClientSocket, body: DeviceReport | Record<string, unknown>) {
  return socket.emitWithAck('device:report', body as DeviceReport) as Promise<
    Ack<{ receivedAt: string }>
  >;
}

/** Resolves when a `devices` hint for this course arrives. */
export function boardHint(socket: ClientSocket, courseId: string, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no devices hint within ${ms} ms`)), ms);
    const listener = (hint: { topic: string; what: string }) => {
      if (hint.topic !== `devices:${courseId}` || hint.what !== 'devices') return;
      clearTimeout(timer);
      socket.off('live:changed', listener);
      resolve();
    };
    socket.on('live:changed', listener);
  });
}

/** A round trip on this socket: anything the hub sent it before has arrived. */
export async function roundTrip(socket: ClientSocket): Promise<void> {
  await socket.emitWithAck('hub:ping');
}
