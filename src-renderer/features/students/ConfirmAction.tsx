import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { ConfirmPopover } from '../../ui/ConfirmPopover';

/** A small text button that asks before it acts, in a popover beside it. */
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
  return (
    <ConfirmPopover
      question={question}
      confirmLabel={confirmLabel}
      onConfirm={onConfirm}
      color={color}
    >
      {(toggle) => (
        <Button
          size="compact-sm"
          variant="subtle"
          color={color}
          leftSection={icon}
          aria-label={label}
          onClick={toggle}
        >
          {children}
        </Button>
      )}
    </ConfirmPopover>
  );
}
