import type { ClassHubBridge } from '../src-shared/bridge';
import type { HubScope, Scoped } from './hub-scope';

/**
 * What main does for the bridge, grouped exactly like `ClassHubBridge`: the
 * IPC handlers (ipc-routes.ts) only check and forward, so each group can be
 * built and tested on its own (downloads/, offline/, hosting/, hubs/,
 * outbox/, notifications/). Event methods (`onX`) are subscribed to by
 * bridge-events.ts and forwarded to the window. The groups that hold one
 * hub's data take the calling page's scope first (hub-scope.ts).
 */
export interface DesktopServices {
  openExternal: ClassHubBridge['openExternal'];
  setCredentials: ClassHubBridge['setCredentials'];
  /** `start` takes the page's scope: a hub's page starts hosting only after a yes (deep-link-trust.ts). */
  hosting: Omit<ClassHubBridge['hosting'], 'start'> & {
    start(scope: HubScope): ReturnType<ClassHubBridge['hosting']['start']>;
  };
  hubs: ClassHubBridge['hubs'];
  downloads: Scoped<ClassHubBridge['downloads']>;
  library: Scoped<ClassHubBridge['library']>;
  outbox: Scoped<ClassHubBridge['outbox']>;
  notifications: ClassHubBridge['notifications'];
}
