import type { ClassHubBridge } from '../src-shared/bridge';

/**
 * The desktop app's bridge, when this page runs in the ClassHub window;
 * undefined in a plain browser. Desktop-only UI (offline library, downloads,
 * host mode) renders only when this returns a bridge.
 */
export function desktopBridge(): ClassHubBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.classhub;
}

export function isDesktop(): boolean {
  return desktopBridge() !== undefined;
}

/** Opens a web link outside the app: the system browser on the desktop, a new tab otherwise. */
export function openExternal(url: string): void {
  const bridge = desktopBridge();
  if (bridge) void bridge.openExternal(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}

/**
 * The desktop window's own copy of the renderer (`classhub-app://local/…`),
 * shown before a hub is chosen or while it cannot be reached: no hub behind
 * it, so only the start screen and the offline library exist there.
 */
export function isLocalShell(): boolean {
  return typeof location !== 'undefined' && location.protocol === 'classhub-app:';
}
