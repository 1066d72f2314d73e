import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState, toolsInstalled } from '../../scripts/launch.mjs';

const build = { output: 'dist-hub/cli.js', sources: ['src-server', 'src-shared'] };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 4, 20, minutes));

describe('when npm start and npm run hub build first', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'classhub-launch-'));
    await mkdir(join(root, 'src-server', 'http'), { recursive: true });
    await writeFile(join(root, 'src-server', 'http', 'app.ts'), '');
    await utimes(join(root, 'src-server', 'http', 'app.ts'), at(0), at(0));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const writeOutput = async (minutes: number) => {
    await mkdir(join(root, 'dist-hub'), { recursive: true });
    await writeFile(join(root, build.output), '');
    await utimes(join(root, build.output), at(minutes), at(minutes));
  };

  it('builds when nothing is built yet', () => {
    expect(buildState(root, build)).toBe('missing');
  });

  it('runs the bundle as it is when no source changed since it was built', async () => {
    await writeOutput(5);
    expect(buildState(root, build)).toBe('fresh');
  });

  it('builds again when a source deep in a folder changed after the build', async () => {
    await writeOutput(5);
    await utimes(join(root, 'src-server', 'http', 'app.ts'), at(9), at(9));
    expect(buildState(root, build)).toBe('stale');
  });

  it('counts a production copy without sources as fresh', async () => {
    await rm(join(root, 'src-server'), { recursive: true });
    await writeOutput(5);
    expect(buildState(root, build)).toBe('fresh');
  });

  it('knows whether the build tools are installed', () => {
    const repo = join(import.meta.dirname, '..', '..');
    expect(toolsInstalled(repo, ['esbuild', 'tsx'])).toBe(true);
    expect(toolsInstalled(root, ['esbuild'])).toBe(false);
  });
});
