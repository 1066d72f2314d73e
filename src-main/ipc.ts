import { ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { ipcChannels, type IpcChannel } from './ipc-channels';
import { handleIpcCall, ipcArgumentSchemas } from './ipc-validation';

export interface IpcDependencies {
  /** The origin whose pages may use the bridge; read on every call, so it can change. */
  getAppOrigin(): string;
}

/**
 * Registers every bridge handler. Each one goes through handleIpcCall:
 * sender checked, arguments parsed with the channel's schema, then the work.
 * Returns a function that removes them again.
 */
export function registerIpcHandlers(deps: IpcDependencies): () => void {
  handle(deps, ipcChannels.openExternal, async ([url]) => {
    await shell.openExternal(url);
  });
  return () => {
    for (const channel of Object.values(ipcChannels)) ipcMain.removeHandler(channel);
  };
}

type ArgsOf<C extends IpcChannel> = z.output<(typeof ipcArgumentSchemas)[C]>;

function handle<C extends IpcChannel, Data>(
  deps: IpcDependencies,
  channel: C,
  run: (args: ArgsOf<C>) => Data | Promise<Data>,
): void {
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) =>
    handleIpcCall({
      senderUrl: event.senderFrame?.url,
      appOrigin: deps.getAppOrigin(),
      args,
      schema: ipcArgumentSchemas[channel],
      run,
      onError: (error) => console.error(`[classhub] IPC ${channel} failed:`, error),
    }),
  );
}
