import { ActionIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n';
import { ConfirmPopover } from './ConfirmPopover';

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
  return (
    <ConfirmPopover
      question={question}
      confirmLabel={confirmLabel ?? t('courses.delete')}
      onConfirm={onConfirm}
    >
      {(toggle) => (
        <ActionIcon variant="subtle" color="red" aria-label={label} onClick={toggle}>
          {icon}
        </ActionIcon>
      )}
    </ConfirmPopover>
  );
}
