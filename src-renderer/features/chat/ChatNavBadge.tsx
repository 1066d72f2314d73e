import { Badge, VisuallyHidden } from '@mantine/core';
import { useEffect } from 'react';
import { useT } from '../../app/i18n';
import { ensureRooms } from './chat-actions';
import { chatStore } from './chat-store';
import { totalUnread } from './room-list';

/** The unread total beside "Chat" in the navigation; loading it wires the live updates too. */
export function ChatNavBadge() {
  const t = useT();
  const total = chatStore.use((s) => totalUnread(s.rooms));
  useEffect(ensureRooms, []);
  if (total === 0) return null;
  return (
    <>
      <Badge size="sm" circle={total < 10} aria-hidden data-testid="chat-unread-total">
        {total > 99 ? '99+' : total}
      </Badge>
      <VisuallyHidden>{t('chat.unread', { count: total })}</VisuallyHidden>
    </>
  );
}
