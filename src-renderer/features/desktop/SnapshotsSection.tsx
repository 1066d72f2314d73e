import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLanguage, useT } from '../../app/i18n';
import { useNow } from '../../ui/Countdown';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { readCourseIndex, readCourseSnapshot, type CourseSnapshot } from './course-snapshot';
import { CourseSnapshotView } from './CourseSnapshotView';
import { Section } from './Section';
import { timeAgo } from './relative-time';

interface Saved {
  snapshot: CourseSnapshot;
  savedAt: string;
}

/** The last-synced copy of each course page opened on this computer, readable with no hub. */
export function SnapshotsSection() {
  const t = useT();
  const language = useLanguage();
  const now = useNow(60_000);
  const [saved, setSaved] = useState<Saved[]>();
  const [error, setError] = useState<unknown>();

  const load = () => {
    setError(undefined);
    readCourseIndex()
      .then((index) => Promise.all(index.map((entry) => readCourseSnapshot(entry.id))))
      .then((found) => setSaved(found.filter((s): s is Saved => s !== null)))
      .catch(setError);
  };
  useEffect(load, []);

  return (
    <Section title={t('desktop.snapshots.title')} testId="snapshots">
      <Text size="sm" c="dimmed">
        {t('desktop.snapshots.lead')}
      </Text>
      {error !== undefined && <ErrorNotice error={error} onRetry={load} />}
      {saved?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('desktop.snapshots.empty')}
        </Text>
      )}
      {saved && saved.length > 0 && (
        <Accordion variant="separated" multiple defaultValue={[saved[0]!.snapshot.course.id]}>
          {saved.map(({ snapshot, savedAt }) => (
            <Accordion.Item key={snapshot.course.id} value={snapshot.course.id}>
              <Accordion.Control>
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{snapshot.course.title}</Text>
                    <Badge variant="default" size="sm">
                      {snapshot.course.code}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed" data-testid="snapshot-age">
                    {t('desktop.snapshots.savedAt', { ago: timeAgo(savedAt, now, language) })}
                  </Text>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                <CourseSnapshotView snapshot={snapshot} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Section>
  );
}
