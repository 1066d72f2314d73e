import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runArchiveCommand } from '../../../src-server/archive/commands';
import { seedDemoWorld } from '../../../src-server/seed/seed';
import { pack, unpack, type ArchiveFile } from '../../support/archive-files';

let root: string;
let demo: string;
let good: string;
let files: ArchiveFile[];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'classhub-archive-refusals-'));
  demo = join(root, 'demo');
  await seedDemoWorld(demo, () => undefined);
  good = join(root, 'good.tar.gz');
  await runArchiveCommand('backup', ['--out', good, '--data', demo], {}, () => undefined);
  files = await unpack(good);
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let n = 0;
/** Restores `archive` into a new folder and expects a refusal; the folder must stay absent. */
async function refused(archive: string): Promise<string> {
  const target = join(root, `target-${++n}`);
  const error = await runArchiveCommand(
    'restore',
    ['--in', archive, '--data', target],
    {},
    () => undefined,
  ).then(
    () => undefined,
    (failure: unknown) => failure as Error,
  );
  expect(error, 'the restore should have been refused').toBeInstanceOf(Error);
  await expect(stat(target)).rejects.toThrow(/ENOENT/);
  expect((await readdir(root)).filter((name) => name.includes('.restoring-'))).toEqual([]);
  return error!.message;
}

async function changed(change: (files: ArchiveFile[]) => ArchiveFile[]): Promise<string> {
  const path = join(root, `changed-${++n}.tar.gz`);
  await pack(path, change(files.map((file) => ({ ...file }))));
  return path;
}

const named = (list: ArchiveFile[], name: string) => list.find((file) => file.name === name)!;

describe('restoring an archive that is not whole', () => {
  it('refuses a truncated archive, saying it ends early', async () => {
    const bytes = await readFile(good);
    const path = join(root, 'truncated.tar.gz');
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(await refused(path)).toMatch(
      /^The archive ends early: it is truncated \(the last whole file in it is .+\)\.$/,
    );
  });

  it('refuses an archive with damaged bytes', async () => {
    const bytes = Buffer.from(await readFile(good));
    for (let i = 2000; i < 2064; i++) bytes[i] = bytes[i]! ^ 0xff;
    const path = join(root, 'damaged.tar.gz');
    await writeFile(path, bytes);
    expect(await refused(path)).toMatch(/damaged|truncated|not JSON/);
  });

  it('refuses a changed record, naming the file and the expected and found sha256', async () => {
    const path = await changed((list) => {
      const users = named(list, 'collections/users.0001.ndjson');
      users.data = Buffer.from(users.data.toString().replace('"Emma"', '"Emmy"'));
      return list;
    });
    const manifest = JSON.parse(named(files, 'manifest.json').data.toString());
    const expected = manifest.files.find(
      (file: { name: string }) => file.name === 'collections/users.0001.ndjson',
    ).sha256;
    expect(await refused(path)).toMatch(
      new RegExp(
        `^collections/users\\.0001\\.ndjson does not match manifest\\.json: expected sha256 ${expected}, found [a-f0-9]{64}\\.$`,
      ),
    );
  });

  it('refuses an archive missing a file its manifest lists', async () => {
    const path = await changed((list) =>
      list.filter((file) => file.name !== 'collections/posts.0001.ndjson'),
    );
    expect(await refused(path)).toBe(
      'collections/posts.0001.ndjson is listed in manifest.json but missing from the archive.',
    );
  });

  it('refuses an archive without a stored file a record points at', async () => {
    const blob = files.find((file) => file.name.startsWith('blobs/'))!;
    const id = blob.name.slice('blobs/'.length);
    const path = await changed((list) => {
      const manifest = named(list, 'manifest.json');
      const value = JSON.parse(manifest.data.toString());
      value.files = value.files.filter((file: { name: string }) => file.name !== blob.name);
      manifest.data = Buffer.from(JSON.stringify(value));
      return list.filter((file) => file.name !== blob.name);
    });
    expect(await refused(path)).toBe(
      `A record points at the stored file ${id}, but blobs/${id} is not in the archive.`,
    );
  });

  it('refuses an archive whose manifest count was changed', async () => {
    const path = await changed((list) => {
      const manifest = named(list, 'manifest.json');
      const value = JSON.parse(manifest.data.toString());
      value.collections.users.count = 7;
      manifest.data = Buffer.from(JSON.stringify(value));
      return list;
    });
    expect(await refused(path)).toBe(
      "The archive's collection users holds 6 lines, manifest.json says 7.",
    );
  });

  it('refuses an archive from a newer ClassHub before loading anything', async () => {
    const path = await changed((list) => {
      const header = named(list, 'archive.json');
      header.data = Buffer.from(
        JSON.stringify({ ...JSON.parse(header.data.toString()), version: 2, hubVersion: '9.0.0' }),
      );
      return list;
    });
    expect(await refused(path)).toBe(
      'This archive was made by a newer ClassHub (9.0.0, archive format 2); this hub reads format 1. Update ClassHub, then restore it.',
    );
  });

  it('refuses a tar.gz that is not a ClassHub archive, and a file that is not gzip', async () => {
    const foreign = join(root, 'foreign.tar.gz');
    await pack(foreign, [{ name: 'holiday.jpg', data: Buffer.from('not a hub') }]);
    expect(await refused(foreign)).toBe(
      'This is not a ClassHub archive: it should begin with archive.json, not holiday.jpg.',
    );
    const plain = join(root, 'notes.txt');
    await writeFile(plain, 'just some notes\n');
    expect(await refused(plain)).toBe(
      'This is not a ClassHub archive: it is not a gzip-compressed file.',
    );
  });
});

