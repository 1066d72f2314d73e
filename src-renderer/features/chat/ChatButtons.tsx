import { Button, Stack, Text } from '@mantine/core';
import { IconMessage, IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { UserId } from '../../../src-shared/ids';
import { useT } from '../../app/i18n';
import { errorText } from '../../app/i18n/error-text';
import { openDirect } from './chat-actions';
import { chatPath } from './room-names';

/** "Open chat" on a course or session page (shown only to people who may read the room). */
export function OpenChatButton({ room }: { room: string }) {
  const t = useT();
  return (
    <Button
      component={Link}
      to={chatPath(room)}
      size="xs"
      variant="default"
      leftSection={<IconMessages size={14} aria-hidden />}
    >
      {t('chat.openChat')}
    </Button>
  );
}

/** "Message" on someone's profile: opens (or finds) your conversation with them. */
export function MessageButton({ userId }: { userId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      void navigate(chatPath(await openDirect(userId as UserId)));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} mb="md" align="flex-start">
      <Button
        leftSection={<IconMessage size={16} aria-hidden />}
        loading={busy}
        onClick={() => void start()}
      >
        {t('chat.message')}
      </Button>
      {error !== undefined && (
        <Text size="sm" c="red" role="alert">
          {errorText(error, t)}
        </Text>
      )}
    </Stack>
  );
}
