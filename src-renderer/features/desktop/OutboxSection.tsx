import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { OutboxItem } from '../../../src-shared/bridge';
import { useLanguage, useT, type MessageKey } from '../../app/i18n';
import { desktopBridge } from '../../desktop';
import { formatDueAt } from '../../ui/countdown';
import { tones, type Tone } from '../../ui/tones';
import { bridgeErrorMessage, desktopStore } from './desktop-store';
import { RowList, Section } from './Section';

const stateLook: Record<OutboxItem['state'], { tone: Tone; label: MessageKey }> = {
  waiting: { tone: 'warn', label: 'desktop.outbox.state.waiting' },
  sending: { tone: 'info', label: 'desktop.outbox.state.sending' },
  sent: { tone: 'good', label: 'desktop.outbox.state.sent' },
  refused: { tone: 'bad', label: 'desktop.outbox.state.refused' },
};

/** Actions taken offline: waiting to be sent in order, sent, or refused with the hub's reason. */
export function OutboxSection() {
  const t = useT();
  const items = desktopStore.use((s) => s.outbox);
  return (
    <Section title={t('desktop.outbox.title')} testId="outbox">
      <Text size="sm" c="dimmed">
        {t('desktop.outbox.lead')}
      </Text>
      <RowList items={items} empty={t('desktop.outbox.empty')}>
        {(item) => <OutboxRow key={item.id} item={item} />}
      </RowList>
    </Section>
  );
}

function OutboxRow({ item }: { item: OutboxItem }) {
  const t = useT();
  const language = useLanguage();
  const [error, setError] = useState<string>();
  const bridge = desktopBridge();
  const look = stateLook[item.state];
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="outbox-row">
      <Group gap="sm" wrap="wrap" align="flex-start">
        <Stack gap={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
            {item.summary}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`desktop.outbox.kind.${item.kind}`)} · {formatDueAt(item.createdAt, language)}
          </Text>
          {item.state === 'refused' && (
            <Text size="sm" c="var(--mantine-color-error)">
              {t('desktop.outbox.refusedBecause', {
                reason: item.error?.message ?? t('desktop.outbox.noReason'),
              })}
            </Text>
          )}
          {error && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {error}
            </Text>
          )}
        </Stack>
        <Badge {...tones[look.tone]}>{t(look.label)}</Badge>
        {bridge && (item.state === 'waiting' || item.state === 'refused') && (
          <Tooltip label={t('desktop.outbox.discard')}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('desktop.outbox.discardNamed', { summary: item.summary })}
              onClick={() =>
                void bridge.outbox
                  .discard(item.id)
                  .then(() => bridge.outbox.list())
                  .then((outbox) => desktopStore.set({ outbox }))
                  .catch((failure: unknown) => setError(bridgeErrorMessage(failure)))
              }
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}
