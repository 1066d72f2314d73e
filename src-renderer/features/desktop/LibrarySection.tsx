import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { LibraryItem } from '../../../src-shared/bridge';
import { useLanguage, useT, type Translate } from '../../app/i18n';
import { desktopBridge } from '../../desktop';
import { formatSize } from '../../ui/countdown';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { FileKindIcon } from '../../ui/FileKindIcon';
import { bridgeErrorMessage, desktopStore, refreshLibrary } from './desktop-store';
import { Section } from './Section';

interface LibraryGroup {
  key: string;
  title: string;
  items: LibraryItem[];
}

/** Files by course; the student's own submissions together; the rest last. */
export function groupLibrary(items: readonly LibraryItem[], t: Translate): LibraryGroup[] {
  const groups = new Map<string, LibraryGroup>();
  for (const item of items) {
    const key = item.source === 'submission' ? 'submissions' : (item.courseId ?? 'other');
    const title =
      key === 'submissions'
        ? t('desktop.library.submissions')
        : (item.courseTitle ?? t('desktop.library.other'));
    const group = groups.get(key) ?? { key, title, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const rank = (g: LibraryGroup) => (g.key === 'submissions' ? 1 : g.key === 'other' ? 2 : 0);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

/** Downloaded files: open with the system's app, remove, and the disk they take. */
export function LibrarySection() {
  const t = useT();
  const language = useLanguage();
  const items = desktopStore.use((s) => s.library);
  const usage = desktopStore.use((s) => s.usage);
  return (
    <Section
      title={t('desktop.library.files')}
      testId="library-files"
      action={
        usage && (
          <Text size="sm" c="dimmed" data-testid="library-usage">
            {t('desktop.library.usage', {
              size: formatSize(usage.bytes, language),
              count: usage.items,
            })}
          </Text>
        )
      }
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('desktop.library.empty')}
        </Text>
      ) : (
        groupLibrary(items, t).map((group) => (
          <Stack key={group.key} gap="xs">
            <Title order={3} fz="md">
              {group.title}
            </Title>
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {group.items.map((item) => (
                <LibraryRow key={item.id} item={item} />
              ))}
            </Stack>
          </Stack>
        ))
      )}
    </Section>
  );
}

function LibraryRow({ item }: { item: LibraryItem }) {
  const t = useT();
  const language = useLanguage();
  const [error, setError] = useState<string>();
  const bridge = desktopBridge();
  if (!bridge) return null;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group gap="sm" wrap="wrap">
        <FileKindIcon kind={item.kind} />
        <Stack gap={0} style={{ flex: '1 1 160px', minWidth: 0 }}>
          <Text fw={600} truncate>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {formatSize(item.size, language)} · {item.fileName}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconExternalLink size={14} aria-hidden />}
            aria-label={t('desktop.library.openNamed', { title: item.title })}
            onClick={() =>
              void bridge.library
                .open(item.id)
                .catch((failure: unknown) => setError(bridgeErrorMessage(failure)))
            }
          >
            {t('desktop.library.open')}
          </Button>
          <ConfirmButton
            label={t('desktop.library.remove', { title: item.title })}
            question={t('desktop.library.removeConfirm', { title: item.title })}
            icon={<IconTrash size={16} />}
            onConfirm={async () => {
              await bridge.library.remove(item.id);
              await refreshLibrary();
            }}
          />
        </Group>
      </Group>
      {error && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert" mt={4}>
          {error}
        </Text>
      )}
    </Paper>
  );
}
