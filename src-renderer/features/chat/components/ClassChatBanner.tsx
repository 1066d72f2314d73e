import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconClockPause, IconPin, IconVolumeOff } from '@tabler/icons-react';
import type { Room } from '../../../../src-shared/schemas/chat';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { useT } from '../../../app/i18n';
import { useAccount } from '../../auth';
import { useChatControls } from '../chat-controls';

/**
 * Above a class chat: the pinned message, and quiet or slow mode while on,
 * so a student knows before writing. Nothing for other rooms or when all is off.
 */
export function ClassChatBanner({ room }: { room: Room }) {
  const sessionId = room.startsWith('session:')
    ? (room.slice('session:'.length) as SessionId)
    : undefined;
  if (!sessionId) return null;
  return <Banner sessionId={sessionId} />;
}

function Banner({ sessionId }: { sessionId: SessionId }) {
  const t = useT();
  const account = useAccount();
  const { state: controls } = useChatControls(sessionId);
  if (!controls) return null;
  const teaching = account?.id === controls.teacherId;
  if (!controls.quiet && controls.slowModeSeconds === 0 && !controls.pinned) return null;
  return (
    <Stack gap={4} px="md" pt="xs" data-testid="class-chat-banner">
      {controls.pinned && (
        <Alert variant="light" color="blue" p="xs" icon={<IconPin size={16} aria-hidden />}>
          <Text size="xs" fw={600}>
            {t('classTools.chat.pinnedBy', {
              name: `${controls.pinned.author.firstName} ${controls.pinned.author.lastName}`,
            })}
          </Text>
          <Text size="sm" lineClamp={3} data-testid="pinned-message">
            {controls.pinned.text}
          </Text>
        </Alert>
      )}
      <Group gap="md">
        {controls.quiet && (
          <Text size="xs" c="dimmed" role="status" data-testid="quiet-mode-notice">
            <IconVolumeOff size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
            {t(teaching ? 'classTools.chat.quietTeacher' : 'classTools.chat.quietStudent')}
          </Text>
        )}
        {controls.slowModeSeconds > 0 && (
          <Text size="xs" c="dimmed" role="status" data-testid="slow-mode-notice">
            <IconClockPause size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
            {t(teaching ? 'classTools.chat.slowTeacher' : 'classTools.chat.slowStudent', {
              seconds: controls.slowModeSeconds,
            })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
