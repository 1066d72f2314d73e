import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_HUBS, scopeOfSender, type HubScope } from '../../../src-main/hub-scope';
import { createOfflineLibrary, type OfflineLibrary } from '../../../src-main/offline/library';
import { createScopedLibrary, type ScopedLibrary } from '../../../src-main/offline/scoped-library';

const HUB_A = 'http://10.0.0.2:4000';
const HUB_B = 'http://10.0.0.9:4000';
const pageOf = (origin: string): HubScope => scopeOfSender(`${origin}/courses/1`);
const localShell = scopeOfSender('classhub-app://local/library');

let root: string;
let library: OfflineLibrary;
let scoped: ScopedLibrary;
let opened: string[];
let counter = 0;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'classhub-scoped-'));
  library = createOfflineLibrary({ folder: join(root, 'library'), log: () => undefined });
  opened = [];
  scoped = createScopedLibrary(library, {
    openPath: async (file) => void opened.push(basename(file)),
    showItemInFolder: (file) => void opened.push(basename(file)),
  });
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function addFrom(hubUrl: string, title: string) {
  const source = join(root, `download-${++counter}`);
  await writeFile(source, title);
  return library.addFile(source, {
    hubUrl,
    path: `/api/materials/m${counter}/file`,
    title,
    fileName: `${title}.pdf`,
    contentType: 'application/pdf',
    kind: 'document',
    source: 'material',
    size: title.length,
    sha256: String(counter).padStart(64, '0'),
  });
}

describe('a hub’s page sees only its own hub’s library', () => {
  it('lists and counts only its own hub’s files; the local shell sees all', async () => {
    await addFrom(HUB_A, 'Physics notes');
    await addFrom(HUB_B, 'Secret exam');
    expect((await scoped.list(pageOf(HUB_A))).map((i) => i.title)).toEqual(['Physics notes']);
    expect(await scoped.usage(pageOf(HUB_A))).toEqual({ bytes: 13, items: 1 });
    expect((await scoped.list(localShell)).map((i) => i.title).sort()).toEqual([
      'Physics notes',
      'Secret exam',
    ]);
  });

  it('cannot open or remove another hub’s file, even knowing its id', async () => {
    const other = await addFrom(HUB_B, 'Secret exam');
    await expect(scoped.open(pageOf(HUB_A), other.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(scoped.remove(pageOf(HUB_A), other.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(opened).toEqual([]);
    expect(await library.has(other.id)).toBe(true);
    await scoped.open(pageOf(HUB_B), other.id);
    expect(opened).toHaveLength(1);
  });
});

describe('snapshots are kept per hub', () => {
  it('a page reads only what its own hub’s pages saved, under the same key', async () => {
    await scoped.saveSnapshot(pageOf(HUB_B), 'course:c1', { title: 'B’s course' });
    expect(await scoped.readSnapshot(pageOf(HUB_A), 'course:c1')).toBeNull();
    await scoped.saveSnapshot(pageOf(HUB_A), 'course:c1', { title: 'A’s course' });
    expect(await scoped.readSnapshot(pageOf(HUB_A), 'course:c1')).toMatchObject({
      data: { title: 'A’s course' },
    });
    expect(await scoped.readSnapshot(pageOf(HUB_B), 'course:c1')).toMatchObject({
      data: { title: 'B’s course' },
    });
  });

  it('the local shell reads every hub’s: lists joined, newest first, other values the newest', async () => {
    await scoped.saveSnapshot(pageOf(HUB_A), 'index:courses', [{ id: 'a1' }]);
    await scoped.saveSnapshot(pageOf(HUB_B), 'index:courses', [{ id: 'b1' }, { id: 'b2' }]);
    const index = await scoped.readSnapshot(localShell, 'index:courses');
    expect(index?.data).toEqual(expect.arrayContaining([{ id: 'a1' }, { id: 'b1' }, { id: 'b2' }]));
    expect(index?.data).toHaveLength(3);
    await scoped.saveSnapshot(pageOf(HUB_B), 'course:c9', { from: 'B' });
    expect((await scoped.readSnapshot(localShell, 'course:c9'))?.data).toEqual({ from: 'B' });
  });

  it('the local shell keeps no snapshots of its own', async () => {
    await expect(scoped.saveSnapshot(ALL_HUBS, 'course:c1', {})).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
