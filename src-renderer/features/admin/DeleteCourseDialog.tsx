import { Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Course, CourseDeletionSummary } from '../../../src-shared/schemas/courses';
import { api } from '../../app/hub-client';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { ActionDialogProps } from './collection';

const PARTS = [
  'enrolments',
  'materials',
  'deadlines',
  'submissions',
  'announcements',
  'sessions',
] as const;

/** Says what deleting the course takes with it (asked of the hub), then deletes on a second, explicit click. */
export function DeleteCourseDialog({ item, onClose }: ActionDialogProps<Course>) {
  const t = useT();
  const [summary, setSummary] = useState<CourseDeletionSummary>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const name = `${item.code} ${item.title}`;

  useEffect(() => {
    let current = true;
    api
      .call('courseDeletionPreview', { params: { courseId: item.id } })
      .then((found) => current && setSummary(found))
      .catch((failure: unknown) => current && setError(failure));
    return () => {
      current = false;
    };
  }, [item.id]);

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await api.call('deleteCourse', { params: { courseId: item.id } });
      onClose(true);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={() => onClose(false)}
      title={t('admin.courses.deleteTitle', { name })}
      centered
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <Stack>
        {error !== undefined && <ErrorNotice error={error} />}
        {!summary && error === undefined && (
          <Loader size="sm" aria-label={t('admin.courses.deleteCounting')} />
        )}
        {summary && (
          <>
            <Text size="sm">{t('admin.courses.deleteText', { name })}</Text>
            <List size="sm" data-testid="course-deletion-summary">
              {PARTS.map((part) => (
                <List.Item key={part}>
                  {t(`admin.courses.delete.${part}`, { count: summary[part] })}
                </List.Item>
              ))}
            </List>
            <Text size="sm" fw={600}>
              {t('admin.courses.deleteWarning')}
            </Text>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={busy} disabled={!summary} onClick={() => void remove()}>
            {t('admin.courses.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
