import { useEffect } from 'react';
import { ensureRooms } from './chat-actions';
import { chatStore } from './chat-store';
import { totalUnread } from './room-list';

/** Unread messages over all rooms; loads the room list once if nothing has yet. */
export function useChatUnreadTotal(): number {
  const total = chatStore.use((s) => totalUnread(s.rooms));
  useEffect(ensureRooms, []);
  return total;
}
