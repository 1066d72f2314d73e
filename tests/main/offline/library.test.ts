import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createOfflineLibrary,
  type NewLibraryFile,
  type OfflineLibrary,
} from '../../../src-main/offline/library';
import { openLibraryItem } from '../../../src-main/offline/open-library-item';

let root: string;
let folder: string;
let lines: string[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'classhub-library-'));
  folder = join(root, 'library');
  lines = [];
});
afterEach(() => rm(root, { recursive: true, force: true }));

const open = (): OfflineLibrary =>
  createOfflineLibrary({ folder, log: (line) => lines.push(line) });

const HUB = 'http://127.0.0.1:4000';

let sourceCounter = 0;
async function verifiedFile(bytes: string, change: Partial<NewLibraryFile> = {}) {
  const source = join(root, `download-${++sourceCounter}.part`);
  await writeFile(source, bytes);
  const file: NewLibraryFile = {
    hubUrl: 'http://127.0.0.1:4000',
    path: `/api/materials/m${sourceCounter}/file`,
    title: 'Lecture',
    fileName: 'Lecture.pdf',
    contentType: 'application/pdf',
    kind: 'document',
    source: 'material',
    size: bytes.length,
    sha256: String(sourceCounter).padStart(64, '0'),
    courseId: 'c1',
    ...change,
  };
  return { source, file };
}

describe('offline library files', () => {
  it('moves a verified file in, lists it, sums usage, opens it and removes it', async () => {
    const library = open();
    const one = await verifiedFile('first file');
    const two = await verifiedFile('second, longer file', { title: 'Slides' });
    const a = await library.addFile(one.source, one.file);
    const b = await library.addFile(two.source, two.file);
    expect(await readdir(root)).toEqual(['library']); // moved, not copied
    expect((await library.list()).map((item) => item.title)).toEqual(['Slides', 'Lecture']);
    expect(await library.usage()).toEqual({ bytes: 10 + 19, items: 2 });
    expect(await readFile(await library.filePath(a.id), 'utf8')).toBe('first file');
    expect(await library.find(one.file)).toEqual(a);
    expect(Object.keys(a)).not.toContain('storedName');

    await library.remove(b.id);
    expect(await library.usage()).toEqual({ bytes: 10, items: 1 });
    await expect(library.filePath(b.id)).rejects.toThrow(/not in the offline library/);
    expect(await readdir(join(folder, 'files'))).toHaveLength(1);
    // The index is on disk: a new instance sees the same library.
    expect(await open().list()).toEqual([a]);
  });

  it('stores files under sanitised names inside its own folder, whatever the hub called them', async () => {
    const library = open();
    const { source, file } = await verifiedFile('x', { fileName: '../../evil<1>:"name"?.pdf' });
    const item = await library.addFile(source, file);
    const stored = await library.filePath(item.id);
    expect(dirname(stored)).toBe(join(folder, 'files'));
    expect(basename(stored)).toMatch(/^0{15}\d-[0-9a-f]{8}-evil_1___name__\.pdf$/);
    expect(item.fileName).toBe('evil_1___name__.pdf'); // the name it is saved under
  });

  it('adding the same download twice keeps one item', async () => {
    const library = open();
    const first = await verifiedFile('same');
    const item = await library.addFile(first.source, first.file);
    const again = join(root, 'again.part');
    await writeFile(again, 'same');
    expect(await library.addFile(again, first.file)).toEqual(item);
    expect(await library.usage()).toEqual({ bytes: 4, items: 1 });
  });
});

describe('offline library snapshots', () => {
  it('round-trip JSON with the time they were saved, across restarts', async () => {
    const library = open();
    expect(await library.readSnapshot(HUB, 'course:c1')).toBeNull();
    await library.saveSnapshot(HUB, 'course:c1', { title: 'Physics', materials: [1, 2] });
    await library.saveSnapshot(HUB, 'course:c1', { title: 'Physics 2' });
    const read = await open().readSnapshot(HUB, 'course:c1');
    expect(read).toEqual({ data: { title: 'Physics 2' }, savedAt: expect.any(String) });
    expect(Number.isNaN(Date.parse(read!.savedAt))).toBe(false);
    const [hubFolder, ...others] = await readdir(join(folder, 'snapshots'));
    expect(others).toEqual([]);
    expect(hubFolder).toMatch(/^[0-9a-f]{32}$/); // one folder per hub, named by a hash
    const names = await readdir(join(folder, 'snapshots', hubFolder!));
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^[0-9a-f]{64}\.json$/); // hashed: no key names a path
  });

  it('refuse keys that are not <what>:<id>', async () => {
    const library = open();
    for (const key of [
      '',
      'course',
      '../etc:x',
      'course:../../x',
      'Course:1',
      `course:${'x'.repeat(300)}`,
    ])
      await expect(library.saveSnapshot(HUB, key, {})).rejects.toThrow(/snapshot key/);
    await expect(library.readSnapshot(HUB, 'course/1')).rejects.toThrow(/snapshot key/);
    await expect(library.saveSnapshot(HUB, 'course:c1', undefined)).rejects.toThrow(/needs data/);
  });
});

