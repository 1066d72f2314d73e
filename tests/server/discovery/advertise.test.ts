import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { helpText, readCli } from '../../../src-server/cli-args';
import { parseHubConfig } from '../../../src-server/config';
import { readHubId } from '../../../src-server/discovery/advertise';
import { startHub } from '../../support/start-hub';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'classhub-advertise-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('advertising the hub on the local network', () => {
  it('is on by default, and off with --no-advertise or CLASSHUB_ADVERTISE=false', () => {
    expect(parseHubConfig(readCli([], {}).options).advertise).toBe(true);
    expect(parseHubConfig(readCli(['--no-advertise'], {}).options).advertise).toBe(false);
    expect(parseHubConfig(readCli([], { CLASSHUB_ADVERTISE: 'false' }).options).advertise).toBe(
      false,
    );
    expect(
      parseHubConfig(readCli(['--advertise'], { CLASSHUB_ADVERTISE: 'false' }).options).advertise,
    ).toBe(true);
    expect(() => parseHubConfig({ advertise: 'perhaps' })).toThrow(
      '--advertise (CLASSHUB_ADVERTISE): Use true or false.',
    );
    expect(helpText('npm run hub --')).toMatch(/--advertise, --no-advertise\s+CLASSHUB_ADVERTISE/);
  });

  it('gives the hub an id that stays with its data folder', async () => {
    const id = await readHubId(folder);
    expect(id).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(await readHubId(folder)).toBe(id);
    expect((await readFile(join(folder, 'hub-id'), 'utf8')).trim()).toBe(id);
  });

  it('reports whether the hub advertises, and stops cleanly either way', async () => {
    const quiet = await startHub({ dataDir: join(folder, 'quiet') });
    expect(quiet.advertised).toBe(false);
    await quiet.stop();
    const local = await startHub({ dataDir: join(folder, 'local'), advertise: true });
    expect(local.advertised).toBe(false); // on 127.0.0.1 nobody who finds it could reach it
    expect(local.logs.text()).toContain('not advertising on the network');
    await local.stop();
    const loud = await startHub({
      dataDir: join(folder, 'loud'),
      advertise: true,
      host: '0.0.0.0',
    });
    expect(loud.advertised).toBe(true);
    await loud.stop();
    expect(loud.logs.text()).toContain('hub stopped');
  });
});
