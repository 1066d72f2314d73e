import { ActionIcon, Badge, Button, Card, Collapse, Group, Stack, Text } from '@mantine/core';
import { IconCalendarDue, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Course } from '../../../../src-shared/schemas/courses';
import type { Deadline } from '../../../../src-shared/schemas/deadlines';
import { useT } from '../../../app/i18n';
import { targetIds, useIsTarget } from '../../../app/reveal-target';
import { CardEmpty } from '../../../ui/BentoCard';
import { courseStore, deleteDeadline } from '../course-store';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { CountdownBadge, DueAt } from '../../../ui/Countdown';
import { DeadlineFormModal } from './DeadlineFormModal';
import { DeadlineMaterials } from './DeadlineMaterials';
import { GradingTable } from './GradingTable';
import { MyWorkStatus } from './MyWorkStatus';
import { SubmitWork } from './SubmitWork';

/** Deadlines, soonest first, each with a live countdown and its submissions. */
export function DeadlinesPanel({ course, manages }: { course: Course; manages: boolean }) {
  const t = useT();
  const deadlines = courseStore.use((s) => s.deadlines);
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      {manages && (
        <Group justify="flex-end">
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('courses.deadline.create')}
          </Button>
          <DeadlineFormModal
            courseId={course.id}
            opened={creating}
            onClose={() => setCreating(false)}
          />
        </Group>
      )}
      {deadlines.length === 0 ? (
        <Card shadow="xs">
          <CardEmpty
            title={t('courses.deadline.empty')}
            icon={<IconCalendarDue size={24} stroke={1.5} />}
          >
            {manages ? t('courses.deadline.emptyTeacher') : t('courses.deadline.emptyStudent')}
          </CardEmpty>
        </Card>
      ) : (
        deadlines.map((deadline) => (
          <DeadlineCard key={deadline.id} deadline={deadline} course={course} manages={manages} />
        ))
      )}
    </Stack>
  );
}

function DeadlineCard({
  deadline,
  course,
  manages,
}: {
  deadline: Deadline;
  course: Course;
  manages: boolean;
}) {
  const t = useT();
  // A link to this deadline (a grade, a reminder) opens the work on it at once.
  const targeted = useIsTarget(targetIds.deadline(deadline.id));
  const [open, setOpen] = useState(targeted);
  useEffect(() => {
    if (targeted) setOpen(true);
  }, [targeted]);
  const [editing, setEditing] = useState(false);
  return (
    <Card
      shadow="xs"
      component="article"
      aria-label={deadline.title}
      id={targetIds.deadline(deadline.id)}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 200px', minWidth: 0 }}>
            <Text fw={700} fz="lg">
              {deadline.title}
            </Text>
            <DueAt dueAt={deadline.dueAt} />
          </Stack>
          <Group gap={4} wrap="nowrap">
            <CountdownBadge dueAt={deadline.dueAt} />
            {manages && (
              <>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('courses.deadline.edit', { title: deadline.title })}
                  onClick={() => setEditing(true)}
                >
                  <IconPencil size={18} />
                </ActionIcon>
                <ConfirmButton
                  label={t('courses.deadline.delete', { title: deadline.title })}
                  question={t('courses.deadline.deleteConfirm', { title: deadline.title })}
                  icon={<IconTrash size={18} />}
                  onConfirm={() => deleteDeadline(deadline)}
                />
              </>
            )}
          </Group>
        </Group>
        {deadline.description && <Text size="sm">{deadline.description}</Text>}
        <DeadlineMaterials deadline={deadline} />
        <Group gap="xs">
          <Badge variant="default">
            {t('courses.deadline.points', { points: deadline.maxPoints })}
          </Badge>
          {!deadline.acceptLate && <Badge variant="default">{t('courses.deadline.noLate')}</Badge>}
          {!manages && <MyWorkStatus deadline={deadline} />}
          <Button
            variant="default"
            size="xs"
            ml="auto"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
          >
            {manages ? t('courses.deadline.submissions') : t('courses.deadline.yourWork')}
          </Button>
        </Group>
        <Collapse expanded={open}>
          {open &&
            (manages ? (
              <GradingTable deadline={deadline} courseId={course.id} />
            ) : (
              <SubmitWork deadline={deadline} />
            ))}
        </Collapse>
      </Stack>
      {manages && (
        <DeadlineFormModal
          courseId={course.id}
          deadline={deadline}
          opened={editing}
          onClose={() => setEditing(false)}
        />
      )}
    </Card>
  );
}
