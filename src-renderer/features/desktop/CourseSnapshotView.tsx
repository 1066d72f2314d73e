import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useLanguage, useT } from '../../app/i18n';
import { desktopBridge } from '../../desktop';
import { formatDueAt, formatSize } from '../../ui/countdown';
import { CountdownBadge, DueAt } from '../../ui/Countdown';
import { FileKindIcon } from '../../ui/FileKindIcon';
import type { CourseSnapshot } from './course-snapshot';
import { desktopStore } from './desktop-store';

/** One saved course page: overview, materials (open if saved here), deadlines with countdowns, recent chat. */
export function CourseSnapshotView({ snapshot }: { snapshot: CourseSnapshot }) {
  const t = useT();
  const language = useLanguage();
  const library = desktopStore.use((s) => s.library);
  const bridge = desktopBridge();
  const { course, materials, deadlines, chat } = snapshot;
  const upcoming = [...deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt));

  return (
    <Stack gap="lg" data-testid={`snapshot-${course.id}`}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {course.description || t('courses.noDescription')}
      </Text>

      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('courses.tab.materials')}
        </Title>
        {materials.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('courses.material.empty')}
          </Text>
        )}
        {materials.map((material) => {
          const item = library.find(
            (i) => i.hubUrl === snapshot.hubUrl && i.sha256 === material.file.sha256,
          );
          return (
            <Paper key={material.id} withBorder p="xs" radius="md">
              <Group gap="sm" wrap="wrap">
                <FileKindIcon kind={material.file.kind} />
                <Stack gap={0} style={{ flex: '1 1 160px', minWidth: 0 }}>
                  <Text fw={600} truncate>
                    {material.title}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {formatSize(material.file.size, language)} · {material.file.fileName}
                  </Text>
                </Stack>
                {item && bridge ? (
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconExternalLink size={14} aria-hidden />}
                    aria-label={t('desktop.library.openNamed', { title: material.title })}
                    onClick={() => void bridge.library.open(item.id)}
                  >
                    {t('desktop.library.open')}
                  </Button>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('desktop.snapshots.notSaved')}
                  </Text>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>

      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('courses.tab.deadlines')}
        </Title>
        {upcoming.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('desktop.snapshots.noDeadlines')}
          </Text>
        )}
        {upcoming.map((deadline) => (
          <Paper key={deadline.id} withBorder p="xs" radius="md">
            <Group justify="space-between" gap="xs">
              <Stack gap={0}>
                <Text fw={600}>{deadline.title}</Text>
                <DueAt dueAt={deadline.dueAt} />
              </Stack>
              <CountdownBadge dueAt={deadline.dueAt} />
            </Group>
          </Paper>
        ))}
      </Stack>

      {chat && chat.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('desktop.snapshots.chat')}
          </Title>
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {chat
              .filter((message) => !message.deleted)
              .map((message) => (
                <Text component="li" size="sm" key={message.seq}>
                  <Text span fw={600}>
                    {message.author.firstName}:
                  </Text>{' '}
                  {message.text}{' '}
                  <Text span size="xs" c="dimmed">
                    {formatDueAt(message.createdAt, language)}
                  </Text>
                </Text>
              ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
