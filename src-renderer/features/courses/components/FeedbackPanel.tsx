import {
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  Rating,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Course } from '../../../../src-shared/schemas/courses';
import type { RouteResponse } from '../../../../src-shared/api';
import { api } from '../../../app/hub-client';
import { useLive } from '../../../app/use-live';
import { useLanguage, useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';

type Summary = RouteResponse<'courseFeedback'>;

/** Average rating and distribution for all; enrolled students rate 1–5 with an anonymous option. */
export function FeedbackPanel({ course }: { course: Course }) {
  const t = useT();
  const language = useLanguage();
  const [summary, setSummary] = useState<Summary>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(
    () =>
      api.call('courseFeedback', { params: { courseId: course.id } }).then(setSummary, setError),
    [course.id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useLive([`course:${course.id}`], load, ['feedback']);

  const canRate =
    course.myEnrolment?.status === 'active' || course.myEnrolment?.status === 'completed';
  const mine = summary?.items.find((item) => item.mine);
  return (
    <Stack>
      {error !== undefined && <ErrorNotice error={error} />}
      {summary && (
        <Card shadow="xs">
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Stack gap={4} align="center">
              <Text fz={40} fw={700} lh={1}>
                {summary.average === null
                  ? '–'
                  : new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(
                      summary.average,
                    )}
              </Text>
              <Rating
                value={summary.average ?? 0}
                fractions={10}
                readOnly
                role="img"
                aria-label={t('courses.feedback.average')}
              />
              <Text size="sm" c="dimmed">
                {t('courses.feedback.count', { count: summary.count })}
              </Text>
            </Stack>
            <Stack
              gap={4}
              style={{ flex: '1 1 220px' }}
              aria-label={t('courses.feedback.distribution')}
              role="list"
            >
              {[5, 4, 3, 2, 1].map((stars) => {
                const n = summary.distribution[stars - 1] ?? 0;
                return (
                  <Group key={stars} gap="xs" wrap="nowrap" role="listitem">
                    <Text size="sm" w={60}>
                      {t('courses.feedback.stars', { count: stars })}
                    </Text>
                    <Progress
                      value={summary.count ? (n / summary.count) * 100 : 0}
                      color="yellow"
                      style={{ flex: 1 }}
                      aria-label={t('courses.feedback.stars', { count: stars })}
                    />
                    <Text size="sm" w={24} ta="right">
                      {n}
                    </Text>
                  </Group>
                );
              })}
            </Stack>
          </Group>
        </Card>
      )}
      {canRate && summary && (
        <FeedbackForm
          key={mine?.updatedAt ?? 'new'}
          course={course}
          mine={mine}
          onSaved={() => void load()}
        />
      )}
      {summary?.items
        .filter((item) => item.comment)
        .map((item, i) => (
          <Card key={i} shadow="xs" padding="sm">
            <Group gap="xs">
              <Rating
                value={item.rating}
                readOnly
                role="img"
                size="sm"
                aria-label={t('courses.feedback.stars', { count: item.rating })}
              />
              <Text size="sm" c="dimmed">
                {item.author
                  ? `${item.author.firstName} ${item.author.lastName}`
                  : t('courses.feedback.anonymous')}
              </Text>
            </Group>
            <Text size="sm" mt={4}>
              {item.comment}
            </Text>
          </Card>
        ))}
    </Stack>
  );
}

function FeedbackForm({
  course,
  mine,
  onSaved,
}: {
  course: Course;
  mine: Summary['items'][number] | undefined;
  onSaved: () => void;
}) {
  const t = useT();
  const [rating, setRating] = useState(mine?.rating ?? 0);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [anonymous, setAnonymous] = useState(mine?.anonymous ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      await api.call('giveFeedback', {
        params: { courseId: course.id },
        body: { rating, comment, anonymous },
      });
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card shadow="xs" component="section" aria-label={t('courses.feedback.yours')}>
      <Stack gap="xs">
        <Text fw={600}>{mine ? t('courses.feedback.edit') : t('courses.feedback.yours')}</Text>
        <Rating
          value={rating}
          onChange={setRating}
          size="lg"
          aria-label={t('courses.feedback.rating')}
        />
        <Textarea
          label={t('courses.feedback.comment')}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Checkbox
          label={t('courses.feedback.anonymousOption')}
          checked={anonymous}
          onChange={(e) => setAnonymous(e.currentTarget.checked)}
        />
        {error !== undefined && <ErrorNotice error={error} />}
        <Group>
          <Button onClick={() => void save()} loading={busy} disabled={rating === 0}>
            {t('courses.feedback.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
