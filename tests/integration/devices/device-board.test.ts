import { testEngine } from '../../support/test-engine';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../src-shared/ids';
import type { DeviceBoard } from '../../../src-shared/schemas/devices';
import { openStorage } from '../../../src-server/storage/open-storage';
import { silentLogger } from '../../server/storage/helpers';
import type { Person } from '../../support/people';
import type { ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';
import {
  boardHint,
  browser,
  classWithDevices,
  connectAs,
  desktop,
  report,
  roundTrip,
} from './scene';

let hub: TestHub;
let scene: Awaited<ReturnType<typeof classWithDevices>>;
const sockets: ClientSocket[] = [];

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  scene = await classWithDevices(hub);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

const open = async (...args: Parameters<typeof connectAs>) => {
  const socket = await connectAs(...args);
  sockets.push(socket);
  return socket;
};
const board = async (by: Person) => {
  const reply = await hub.call('deviceBoard', {
    token: by.token,
    params: { courseId: scene.courseId },
  });
  return reply as { status: number; body: DeviceBoard & { error: { message: string } } };
};
const devicesOf = (b: DeviceBoard, person: Person) =>
  b.students.find((s) => s.student.id === person.id)?.devices;

// These two reopen the hub's lowdb data folder; the code they check is the same on both engines.
const onPostgres = testEngine() === 'postgres';
if (onPostgres)
  console.info('2 device-board tests skipped on PostgreSQL: they reopen the lowdb data folder');
const itOnLowdb = it.skipIf(onPostgres);

describe('the device board', () => {
  it('shows the teacher each active student’s devices, version, outbox and missing materials', async () => {
    const [week1, week3] = scene.materials;
    const teacherSocket = await open(hub, scene.teacher);
    const hinted = boardHint(teacherSocket, scene.courseId);
    const laptop = await open(hub, scene.student, desktop('emma-laptop-1'));
    await open(hub, scene.classmate, browser('noah-phone-01'));
    const ack = await report(laptop, {
      library: [{ courseId: scene.courseId, files: [week1!.file.sha256] }],
      outboxWaiting: 2,
    });
    expect(ack).toMatchObject({ ok: true });
    await hinted;

    const reply = await board(scene.teacher);
    expect(reply.status).toBe(200);
    expect(reply.body.materials.map((m) => m.title)).toEqual(['Week 1 notes', 'Week 3 slides']);
    // Active students only: the blocked one is not in the class.
    expect(reply.body.students.map((s) => s.student.firstName).sort()).toEqual([
      'Emma',
      'Liam',
      'Noah',
    ]);
    expect(devicesOf(reply.body, scene.student)).toEqual([
      expect.objectContaining({
        deviceId: 'emma-laptop-1',
        kind: 'desktop',
        version: '1.4.2',
        platform: 'linux',
        online: true,
        outboxWaiting: 2,
        presentMaterialIds: [week1!.id],
      }),
    ]);
    expect(reply.body.materials.map((m) => m.id)).toContain(week3!.id);
    expect(devicesOf(reply.body, scene.classmate)).toEqual([
      expect.objectContaining({
        kind: 'browser',
        online: true,
        outboxWaiting: null,
        presentMaterialIds: null,
      }),
    ]);
    expect(devicesOf(reply.body, scene.third)).toEqual([]);
  });

  it('turns a missing material present when the next report holds it', async () => {
    const [week1, week3] = scene.materials;
    const teacherSocket = await open(hub, scene.teacher);
    const laptop = await open(hub, scene.student, desktop('emma-laptop-1'));
    const first = boardHint(teacherSocket, scene.courseId);
    await report(laptop, {
      library: [{ courseId: scene.courseId, files: [week1!.file.sha256] }],
      outboxWaiting: 0,
    });
    await first;
    expect(
      devicesOf((await board(scene.teacher)).body, scene.student)?.[0]?.presentMaterialIds,
    ).toEqual([week1!.id]);
    const second = boardHint(teacherSocket, scene.courseId);
    await report(laptop, {
      library: [{ courseId: scene.courseId, files: [week1!.file.sha256, week3!.file.sha256] }],
      outboxWaiting: 0,
    });
    await second;
    expect(
      devicesOf((await board(scene.teacher)).body, scene.student)?.[0]?.presentMaterialIds,
    ).toEqual([week1!.id, week3!.id]);
  });

  it('is open to the course’s teacher and admins, and to nobody else', async () => {
    expect((await board(scene.teacher)).status).toBe(200);
    expect((await board(scene.admin)).status).toBe(200);
    for (const person of [scene.student, scene.blocked, scene.otherTeacher, scene.outsider]) {
      const refused = await board(person);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/Only the course’s teacher sees its device board/);
    }
    const missing = await hub.call('deviceBoard', {
      token: scene.teacher.token,
      params: { courseId: 'no-such-course' },
    });
    expect(missing.status).toBe(404);
  });

  it('hints the teacher and admins live, never the students of the course', async () => {
    const teacherSocket = await open(hub, scene.teacher);
    const adminSocket = await open(hub, scene.admin);
    const classmateSocket = await open(hub, scene.classmate);
    const heardByClassmate: { what: string }[] = [];
    classmateSocket.on('live:changed', (hint) => heardByClassmate.push(hint));
    const teacherHeard = boardHint(teacherSocket, scene.courseId);
    const adminHeard = boardHint(adminSocket, scene.courseId);
    await open(hub, scene.student, desktop('emma-laptop-1'));
    await Promise.all([teacherHeard, adminHeard]);
    await roundTrip(classmateSocket);
    expect(heardByClassmate.filter((h) => h.what === 'devices')).toEqual([]);
  });

  it('shows a device offline once it disconnects', async () => {
    const teacherSocket = await open(hub, scene.teacher);
    const online = boardHint(teacherSocket, scene.courseId);
    const laptop = await open(hub, scene.student, desktop('emma-laptop-1'));
    await online;
    expect(devicesOf((await board(scene.teacher)).body, scene.student)?.[0]?.online).toBe(true);
    const offline = boardHint(teacherSocket, scene.courseId);
    laptop.disconnect();
    await offline;
    expect(devicesOf((await board(scene.teacher)).body, scene.student)?.[0]).toMatchObject({
      deviceId: 'emma-laptop-1',
      online: false,
    });
  });

  it('coalesces a class connecting at once into fewer hints than changes', async () => {
    const teacherSocket = await open(hub, scene.teacher);
    const hints: unknown[] = [];
    teacherSocket.on('live:changed', (hint) => {
      if (hint.what === 'devices') hints.push(hint);
    });
    const people = [scene.student, scene.classmate, scene.third];
    const laptops = await Promise.all(
      people.map((person, i) => open(hub, person, desktop(`laptop-000${i}`))),
    );
    await Promise.all(laptops.map((laptop) => report(laptop, { library: [], outboxWaiting: 1 })));
    // Six changes (three connects, three reports); wait until the board holds all of them.
    await boardHint(teacherSocket, scene.courseId);
    let reported = 0;
    while (reported < 3) {
      const b = (await board(scene.teacher)).body;
      reported = b.students.filter((s) => s.devices[0]?.outboxWaiting === 1).length;
      if (reported < 3) await boardHint(teacherSocket, scene.courseId);
    }
    expect(hints.length).toBeLessThan(6);
  });
});

