import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { forwardBridgeEvents } from './bridge-events';
import type { DesktopServices } from './desktop-services';
import { ipcChannels, type IpcChannel } from './ipc-channels';
import { scopeEventPayload, scopeOfSender, type HubScope } from './hub-scope';
import { createIpcRoutes } from './ipc-routes';
import { appLog } from './logging/app-log';
import { handleIpcCall, ipcArgumentSchemas } from './ipc-validation';
import { isTrustedSender, type TrustedOrigins } from './security';

export interface IpcDependencies {
  /** The origins whose pages may use the bridge; read on every call, since the hub changes. */
  getTrustedOrigins(): TrustedOrigins;
  services: DesktopServices;
  /** The page events go to (the main window), if there is one now. */
  getEventTarget(): WebContents | undefined;
}

/**
 * Registers every bridge handler. Each one goes through handleIpcCall:
 * sender checked, arguments parsed with the channel's schema, then the
 * service method from ipc-routes.ts. Also forwards service events to the
 * page. Returns a function that removes all of it again.
 */
export function registerIpcHandlers(deps: IpcDependencies): () => void {
  const routes = createIpcRoutes(deps.services);
  for (const channel of Object.values(ipcChannels)) {
    // The route's argument type is exactly what this channel's schema outputs;
    // the map cannot express that per key, so it is widened here, after parsing.
    const run = routes[channel] as (args: readonly unknown[], scope: HubScope) => Promise<unknown>;
    handle(deps, channel, run);
  }
  const stopEvents = forwardBridgeEvents(deps.services, (channel, payload) => {
    const target = deps.getEventTarget();
    // Events carry library contents and hub lists: only a trusted page gets them.
    if (!target || target.isDestroyed()) return;
    if (!isTrustedSender(target.getURL(), deps.getTrustedOrigins())) return;
    const visible = scopeEventPayload(channel, payload, scopeOfSender(target.getURL()));
    if (visible !== undefined) target.send(channel, visible);
  });
  return () => {
    stopEvents();
    for (const channel of Object.values(ipcChannels)) ipcMain.removeHandler(channel);
  };
}

function handle(
  deps: IpcDependencies,
  channel: IpcChannel,
  run: (args: readonly unknown[], scope: HubScope) => Promise<unknown>,
): void {
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) =>
    handleIpcCall({
      senderUrl: event.senderFrame?.url,
      trustedOrigins: deps.getTrustedOrigins(),
      args,
      schema: ipcArgumentSchemas[channel],
      run,
      onError: (error) => appLog().error({ err: error, channel }, 'IPC call failed'),
    }),
  );
}
