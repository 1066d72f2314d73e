import type { Page } from '@playwright/test';
/** Shared by the desktop-*.spec.ts files: the fake desktop app. */
import {
  installBridgeDouble,
  type BridgeCall,
  type BridgeControl,
  type BridgeDoubleSetup,
} from '../support/bridge-double';

/** The page with the fake desktop app behind window.classhub. */
export async function withBridge(page: Page, setup: BridgeDoubleSetup = {}) {
  await page.addInitScript(installBridgeDouble, setup);
}

export function bridgeCalls(page: Page, method: string): Promise<BridgeCall[]> {
  return page.evaluate(
    (name) =>
      (window as unknown as { __bridgeControl: BridgeControl }).__bridgeControl
        .calls()
        .filter((call) => call.method === name),
    method,
  );
}

/** Plays main's part: pushes a download's progress, finishes it, announces hubs (see BridgeControl). */
export function driveBridge<
  M extends 'updateDownload' | 'completeDownload' | 'setKnownHubs' | 'setHosting' | 'setOutbox',
>(page: Page, method: M, ...args: Parameters<BridgeControl[M]>): Promise<void> {
  return page.evaluate(
    ([name, values]) => {
      const control = (
        window as unknown as { __bridgeControl: Record<string, (...a: unknown[]) => void> }
      ).__bridgeControl;
      control[name]?.(...values);
    },
    [method, args] as const,
  );
}

/**
 * Finishes a download as main does, once the page has queued it: a click's
 * request reaches the desktop app a moment later, later still on a busy machine.
 */
export async function completeDownloadOnceQueued(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (jobId) =>
      (window as unknown as { __bridgeControl: BridgeControl }).__bridgeControl.hasDownload(jobId),
    id,
  );
  await driveBridge(page, 'completeDownload', id);
}
