import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconActivity,
  IconCalendarEvent,
  IconFileText,
  IconMessageCircle,
} from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { ActivityItem } from '../../../src-shared/schemas/dashboard';
import { api } from '../../app/hub-client';
import { useT } from '../../app/i18n';
import { useLive } from '../../app/use-live';
import { BentoCard, CardEmpty } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';

const SHOWN = 6;

/** The last week in the student's courses: classmates' status updates, new materials and deadlines. */
export function ActivityCard() {
  const t = useT();
  const [items, setItems] = useState<ActivityItem[]>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    setError(undefined);
    api
      .call('activity', { query: { page: 1, pageSize: SHOWN } })
      .then((page) => setItems(page.items), setError);
  }, []);
  useEffect(load, [load]);
  useLive(['course:*', 'people'], load);

  const line = (item: ActivityItem) => {
    if (item.type === 'material')
      return {
        icon: <IconFileText size={16} />,
        text: t('home.student.activityMaterial', { code: item.courseCode, title: item.title }),
      };
    if (item.type === 'deadline')
      return {
        icon: <IconCalendarEvent size={16} />,
        text: t('home.student.activityDeadline', { code: item.courseCode, title: item.title }),
      };
    return {
      icon: <IconMessageCircle size={16} />,
      text: t('home.student.activityStatus', { name: item.author.firstName, text: item.text }),
    };
  };

  return (
    <BentoCard
      title={t('home.student.activity')}
      icon={<IconActivity size={20} />}
      color="teal"
      loading={!items && error === undefined}
    >
      {error !== undefined ? (
        <ErrorNotice error={error} onRetry={load} />
      ) : items && items.length === 0 ? (
        <CardEmpty title={t('home.student.activityEmpty')}>
          {t('home.student.activityEmptyText')}
        </CardEmpty>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items?.map((item, i) => {
            const { icon, text } = line(item);
            return (
              <Group
                key={`${item.type}-${item.at}-${i}`}
                component="li"
                gap="sm"
                wrap="nowrap"
                align="flex-start"
              >
                <ThemeIcon variant="light" color="teal" size={28} radius="xl" aria-hidden>
                  {icon}
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" lineClamp={2}>
                    {text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {new Date(item.at).toLocaleString(undefined, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })}
                  </Text>
                </div>
              </Group>
            );
          })}
        </Stack>
      )}
    </BentoCard>
  );
}