describe('offline library startup repair', () => {
  it('removes a torn index temp file and keeps the last complete index', async () => {
    const library = open();
    const { source, file } = await verifiedFile('kept');
    const item = await library.addFile(source, file);
    await library.saveSnapshot(HUB, 'course:c1', { ok: true });
    await writeFile(join(folder, 'index.json.4242-7.tmp'), '{"version":1,"items":[{"id":"tor');
    await writeFile(join(folder, 'snapshots', 'abc.json.4242-8.tmp'), '{"key":');

    const reopened = open();
    expect(await reopened.list()).toEqual([item]);
    expect(await readdir(folder)).not.toContain('index.json.4242-7.tmp');
    expect(await readdir(join(folder, 'snapshots'))).toHaveLength(1); // the hub's folder
    expect(await reopened.readSnapshot(HUB, 'course:c1')).toMatchObject({ data: { ok: true } });
    expect(lines.join('\n')).toMatch(/unfinished index write/);
  });

  it('drops entries whose file is gone and deletes files no entry names', async () => {
    const library = open();
    const one = await verifiedFile('one');
    const a = await library.addFile(one.source, one.file);
    const two = await verifiedFile('two', { title: 'Vanished' });
    const b = await library.addFile(two.source, two.file);
    await rm(await library.filePath(b.id));
    await writeFile(join(folder, 'files', 'stray.pdf'), 'nobody knows me');

    const reopened = open();
    expect(await reopened.list()).toEqual([a]);
    expect(await readdir(join(folder, 'files'))).toHaveLength(1);
    expect(lines.join('\n')).toMatch(/"Vanished" is no longer on disk/);
    expect(lines.join('\n')).toMatch(/stray.pdf/);
    // The repair was written back: a third start has nothing to repair.
    lines = [];
    await open().ready();
    expect(lines).toEqual([]);
  });

  it('starts empty (without crashing) on a damaged index, keeping it aside', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'index.json'), '{ this is not json');
    const library = open();
    expect(await library.list()).toEqual([]);
    expect((await readdir(folder)).some((name) => name.startsWith('index.json.damaged-'))).toBe(
      true,
    );
    const { source, file } = await verifiedFile('fresh start');
    await library.addFile(source, file);
    expect(await open().usage()).toEqual({ bytes: 11, items: 1 });
  });
});

describe('opening a library file', () => {
  async function saved(fileName: string, contentType: string) {
    const library = open();
    const { source, file } = await verifiedFile('bytes', { fileName, contentType });
    const item = await library.addFile(source, file);
    const opened: string[] = [];
    const shown: string[] = [];
    await openLibraryItem(library, item.id, {
      openPath: async (path) => void opened.push(basename(path)),
      showItemInFolder: (path) => void shown.push(basename(path)),
    });
    return { library, item, opened, shown };
  }

  it.each([
    ['Week 1.pdf', 'application/pdf', 'Week 1.pdf'],
    ['photo.JPG', 'image/jpeg', 'photo.JPG'],
    ['readme', 'text/plain; charset=utf-8', 'readme.txt'],
    ['notes.bat', 'text/plain', 'notes.bat.txt'],
    [
      'essay.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'essay.docx',
    ],
  ])('opens %s (%s) with the system’s app, saved as %s', async (name, type, expected) => {
    const { item, opened, shown } = await saved(name, type);
    expect(item.fileName).toBe(expected);
    expect(opened).toEqual([
      expect.stringMatching(new RegExp(`-${expected.replace('.', '\\.')}$`)),
    ]);
    expect(shown).toEqual([]);
  });

  it.each([
    ['pack.zip', 'application/zip', 'pack.zip'],
    ['update.exe', 'application/x-msdownload', 'update.exe.bin'],
    ['run.sh', 'application/octet-stream', 'run.sh.bin'],
    ['page.html', 'text/html', 'page.html.bin'],
  ])('shows %s (%s) in its folder instead, saved as %s', async (name, type, expected) => {
    const { item, opened, shown } = await saved(name, type);
    expect(item.fileName).toBe(expected);
    expect(opened).toEqual([]);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.endsWith(expected)).toBe(true);
  });

  it('shows a file saved before types were kept in its folder', async () => {
    const { item } = await saved('Week 1.pdf', 'application/pdf');
    const index = JSON.parse(await readFile(join(folder, 'index.json'), 'utf8')) as {
      items: Record<string, unknown>[];
    };
    for (const entry of index.items) delete entry.contentType;
    await writeFile(join(folder, 'index.json'), JSON.stringify(index));
    expect(await open().openTarget(item.id)).toMatchObject({ open: 'in-folder' });
  });
});
