import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EARLY_EXIT_MS,
  afterWindowExit,
  browserFallbackMessage,
  locateElectronBinary,
} from '../../scripts/desktop-launch';

const dir = '/app/node_modules/electron';

describe('locateElectronBinary', () => {
  it('finds the binary named in path.txt', () => {
    const files = new Set([join(dir, 'path.txt'), join(dir, 'dist', 'electron')]);
    expect(
      locateElectronBinary(
        dir,
        (f) => files.has(f),
        () => 'electron\n',
      ),
    ).toBe(join(dir, 'dist', 'electron'));
  });

  it('reports none when the download never happened or left no binary', () => {
    expect(
      locateElectronBinary(
        dir,
        () => false,
        () => '',
      ),
    ).toBeUndefined();
    const onlyPathFile = (f: string) => f.endsWith('path.txt');
    expect(locateElectronBinary(dir, onlyPathFile, () => 'electron')).toBeUndefined();
    expect(
      locateElectronBinary(
        dir,
        () => true,
        () => '  ',
      ),
    ).toBeUndefined();
  });
});

describe('browserFallbackMessage', () => {
  it('says plainly that the window cannot open, why, and where the app is instead', () => {
    const text = browserFallbackMessage('http://127.0.0.1:4000', { reason: 'no-binary' });
    expect(text).toMatch(/desktop window cannot open/);
    expect(text).toMatch(/Electron's binary is not on this machine/);
    expect(text).toMatch(/served in the browser instead: open http:\/\/127\.0\.0\.1:4000/);
  });

  it('names the exit code or signal when Electron died on start', () => {
    expect(
      browserFallbackMessage('http://h', { reason: 'exited-early', code: 1, signal: null }),
    ).toMatch(/exit code 1/);
    expect(
      browserFallbackMessage('http://h', { reason: 'exited-early', code: null, signal: 'SIGSEGV' }),
    ).toMatch(/signal SIGSEGV/);
  });
});

describe('afterWindowExit', () => {
  it('stops the hub when the user closes the window', () => {
    expect(afterWindowExit(0, null, 60_000)).toEqual({ action: 'stop-hub' });
    expect(afterWindowExit(0, null, 100)).toEqual({ action: 'stop-hub' });
  });

  it('keeps serving the browser when Electron fails right away', () => {
    expect(afterWindowExit(1, null, EARLY_EXIT_MS - 1)).toMatchObject({ action: 'serve-browser' });
    expect(afterWindowExit(null, 'SIGABRT', 200)).toMatchObject({ action: 'serve-browser' });
  });

  it('treats a late failure as the end of the session', () => {
    expect(afterWindowExit(1, null, EARLY_EXIT_MS + 1)).toEqual({ action: 'stop-hub' });
  });
});
