/**
 * `window.classhub`: what the desktop app adds to the renderer. In a plain
 * browser it is absent and the renderer hides desktop-only features.
 * Later issues extend it (downloads, offline library, outbox, host mode).
 */
export interface ClassHubBridge {
  readonly platform: 'darwin' | 'win32' | 'linux';
  readonly appVersion: string;
  /** Opens an http(s) link in the system browser; anything else is refused. */
  openExternal(url: string): Promise<void>;
}

declare global {
  interface Window {
    classhub?: ClassHubBridge;
  }
}
