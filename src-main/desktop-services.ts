import type { ClassHubBridge } from '../src-shared/bridge';

/**
 * What main does for the bridge, grouped exactly like `ClassHubBridge`: the
 * IPC handlers (ipc-routes.ts) only check and forward, so each group can be
 * built and tested on its own (downloads/, offline/, hosting/, hubs/,
 * outbox/, notifications/). Event methods (`onX`) are subscribed to by
 * bridge-events.ts and forwarded to the window.
 */
export interface DesktopServices {
  openExternal: ClassHubBridge['openExternal'];
  setCredentials: ClassHubBridge['setCredentials'];
  hosting: ClassHubBridge['hosting'];
  hubs: ClassHubBridge['hubs'];
  downloads: ClassHubBridge['downloads'];
  library: ClassHubBridge['library'];
  outbox: ClassHubBridge['outbox'];
  notifications: ClassHubBridge['notifications'];
}