describe('what a device may say', () => {
  it('refuses a malformed description at the handshake, with the reason', async () => {
    await expect(
      connectAs(hub, scene.student, { kind: 'toaster', deviceId: 'emma-laptop-1' }),
    ).rejects.toMatchObject({ data: { code: 'VALIDATION_FAILED' } });
    const short = connectAs(hub, scene.student, { kind: 'desktop', deviceId: 'x' });
    await expect(short).rejects.toMatchObject({
      data: { message: expect.stringMatching(/auth\.client\.deviceId.*8 to 64/) },
    });
  });

  it('takes a library report from the desktop app only, and checks it', async () => {
    const phone = await open(hub, scene.student, browser('emma-phone-01'));
    const fromBrowser = await report(phone, { library: [], outboxWaiting: 0 });
    expect(fromBrowser).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/Only the desktop app/) },
    });
    const laptop = await open(hub, scene.student, desktop('emma-laptop-1'));
    const malformed = await report(laptop, {
      library: [{ courseId: scene.courseId, files: ['not-a-checksum'] }],
      outboxWaiting: -1,
    });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(malformed)).toMatch(/64 lowercase hex/);
    // The socket is still usable after a refusal.
    expect(await report(laptop, { library: [], outboxWaiting: 0 })).toMatchObject({ ok: true });
  });

  it('keeps at most ten devices per person: made-up device ids cannot grow the board', async () => {
    for (let i = 0; i < 12; i++) {
      const socket = await connectAs(
        hub,
        scene.student,
        browser(`browser-${String(i).padStart(4, '0')}`),
      );
      await roundTrip(socket);
      socket.disconnect();
    }
    const teacherSocket = await open(hub, scene.teacher);
    const settled = boardHint(teacherSocket, scene.courseId);
    await open(hub, scene.student, desktop('emma-laptop-1'));
    await settled;
    const devices = devicesOf((await board(scene.teacher)).body, scene.student) ?? [];
    expect(devices).toHaveLength(10);
    expect(devices.map((d) => d.deviceId)).toContain('emma-laptop-1');
  });

  it('keeps a report only for courses the person studies in', async () => {
    const other = (
      await hub.call('createCourse', {
        token: scene.otherTeacher.token,
        body: { title: 'Chemistry', capacity: 10 },
      })
    ).body.id as string;
    const laptop = await open(hub, scene.outsider, desktop('outsider-laptop'));
    expect(
      await report(laptop, {
        library: [{ courseId: other, files: ['a'.repeat(64)] }],
        outboxWaiting: 0,
      }),
    ).toMatchObject({ ok: true });
    await hub.call('enrol', { token: scene.outsider.token, params: { courseId: other } });
    const chemistry = await hub.call('deviceBoard', {
      token: scene.otherTeacher.token,
      params: { courseId: other },
    });
    // Reported before enrolling: the library entry was dropped, the device is known.
    expect((chemistry.body as DeviceBoard).students[0]?.devices[0]?.presentMaterialIds).toEqual([]);
  });

  itOnLowdb('forgets a deleted account’s devices', async () => {
    const laptop = await open(hub, scene.student, desktop('emma-laptop-1'));
    expect(await report(laptop, { library: [], outboxWaiting: 0 })).toMatchObject({ ok: true });
    const deleted = await hub.call('adminDeleteUser', {
      token: scene.admin.token,
      params: { userId: scene.student.id },
    });
    expect(deleted.status).toBe(204);
    const dataDir = hub.dataDir;
    for (const socket of sockets.splice(0)) socket.disconnect();
    await hub.close();
    const storage = await openStorage(dataDir, silentLogger);
    const left = await storage.deviceReports.listForUser(scene.student.id as UserId);
    await storage.close();
    expect(left).toEqual([]);
    await rm(dataDir, { recursive: true, force: true });
    hub = await startHub({ verification: 'none' });
  });

  itOnLowdb('keeps the last sync and the library across a hub restart, offline', async () => {
    const [week1] = scene.materials;
    const dataDir = hub.dataDir;
    const laptop = await open(hub, scene.student, desktop('emma-laptop-1'));
    await report(laptop, {
      library: [{ courseId: scene.courseId, files: [week1!.file.sha256] }],
      outboxWaiting: 3,
    });
    const before = devicesOf((await board(scene.teacher)).body, scene.student)?.[0];
    for (const socket of sockets.splice(0)) socket.disconnect();
    await hub.close();
    hub = await startHub({ verification: 'none', dataDir });
    const after = devicesOf((await board(scene.teacher)).body, scene.student)?.[0];
    expect(after).toEqual({ ...before, online: false });
    expect(after).toMatchObject({ outboxWaiting: 3, presentMaterialIds: [week1!.id] });
    await hub.close();
    await rm(dataDir, { recursive: true, force: true });
    hub = await startHub({ verification: 'none' });
  });
});
