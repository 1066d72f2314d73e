import { ActionIcon, Card, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { Course } from '../../../../src-shared/schemas/courses';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { regenerateJoinCode } from '../course-store';

/** Teachers: the code students join with, to copy or replace. */
export function JoinCodeCard({ course }: { course: Course }) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!course.joinCode) return null;
  async function regenerate() {
    setBusy(true);
    setError(undefined);
    try {
      await regenerateJoinCode(course.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card shadow="xs">
      <Stack gap="xs">
        <Text fw={600}>{t('courses.joinCode.title')}</Text>
        <Group gap="xs" wrap="nowrap">
          <Text ff="monospace" fz={28} fw={700} data-testid="join-code">
            {course.joinCode}
          </Text>
          <CopyButton value={course.joinCode}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('courses.joinCode.copy')}>
                <ActionIcon
                  variant="light"
                  onClick={copy}
                  aria-label={t('courses.joinCode.copy')}
                  color={copied ? 'teal' : undefined}
                >
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
          <Tooltip label={t('courses.joinCode.regenerate')}>
            <ActionIcon
              variant="subtle"
              loading={busy}
              onClick={() => void regenerate()}
              aria-label={t('courses.joinCode.regenerate')}
            >
              <IconRefresh size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Text size="sm" c="dimmed">
          {t('courses.joinCode.hint')}
        </Text>
        {error !== undefined && <ErrorNotice error={error} />}
      </Stack>
    </Card>
  );
}
