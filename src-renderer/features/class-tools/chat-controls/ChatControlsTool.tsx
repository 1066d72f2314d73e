import { Alert, Button, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { IconPin } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChatMessage, Room } from '../../../../src-shared/schemas/chat';
import type { ChatControls } from '../../../../src-shared/schemas/class-tools/chat-controls';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { OpenChatButton, useChatControls } from '../../chat';
import type { ClassToolProps } from '../class-tool';

const SLOW_CHOICES = [0, 10, 30, 60, 120] as const;

/** The class chat's quiet mode, slow mode and pinned message: the teacher sets them, everyone sees them. */
export function ChatControlsTool({ sessionId, role }: ClassToolProps) {
  const t = useT();
  const { state: controls, error, set, reload } = useChatControls(sessionId);
  const [failed, setFailed] = useState<unknown>();
  if (error && !controls) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (!controls) return null;
  const act = async (action: () => Promise<ChatControls>) => {
    setFailed(undefined);
    try {
      const next = await action();
      set(() => next);
    } catch (failure) {
      setFailed(failure);
    }
  };
  const teaching = role === 'teacher';
  const params = { params: { sessionId } };
  const change = (body: { quiet?: boolean; slowModeSeconds?: number; typing?: boolean }) =>
    act(() => api.call('updateChatControls', { ...params, body }));
  return (
    <Stack gap="sm">
      {failed !== undefined && <ErrorNotice error={failed} />}
      <Switch
        label={t('classTools.chat.quiet')}
        description={t('classTools.chat.quietHint')}
        checked={controls.quiet}
        disabled={!teaching}
        onChange={(event) => void change({ quiet: event.currentTarget.checked })}
        data-testid="quiet-switch"
      />
      <Switch
        label={t('classTools.chat.typing')}
        description={t('classTools.chat.typingHint')}
        checked={controls.typing}
        disabled={!teaching}
        onChange={(event) => void change({ typing: event.currentTarget.checked })}
        data-testid="typing-switch"
      />
      <Select
        label={t('classTools.chat.slow')}
        description={t('classTools.chat.slowHint')}
        data={SLOW_CHOICES.map((seconds) => ({
          value: String(seconds),
          label:
            seconds === 0
              ? t('classTools.chat.slowOff')
              : t('classTools.chat.slowEvery', { seconds }),
        }))}
        value={String(controls.slowModeSeconds)}
        allowDeselect={false}
        disabled={!teaching}
        onChange={(value) => value !== null && void change({ slowModeSeconds: Number(value) })}
        maw={260}
      />
      {controls.pinned ? (
        <Alert
          variant="light"
          icon={<IconPin size={16} aria-hidden />}
          title={t('classTools.chat.pinnedTitle')}
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {controls.pinned.text}
          </Text>
          <Text size="xs" c="dimmed">
            {controls.pinned.author.firstName} {controls.pinned.author.lastName}
          </Text>
          {teaching && (
            <Button
              mt={6}
              size="compact-sm"
              variant="default"
              onClick={() => void act(() => api.call('unpinChatMessage', params))}
            >
              {t('classTools.chat.unpin')}
            </Button>
          )}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('classTools.chat.nothingPinned')}
        </Text>
      )}
      {teaching && (
        <RecentMessages
          sessionId={sessionId}
          pin={(seq) => act(() => api.call('pinChatMessage', { ...params, body: { seq } }))}
        />
      )}
      <div>
        <OpenChatButton room={`session:${sessionId}`} />
      </div>
    </Stack>
  );
}

/** The teacher picks a message to pin from the chat's latest few, loaded when asked for. */
function RecentMessages({
  sessionId,
  pin,
}: {
  sessionId: SessionId;
  pin: (seq: number) => Promise<void>;
}) {
  const t = useT();
  const [messages, setMessages] = useState<ChatMessage[]>();
  const [error, setError] = useState<unknown>();
  const load = async () => {
    setError(undefined);
    try {
      const room = `session:${sessionId}` as Room;
      const page = await api.call('chatHistory', { params: { room }, query: { limit: 5 } });
      setMessages(page.items.filter((m) => !m.deleted && m.text));
    } catch (failure) {
      setError(failure);
    }
  };
  if (!messages)
    return (
      <Stack gap={4} align="flex-start">
        <Button size="compact-sm" variant="light" onClick={() => void load()}>
          {t('classTools.chat.pinPick')}
        </Button>
        {error !== undefined && <ErrorNotice error={error} />}
      </Stack>
    );
  if (messages.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('classTools.chat.noMessages')}
      </Text>
    );
  return (
    <Stack
      component="ul"
      gap={4}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('classTools.chat.pinPick')}
    >
      {messages.map((m) => (
        <Group component="li" key={m.seq} wrap="nowrap" justify="space-between" gap="xs">
          <Text size="sm" truncate miw={0}>
            <b>{m.author.firstName}:</b> {m.text}
          </Text>
          <Button
            size="compact-xs"
            variant="default"
            aria-label={t('classTools.chat.pinThis', { name: m.author.firstName })}
            onClick={() => void pin(m.seq).then(() => setMessages(undefined))}
          >
            {t('classTools.chat.pin')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
