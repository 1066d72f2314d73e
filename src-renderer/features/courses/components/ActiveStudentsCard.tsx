import { Button, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { BentoCard, CardEmpty } from '../../../ui/BentoCard';
import { ErrorNotice } from '../../../ui/ErrorNotice';

/** Home tile for teachers: how many students are active across their courses, each counted once. */
export function ActiveStudentsCard() {
  const t = useT();
  const [total, setTotal] = useState<number>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api
      .call('myStudents', { query: { status: 'active', pageSize: 1 } })
      .then((page) => setTotal(page.total), setError);
  }, []);
  return (
    <BentoCard
      title={t('home.teacher.students')}
      icon={<IconUsers size={20} />}
      color="teal"
      loading={total === undefined && error === undefined}
    >
      {error !== undefined && <ErrorNotice error={error} />}
      {total === 0 && (
        <CardEmpty title={t('home.teacher.studentsEmpty')}>
          {t('home.teacher.studentsEmptyText')}
        </CardEmpty>
      )}
      {total !== undefined && total > 0 && (
        <Stack gap={4} align="flex-start">
          <Text fz={40} fw={700} lh={1} data-testid="active-students">
            {total}
          </Text>
          <Text size="sm" c="dimmed">
            {t('courses.home.activeStudents', { count: total })}
          </Text>
          <Button component={Link} to="/courses" variant="subtle" size="compact-sm" px={0}>
            {t('courses.home.all')}
          </Button>
        </Stack>
      )}
    </BentoCard>
  );
}
