import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentHubs, MAX_RECENT_HUBS } from '../../../src-main/hubs/recent-hubs';

let folder: string;
let clock: number;
const now = () => new Date(clock++ * 1000);
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'classhub-recent-'));
  clock = Date.parse('2026-11-24T12:00:00Z') / 1000;
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('recent hubs', () => {
  it('lists the hubs connected to, newest first, once each', async () => {
    const recent = createRecentHubs({ file: join(folder, 'recent.json'), now });
    await recent.remember('http://192.168.1.20:4000');
    await recent.remember('http://hub.school.org', 'Room 12');
    await recent.remember('http://192.168.1.20:4000');
    const hubs = await recent.list();
    expect(hubs.map((h) => [h.url, h.name, h.source])).toEqual([
      ['http://192.168.1.20:4000', '192.168.1.20:4000', 'recent'],
      ['http://hub.school.org', 'Room 12', 'recent'],
    ]);
    expect(Date.parse(hubs[0]!.lastUsedAt!)).toBeGreaterThan(Date.parse(hubs[1]!.lastUsedAt!));
  });

  it(`keeps the newest ${MAX_RECENT_HUBS}, forgets on request, and survives a restart`, async () => {
    const file = join(folder, 'nested', 'recent.json');
    const recent = createRecentHubs({ file, now });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => recent.remember(`http://10.0.0.${i + 1}:4000`)),
    );
    await recent.forget('http://10.0.0.11:4000');
    const again = await createRecentHubs({ file }).list();
    expect(again.map((h) => h.url)).toEqual(
      [12, 10, 9, 8, 7, 6, 5, 4, 3].map((n) => `http://10.0.0.${n}:4000`),
    );
    expect(JSON.parse(await readFile(file, 'utf8')).hubs).toHaveLength(9);
  });

  it('starts empty from a damaged file instead of failing', async () => {
    const file = join(folder, 'recent.json');
    await writeFile(file, '{"hubs": [');
    const recent = createRecentHubs({ file, now });
    expect(await recent.list()).toEqual([]);
    await recent.remember('http://hub.school.org');
    expect((await createRecentHubs({ file }).list()).map((h) => h.url)).toEqual([
      'http://hub.school.org',
    ]);
  });
});
