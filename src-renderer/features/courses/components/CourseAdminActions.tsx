import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Course } from '../../../../src-shared/schemas/courses';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { updateCourse } from '../course-store';
import { EditCourseModal } from './EditCourseModal';

/** The course teacher's buttons on the course page: edit, archive or bring it back. */
export function CourseAdminActions({ course }: { course: Course }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function setArchived(archived: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      await updateCourse(course.id, { archived });
      setArchiving(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconPencil size={14} aria-hidden />}
        onClick={() => setEditing(true)}
      >
        {t('courses.edit.open')}
      </Button>
      {course.archived ? (
        <Button
          size="xs"
          variant="default"
          loading={busy}
          leftSection={<IconArchiveOff size={14} aria-hidden />}
          onClick={() => void setArchived(false)}
        >
          {t('courses.archive.undo')}
        </Button>
      ) : (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArchive size={14} aria-hidden />}
          onClick={() => {
            setError(undefined);
            setArchiving(true);
          }}
        >
          {t('courses.archive.open')}
        </Button>
      )}
      {error !== undefined && !archiving && <ErrorNotice error={error} />}
      <EditCourseModal course={course} opened={editing} onClose={() => setEditing(false)} />
      <Modal
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={t('courses.archive.title', { code: course.code })}
        closeButtonProps={{ 'aria-label': t('dialog.close') }}
      >
        <Stack>
          <Text size="sm">{t('courses.archive.text')}</Text>
          {error !== undefined && <ErrorNotice error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setArchiving(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange.9" loading={busy} onClick={() => void setArchived(true)}>
              {t('courses.archive.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
