import { ActionIcon, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';

/** A destructive icon button that asks first, in a small popover beside it. */
export function ConfirmButton({
  label,
  question,
  icon,
  onConfirm,
  confirmLabel,
}: {
  label: string;
  question: string;
  icon: ReactNode;
  onConfirm: () => Promise<void>;
  confirmLabel?: string;
}) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      setOpened(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={label}
          onClick={() => setOpened((o) => !o)}
        >
          {icon}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown maw={280}>
        <Stack gap="xs">
          <Text size="sm">{question}</Text>
          {error !== undefined && <ErrorNotice error={error} />}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" color="red" loading={busy} onClick={() => void confirm()}>
              {confirmLabel ?? t('courses.delete')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
