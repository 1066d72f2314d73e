import { Button, Text } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useT } from '../../../app/i18n';
import { StatusScreen } from '../../../ui/StatusScreen';

/** After registering on a hub that approves accounts, or signing in before approval. */
export function WaitingForApprovalPage() {
  const t = useT();
  const username = (useLocation().state as { username?: string } | null)?.username;
  return (
    <StatusScreen
      icon={<IconHourglass size={32} stroke={1.6} />}
      title={t('waiting.title')}
      actions={
        <Button component={Link} to="/sign-in" variant="default">
          {t('common.backToSignIn')}
        </Button>
      }
    >
      <Text>{username ? t('waiting.textNamed', { username }) : t('waiting.text')}</Text>
      <Text>{t('waiting.next')}</Text>
    </StatusScreen>
  );
}
