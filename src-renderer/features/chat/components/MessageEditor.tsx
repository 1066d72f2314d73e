import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { MESSAGE_MAX } from '../../../../src-shared/schemas/chat';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';

/** Editing a message in place: Enter saves, Shift+Enter is a new line, Escape cancels. */
export function MessageEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const trimmed = text.trim();
  const valid = trimmed.length > 0 && trimmed.length <= MESSAGE_MAX;
  const save = async () => {
    if (!valid || busy) return;
    if (trimmed === initial.trim()) return onCancel();
    setBusy(true);
    setError(undefined);
    try {
      await onSave(trimmed);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  };
  return (
    <Stack gap={6} my={4}>
      <Textarea
        aria-label={t('chat.message.editLabel')}
        autosize
        minRows={1}
        maxRows={10}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        data-autofocus
        autoFocus
        error={trimmed.length > MESSAGE_MAX ? t('chat.tooLong', { max: MESSAGE_MAX }) : undefined}
      />
      {error !== undefined && <ErrorNotice error={error} />}
      <Group gap="xs">
        <Button size="compact-sm" onClick={() => void save()} loading={busy} disabled={!valid}>
          {t('chat.message.save')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={onCancel}>
          {t('chat.cancel')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('chat.message.editHint')}
        </Text>
      </Group>
    </Stack>
  );
}
