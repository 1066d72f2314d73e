import { contextBridge, ipcRenderer } from 'electron';
import type { ClassHubBridge } from '../src-shared/bridge';
import { readAppVersion, toBridgePlatform } from './bridge-arguments';
import { ipcChannels } from './ipc-channels';
import { unwrapIpcResult } from './ipc-result';

/**
 * The only thing the page gets from the desktop app: `window.classhub`.
 * One method per channel; no ipcRenderer, no Node. This file runs in a
 * sandbox, so it is bundled to CommonJS and may import only plain modules.
 */
const bridge = {
  platform: toBridgePlatform(process.platform),
  appVersion: readAppVersion(process.argv),
  async openExternal(url: string): Promise<void> {
    unwrapIpcResult(await ipcRenderer.invoke(ipcChannels.openExternal, url));
  },
} satisfies ClassHubBridge;

contextBridge.exposeInMainWorld('classhub', bridge);
