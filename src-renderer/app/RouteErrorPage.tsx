import { Button, Code, Container, Text } from '@mantine/core';
import { IconMoodSad } from '@tabler/icons-react';
import { useRouteError } from 'react-router';
import { StatusScreen } from '../ui/StatusScreen';
import { useT } from './i18n';

/** A page that crashed: say so kindly, offer a reload, keep the detail for whoever reports it. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Container size="sm" py="xl">
      <StatusScreen
        icon={<IconMoodSad size={32} stroke={1.6} />}
        color="red"
        title={t('crash.title')}
        actions={<Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>}
      >
        <Text>{t('crash.text')}</Text>
        <Code block fz="xs" ta="left">
          {detail}
        </Code>
      </StatusScreen>
    </Container>
  );
}
