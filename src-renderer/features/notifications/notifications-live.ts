import type { SocketClient } from '../../api/socket-client';
import {
  applyUnreadCount,
  clearNotifications,
  loadNotifications,
  receiveNotification,
} from './notifications-store';

export interface NotificationsLiveDeps {
  readonly socket: Pick<SocketClient, 'on' | 'status'>;
  signedIn(): boolean;
  /** Called with true on sign-in and false on sign-out; returns the unsubscribe. */
  onSignInChange(listener: (signedIn: boolean) => void): () => void;
}

/**
 * Keeps the inbox current for as long as the signed-in frame is shown:
 * live events update it, and every (re)connection reloads the newest page,
 * because anything sent while the socket was down (or before it first
 * joined the user's room) reached no one. Returns the stop function.
 */
export function connectNotifications(deps: NotificationsLiveDeps): () => void {
  const stops = [
    deps.socket.on('notification:new', receiveNotification),
    deps.socket.on('notification:read', (event) => applyUnreadCount(event.unread)),
    deps.socket.status.subscribe((state, previous) => {
      if (
        state.connection === 'connected' &&
        previous.connection !== 'connected' &&
        deps.signedIn()
      )
        void loadNotifications();
    }),
    deps.onSignInChange((signedIn) => {
      if (signedIn) void loadNotifications();
      else clearNotifications();
    }),
  ];
  if (deps.signedIn()) void loadNotifications();
  return () => stops.forEach((stop) => stop());
}
