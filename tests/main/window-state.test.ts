import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  captureWindowState,
  loadWindowState,
  restoreWindowState,
  saveWindowState,
} from '../../src-main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('restoreWindowState', () => {
  it('reopens where the window was, maximised or not', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: true };
    expect(restoreWindowState(saved, [laptop])).toEqual(saved);
  });

  it('keeps a window on a second monitor while that monitor is there', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(restoreWindowState(saved, [laptop, monitorOnTheRight])).toEqual(saved);
  });

  it('brings the window back when its monitor was unplugged, sized to fit', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    const restored = restoreWindowState(saved, [laptop]);
    expect(restored.x).toBeUndefined(); // the OS centres it on the primary display
    expect(restored.width).toBeLessThanOrEqual(laptop.width);
    expect(restored.height).toBeLessThanOrEqual(laptop.height);
  });

  it('re-centres a window whose title bar is above the screen', () => {
    const saved = { x: 100, y: -500, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(saved, [laptop]).x).toBeUndefined();
  });

  it('never opens smaller than the minimum size', () => {
    const saved = { x: 10, y: 10, width: 50, height: 40, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toMatchObject({ width: 800, height: 560 });
  });

  it.each([undefined, null, 'big', { width: 'wide' }, { width: 1e9, height: 10 }])(
    'uses the default size for a missing or broken state: %j',
    (saved) => {
      expect(restoreWindowState(saved, [laptop])).toEqual({
        ...DEFAULT_WINDOW_SIZE,
        maximized: false,
      });
    },
  );

  it('fits the default size into a small screen', () => {
    const small = { x: 0, y: 0, width: 1024, height: 600 };
    expect(restoreWindowState(undefined, [small])).toMatchObject({ width: 1024, height: 600 });
  });
});

describe('saving and loading', () => {
  it('round-trips the state through a file, and reads a broken file as no state', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'classhub-window-'));
    const file = path.join(folder, 'sub', 'window-state.json');
    const state = captureWindowState({ x: 10.4, y: 20.6, width: 1000, height: 700 }, false);
    await saveWindowState(file, state);
    expect(await loadWindowState(file)).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
    await writeFile(file, '{ half');
    expect(await loadWindowState(file)).toBeUndefined();
    await rm(folder, { recursive: true, force: true });
  });
});
