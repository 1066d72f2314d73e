import { Button, Card, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { Session } from '../../../../src-shared/schemas/sessions';
import { useLanguage, useT } from '../../../app/i18n';
import { regenerateToken } from '../session-actions';
import { ConfirmDialog } from './ConfirmDialog';
import { formatWhen } from './datetime';

/** The host's join token, big enough to read off a projector, to copy or replace. */
export function JoinTokenCard({ session }: { session: Session }) {
  const t = useT();
  const language = useLanguage();
  const [confirming, setConfirming] = useState(false);
  if (!session.joinToken) return null;
  const expiresAt = session.joinTokenExpiresAt;
  const expired = expiresAt !== undefined && new Date(expiresAt).getTime() < Date.now();
  return (
    <Card shadow="xs" withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('sessions.token.title')}</Text>
        <Text
          ff="monospace"
          fz={{ base: 32, sm: 36 }}
          fw={700}
          lts={1}
          style={{ whiteSpace: 'nowrap' }}
          data-testid="join-token"
          td={expired ? 'line-through' : undefined}
        >
          {session.joinToken}
        </Text>
        <Group gap="xs">
          <CopyButton value={session.joinToken}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                size="compact-sm"
                onClick={copy}
                color={copied ? 'teal' : undefined}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
              >
                {copied ? t('common.copied') : t('sessions.token.copyShort')}
              </Button>
            )}
          </CopyButton>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setConfirming(true)}
            leftSection={<IconRefresh size={16} aria-hidden />}
          >
            {t('sessions.token.regenerateAction')}
          </Button>
        </Group>
        {expiresAt && (
          <Text size="sm" c={expired ? 'red' : 'dimmed'}>
            {t(expired ? 'sessions.token.expired' : 'sessions.token.expires', {
              when: formatWhen(expiresAt, language),
            })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('sessions.token.hint')}
        </Text>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('sessions.token.regenerate')}
        confirmLabel={t('sessions.token.regenerateAction')}
        color="blue"
        onConfirm={regenerateToken}
      >
        {t('sessions.token.regenerateConfirm')}
      </ConfirmDialog>
    </Card>
  );
}
