import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadRequest } from '../../../src-shared/bridge';
import {
  createDownloadManager,
  type DownloadManager,
} from '../../../src-main/downloads/download-manager';
import { partialFileOf } from '../../../src-main/downloads/job-store';
import { createOfflineLibrary } from '../../../src-main/offline/library';
import { upload } from '../../support/files';
import { addMaterial, openClassroom, pdfBytes, type Classroom } from './hub-fixture';
import { tempFolder, waitForJob } from './wait';

let room: Classroom;
let root: string;
let manager: DownloadManager | undefined;

beforeAll(async () => {
  room = await openClassroom();
});
afterAll(() => room.hub.stop());
afterEach(async () => {
  await manager?.close();
  manager = undefined;
  await rm(root, { recursive: true, force: true });
});

async function download(request: DownloadRequest) {
  root = await tempFolder();
  const library = createOfflineLibrary({ folder: join(root, 'library'), log: () => undefined });
  manager = createDownloadManager({
    folder: join(root, 'downloads'),
    library,
    credentials: () => ({ hubUrl: room.hub.url, accessToken: room.student.token }),
    log: () => undefined,
  });
  const [job] = await manager.enqueue([request]);
  const done = await waitForJob(manager, job!.id, (j) => j.state === 'done');
  const item = (await library.list()).find((i) => i.id === done.libraryItemId)!;
  const target = await library.openTarget(item.id);
  return { done, item, target };
}

/** A material whose bytes the hub detects as plain text, uploaded under `name` (the admin allows scripts). */
async function textMaterial(name: string, text: string) {
  const allow = (allowed: boolean) =>
    room.hub.call('updateSettings', {
      token: room.teacher.token, // the first account: the admin
      body: { allowRunnableUploads: allowed },
    });
  await allow(true);
  try {
    const file = await upload(
      `${room.hub.url}/api/uploads`,
      room.teacher.token,
      'file',
      Buffer.from(text),
      name,
      'text/plain',
      'POST',
    );
    const added = await room.hub.call('addMaterial', {
      token: room.teacher.token,
      params: { courseId: room.courseId },
      body: { fileId: file.body.id },
    });
    return added.body;
  } finally {
    await allow(false);
  }
}

describe('a downloaded file is saved under the hub’s name and type, not the page’s', () => {
  it('ignores the name the page asks for: bytes named update.exe by the page stay a .pdf', async () => {
    const pdf = await addMaterial(room, 'Week 1 notes.pdf', pdfBytes(2048));
    const { done, item, target } = await download({ ...pdf.request, fileName: 'update.exe' });
    expect(item.fileName).toBe('Week 1 notes.pdf');
    expect(done.fileName).toBe('Week 1 notes.pdf');
    expect(basename(target.file)).toMatch(/-Week 1 notes\.pdf$/);
    expect(target.open).toBe('with-default-app');
  });

  it('gives a script handed in as text the extension of text, so opening it shows it', async () => {
    const material = await textMaterial('notes.bat', '@echo off\r\ndel /q %USERPROFILE%\r\n');
    const { item, target } = await download({
      hubUrl: room.hub.url,
      path: `/api/materials/${material.id}/file`,
      title: material.title,
      fileName: 'notes.bat',
      sha256: material.file.sha256,
      size: material.file.size,
      kind: 'document',
      source: 'material',
    });
    expect(item.fileName).toBe('notes.bat.txt');
    expect(target.file.endsWith('notes.bat.txt')).toBe(true);
    expect(target.open).toBe('with-default-app');
  });

  it('asks the hub for the name when every byte was already saved before a restart', async () => {
    const pdf = await addMaterial(room, 'Week 2 notes.pdf', pdfBytes(4096));
    root = await tempFolder();
    const library = createOfflineLibrary({ folder: join(root, 'library'), log: () => undefined });
    let signedIn = false;
    manager = createDownloadManager({
      folder: join(root, 'downloads'),
      library,
      credentials: () =>
        signedIn ? { hubUrl: room.hub.url, accessToken: room.student.token } : null,
      log: () => undefined,
    });
    const [job] = await manager.enqueue([{ ...pdf.request, fileName: 'payload.exe' }]);
    await waitForJob(manager, job!.id, (j) => j.state === 'paused');
    // The whole file is already on disk (a crash after the last write): no GET carries the name.
    const partial = partialFileOf(join(root, 'downloads'), job!.id);
    await mkdir(dirname(partial), { recursive: true });
    await writeFile(partial, pdf.bytes);
    signedIn = true;
    manager.retryWaiting();
    const done = await waitForJob(manager, job!.id, (j) => j.state === 'done');
    expect(done.fileName).toBe('Week 2 notes.pdf');
    expect((await library.openTarget(done.libraryItemId!)).file).toMatch(/Week 2 notes\.pdf$/);
  });
});
