import { Button, Group, Popover, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useT } from '../app/i18n';
import { ErrorNotice } from './ErrorNotice';
import { useConfirmedAction } from './useConfirmedAction';

/**
 * Asks before a small destructive action, in a popover beside the control
 * that triggers it (`children` gets the toggle); the hub's refusal shows
 * right there, next to the question.
 */
export function ConfirmPopover({
  question,
  confirmLabel,
  onConfirm,
  color = 'red',
  children,
}: {
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  color?: ButtonProps['color'];
  children: (toggle: () => void) => ReactElement;
}) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const { busy, error, clearError, confirm } = useConfirmedAction(onConfirm, () =>
    setOpened(false),
  );
  const toggle = () => {
    clearError();
    setOpened((o) => !o);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>{children(toggle)}</Popover.Target>
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
