import { Button, Text } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useIsSignedIn } from '../features/auth';
import { StatusScreen } from '../ui/StatusScreen';
import { useT } from './i18n';

export function NotFoundPage() {
  const t = useT();
  const signedIn = useIsSignedIn();
  return (
    <StatusScreen
      icon={<IconMapQuestion size={32} stroke={1.6} />}
      title={t('notFound.title')}
      actions={
        <Button component={Link} to={signedIn ? '/home' : '/'}>
          {signedIn ? t('common.goHome') : t('notFound.welcome')}
        </Button>
      }
    >
      <Text>{t('notFound.text')}</Text>
    </StatusScreen>
  );
}
