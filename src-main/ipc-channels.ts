/**
 * Every IPC channel between the preload bridge and the main process, named
 * once. Names read `domain:verb`, like the socket events of the hub.
 * Channels are invoke/handle only: the renderer asks, main answers.
 */
export const ipcChannels = {
  /** Open an http(s) link in the system browser. Args: [url]. */
  openExternal: 'shell:open-external',
} as const;

export type IpcChannel = (typeof ipcChannels)[keyof typeof ipcChannels];