describe('archive commands refuse, saying why', () => {
  it('a restore into a folder that holds something, leaving it as it was', async () => {
    const target = join(root, 'occupied');
    await mkdir(target);
    await writeFile(join(target, 'notes.txt'), 'mine');
    await expect(
      runArchiveCommand('restore', ['--in', good, '--data', target], {}, () => undefined),
    ).rejects.toThrow(
      `${target} is not empty (it holds notes.txt): a restore goes into a new or empty folder only, so no hub is overwritten or mixed with another.`,
    );
    expect(await readdir(target)).toEqual(['notes.txt']);
  });

  it('a missing flag, an --out file that exists, and a folder that is no hub', async () => {
    const quiet = () => undefined;
    await expect(
      runArchiveCommand('restore', ['--data', join(root, 'x')], {}, quiet),
    ).rejects.toThrow('Say which backup to restore: restore --in FILE.');
    await expect(runArchiveCommand('backup', ['--data', demo], {}, quiet)).rejects.toThrow(
      'Say where to write the backup: backup --out FILE.',
    );
    await expect(runArchiveCommand('migrate', ['--from', demo], {}, quiet)).rejects.toThrow(
      'Say what to move where: migrate --from DIR|URL --to DIR|URL.',
    );
    await expect(
      runArchiveCommand('backup', ['--out', good, '--data', demo], {}, quiet),
    ).rejects.toThrow(`${good} already exists`);
    await expect(
      runArchiveCommand('backup', ['--out', join(root, 'b.tar.gz'), '--data', root], {}, quiet),
    ).rejects.toThrow(`${root} is not a ClassHub data folder (it has no db folder)`);
    await expect(
      runArchiveCommand(
        'restore',
        ['--in', join(root, 'nothing.tar.gz'), '--data', join(root, 'y')],
        {},
        quiet,
      ),
    ).rejects.toThrow('is not a file: give the backup to restore with --in FILE.');
    await expect(
      runArchiveCommand(
        'restore',
        ['--in', good, '--data', join(root, 'z'), '--database', 'postgres://h/db'],
        {},
        quiet,
      ),
    ).rejects.toThrow('Give either --data DIR or --database URL, not both.');
  });

  it('a PostgreSQL database that cannot be reached, naming it without its password', async () => {
    const quiet = () => undefined;
    // Port 1 on this computer: nothing listens there, so the connection is refused at once.
    const nowhere = 'postgres://classhub:secret@127.0.0.1:1/classhub';
    const blobs = ['--blobs', join(root, 'nowhere-blobs')];
    for (const args of [
      ['restore', '--in', good, '--database', nowhere, ...blobs],
      ['backup', '--out', join(root, 'nowhere.tar.gz'), '--database', nowhere, ...blobs],
    ] as const) {
      const error = await runArchiveCommand(args[0], args.slice(1), {}, quiet).catch(
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(
        'cannot use the PostgreSQL database postgres://classhub@127.0.0.1:1/classhub',
      );
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
