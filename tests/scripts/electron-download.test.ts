import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserFallbackMessage } from '../../scripts/desktop-launch';
import {
  downloadFailureReason,
  freshFailureDetail,
  nodeSupportsElectronTools,
  readDownloadFailure,
  rememberDownloadFailure,
  rememberedFailureDetail,
} from '../../scripts/electron-download';

// What Electron 45's install.js printed on the build machine, offline.
const offlineOutput = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at async FetchDownloader.download (file:///app/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
  [cause]: Error: getaddrinfo ENOTFOUND github.com`;

describe('why the Electron download failed, in one line', () => {
  it('names the error and the network code, without the stack', () => {
    const reason = downloadFailureReason(offlineOutput, '22.14.0');
    expect(reason).toBe('TypeError: fetch failed; ENOTFOUND');
  });

  it('adds that Electron 45’s tools need Node 22.12 when this Node is older', () => {
    expect(downloadFailureReason('TypeError: fetch failed', '20.20.2')).toBe(
      "TypeError: fetch failed; Electron 45's download tools need Node ≥ 22.12, this is Node 20.20.2",
    );
    expect(nodeSupportsElectronTools('22.12.0')).toBe(true);
    expect(nodeSupportsElectronTools('v24.1.0')).toBe(true);
    expect(nodeSupportsElectronTools('22.11.9')).toBe(false);
  });

  it('says when the download never answered', () => {
    expect(downloadFailureReason('', '24.0.0', true)).toBe('no answer within 3 minutes');
  });
});

describe('the remembered outcome', () => {
  let dir: string;
  let marker: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'classhub-electron-marker-'));
    marker = join(dir, '.cache', 'classhub', 'electron-download.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is absent until a download fails, then read back for the same Electron', () => {
    expect(readDownloadFailure(marker, '45.4.1')).toBeUndefined();
    const failure = {
      electronVersion: '45.4.1',
      failedAt: '2026-12-04T20:41:00.000Z',
      reason: 'TypeError: fetch failed',
    };
    rememberDownloadFailure(marker, failure);
    expect(readDownloadFailure(marker, '45.4.1')).toEqual(failure);
  });

  it('is forgotten when another Electron version is installed', () => {
    rememberDownloadFailure(marker, {
      electronVersion: '45.4.1',
      failedAt: '2026-12-04T20:41:00.000Z',
      reason: 'x',
    });
    expect(readDownloadFailure(marker, '46.0.0')).toBeUndefined();
  });
});

describe('what npm start prints when the window cannot open', () => {
  it('explains a fresh failure once, saying later starts will not try again', () => {
    const text = browserFallbackMessage('http://127.0.0.1:4000', {
      reason: 'no-binary',
      detail: freshFailureDetail('TypeError: fetch failed', 'node_modules/.cache/x.json'),
    });
    expect(text).toContain('the download failed just now (TypeError: fetch failed)');
    expect(text).toContain('delete node_modules/.cache/x.json to retry');
    expect(text).not.toMatch(/first start only/);
  });

  it('on later starts gives the date and reason of the failure instead of trying again', () => {
    const detail = rememberedFailureDetail(
      { electronVersion: '45.4.1', failedAt: '2026-12-04T20:41:00.000Z', reason: 'ENOTFOUND' },
      'm.json',
    );
    expect(browserFallbackMessage('http://h', { reason: 'no-binary', detail })).toContain(
      'its download failed on 2026-12-04 (ENOTFOUND), so this start did not try again; delete m.json to retry',
    );
  });

  it('says the electron package is missing after an omit-dev install', () => {
    expect(browserFallbackMessage('http://h', { reason: 'not-installed' })).toContain(
      'npm ci --omit=dev',
    );
  });
});
