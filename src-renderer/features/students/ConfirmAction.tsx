import { Button, Group, Popover, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';

/**
 * A small text button that asks before it acts, in a popover beside it; the
 * hub's refusal (if any) shows right there, next to the question.
 */
export function ConfirmAction({
  children,
  label,
  question,
  confirmLabel,
  onConfirm,
  color = 'red',
  icon,
}: {
  children: ReactNode;
  /** Accessible name: says whom and which course, since many rows have the same button. */
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  color?: ButtonProps['color'];
  icon?: ReactNode;
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
        <Button
          size="compact-sm"
          variant="subtle"
          color={color}
          leftSection={icon}
          aria-label={label}
          onClick={() => {
            setError(undefined);
            setOpened((o) => !o);
          }}
        >
          {children}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={300}>
        <Stack gap="xs">
          <Text size="sm">{question}</Text>
          {error !== undefined && <ErrorNotice error={error} />}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" color={color} loading={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
