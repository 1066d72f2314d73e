import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n';

/**
 * Mantine's PasswordInput with its show/hide button labelled in the app's
 * language, aria-invalid on errors, and an optional live checklist below the input. The checklist is
 * the input's description, so screen readers announce it with the field.
 */
export function PasswordField({
  checklist,
  ...props
}: PasswordInputProps & { checklist?: ReactNode }) {
  const t = useT();
  return (
    <PasswordInput
      {...props}
      // Mantine 9's PasswordInput drops aria-invalid (TextInput sets it); screen readers need it.
      aria-invalid={props.error ? true : undefined}
      visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
      {...(checklist
        ? {
            description: checklist,
            inputWrapperOrder: ['label', 'input', 'error', 'description'] as const,
            // A list cannot sit in Mantine's default <p> description.
            descriptionProps: { component: 'div', mt: 'xs' },
          }
        : {})}
    />
  );
}
