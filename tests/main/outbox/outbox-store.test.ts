import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutbox } from '../../../src-main/outbox/outbox';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'classhub-outbox-store-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('the outbox on disk', () => {
  it('keeps a damaged file aside, says so, and starts empty', async () => {
    await writeFile(join(folder, 'outbox.json'), '{"items": [{"id": ');
    const onProblem = vi.fn();
    const outbox = createOutbox({ folder, credentials: () => null, onProblem });
    expect(await outbox.list()).toEqual([]);
    expect(onProblem).toHaveBeenCalledWith(expect.stringContaining('outbox.json.damaged-'));
    expect((await readdir(folder)).some((name) => name.startsWith('outbox.json.damaged-'))).toBe(
      true,
    );
    await outbox.close();
  });

  it('removes attachment folders no item points at (a crash between bytes and index)', async () => {
    await mkdir(join(folder, 'files', 'orphan'), { recursive: true });
    await writeFile(join(folder, 'files', 'orphan', '0'), 'bytes');
    await writeFile(join(folder, 'outbox.json'), JSON.stringify({ items: [] }));
    const outbox = createOutbox({ folder, credentials: () => null });
    expect(await outbox.list()).toEqual([]);
    expect(await readdir(join(folder, 'files'))).toEqual([]);
    await outbox.close();
  });

  it('discards an item together with its files', async () => {
    const outbox = createOutbox({ folder, credentials: () => null });
    const item = await outbox.enqueue({
      kind: 'submission',
      hubUrl: 'http://10.0.0.5:4000/',
      deadlineId: 'd1',
      comment: 'draft',
      files: [{ name: 'a.txt', bytes: new Uint8Array([1, 2, 3]) }],
    });
    expect(item).toMatchObject({ hubUrl: 'http://10.0.0.5:4000', state: 'waiting' });
    expect(item.summary).toBe('Submission: draft (1 file)');
    expect(await readdir(join(folder, 'files', item.id))).toEqual(['0']);
    await outbox.discard(item.id);
    expect(await outbox.list()).toEqual([]);
    expect(await readdir(join(folder, 'files'))).toEqual([]);
    await outbox.close();
  });
});
