import { Group, List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconPoint, IconX } from '@tabler/icons-react';
import type { PasswordContext } from '../../../../src-shared/password-policy';
import { useT, type MessageKey, type Translate } from '../../../app/i18n';
import {
  PASSWORD_MIN_LENGTH,
  passwordChecks,
  type CheckState,
  type PasswordCheck,
} from '../password-checks';

const fieldNames: Record<keyof PasswordContext, MessageKey> = {
  username: 'password.field.username',
  email: 'password.field.email',
  firstName: 'password.field.firstName',
  lastName: 'password.field.lastName',
};

const stateLook: Record<CheckState, { color: string; icon: typeof IconCheck; status: MessageKey }> =
  {
    met: { color: 'teal', icon: IconCheck, status: 'password.state.met' },
    unmet: { color: 'red', icon: IconX, status: 'password.state.unmet' },
    untested: { color: 'gray', icon: IconPoint, status: 'password.state.untested' },
    'checked-by-hub': { color: 'gray', icon: IconInfoCircle, status: 'password.state.onSubmit' },
  };

/** Met rules read as plain text, unmet ones in the error colour, the rest dimmed. */
const textColor: Record<CheckState, string> = {
  met: 'var(--mantine-color-text)',
  unmet: 'var(--mantine-color-error)',
  untested: 'dimmed',
  'checked-by-hub': 'dimmed',
};

function ruleText(check: PasswordCheck, t: Translate): string {
  switch (check.rule) {
    case 'length':
      return t('password.rule.length', { min: PASSWORD_MIN_LENGTH });
    case 'numeric':
      return t('password.rule.numeric');
    case 'similar':
      if (check.state === 'checked-by-hub') return t('password.rule.similarOnSubmit');
      return check.similarTo
        ? t('password.rule.similarTo', { field: t(fieldNames[check.similarTo]) })
        : t('password.rule.similar');
    case 'common':
      return t('password.rule.common');
  }
}

/** Live feedback on the password policy as the person types (PasswordField makes it the input's description). */
export function PasswordChecklist({
  password,
  context,
}: {
  password: string;
  context: PasswordContext;
}) {
  const t = useT();
  return (
    <List spacing={4} size="sm" center listStyleType="none" data-testid="password-checklist">
      {passwordChecks(password, context).map((check) => {
        const look = stateLook[check.state];
        const Icon = look.icon;
        return (
          <List.Item
            key={check.rule}
            data-rule={check.rule}
            data-state={check.state}
            icon={
              <ThemeIcon color={look.color} variant="light" size={20} radius="xl" aria-hidden>
                <Icon size={14} stroke={2.2} />
              </ThemeIcon>
            }
          >
            <Group gap={4} wrap="nowrap">
              <Text size="sm" c={textColor[check.state]}>
                {ruleText(check, t)}
              </Text>
              <VisuallyHidden>{t(look.status)}</VisuallyHidden>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
