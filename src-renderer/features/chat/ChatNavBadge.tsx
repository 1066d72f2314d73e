import { Badge, VisuallyHidden } from '@mantine/core';
import { useT } from '../../app/i18n';
import { useChatUnreadTotal } from './unread';

/** The unread total beside "Chat" in the navigation. */
export function ChatNavBadge() {
  const t = useT();
  const total = useChatUnreadTotal();
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
