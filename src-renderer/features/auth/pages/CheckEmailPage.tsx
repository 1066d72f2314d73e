import { Button, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useT } from '../../../app/i18n';
import { StatusScreen } from '../../../ui/StatusScreen';
import { ResendVerification } from '../components/ResendVerification';

/** After registering on a hub that verifies by email, or signing in before clicking the link. */
export function CheckEmailPage() {
  const t = useT();
  const email = (useLocation().state as { email?: string } | null)?.email;
  return (
    <StatusScreen
      icon={<IconMailForward size={32} stroke={1.6} />}
      title={t('checkEmail.title')}
      actions={
        <>
          <ResendVerification email={email ?? ''} />
          <Button component={Link} to="/sign-in" variant="default" mt="xs">
            {t('common.backToSignIn')}
          </Button>
        </>
      }
    >
      <Text>{email ? t('checkEmail.textNamed', { email }) : t('checkEmail.text')}</Text>
      <Text size="sm">{t('checkEmail.noEmail')}</Text>
    </StatusScreen>
  );
}
