import { ActionIcon, Button, Card, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import {
  IconDownload,
  IconExternalLink,
  IconFiles,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Course, Material } from '../../../../src-shared/schemas/courses';
import { api } from '../../../app/hub-client';
import { useLanguage, useT } from '../../../app/i18n';
import { targetIds } from '../../../app/reveal-target';
import { CardEmpty } from '../../../ui/BentoCard';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { courseStore, deleteMaterial, renameMaterial } from '../course-store';
import { formatSize } from '../../../ui/countdown';
import { fetchFile } from '../../../app/file-transfer';
import { PreviewButton } from '../../../app/FilePreview';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { FileKindIcon } from '../../../ui/FileKindIcon';
import { MaterialUpload } from './MaterialUpload';
import { SaveOfflineButton } from '../../desktop';

/** Materials of the course, newest first; teachers upload, rename and delete. */
export function MaterialsPanel({ course, manages }: { course: Course; manages: boolean }) {
  const t = useT();
  const materials = courseStore.use((s) => s.materials);
  return (
    <Stack>
      {manages && (
        <Card shadow="xs">
          <MaterialUpload courseId={course.id} />
        </Card>
      )}
      {materials.length === 0 ? (
        <Card shadow="xs">
          <CardEmpty
            title={t('courses.material.empty')}
            icon={<IconFiles size={24} stroke={1.5} />}
          >
            {manages ? t('courses.material.emptyTeacher') : t('courses.material.emptyStudent')}
          </CardEmpty>
        </Card>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {materials.map((material) => (
            <MaterialRow key={material.id} material={material} course={course} manages={manages} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function MaterialRow({
  material,
  course,
  manages,
}: {
  material: Material;
  course: Course;
  manages: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(material.title);
  const [error, setError] = useState<unknown>();
  const path = api.url('downloadMaterial', { materialId: material.id });
  const run = (action: () => Promise<void>) => {
    setError(undefined);
    action().catch(setError);
  };

  return (
    <Card shadow="xs" component="li" padding="sm" id={targetIds.material(material.id)}>
      <Group wrap="wrap" gap="sm">
        <FileKindIcon kind={material.file.kind} />
        <Stack gap={2} style={{ flex: '1 1 160px', minWidth: 0 }}>
          {editing ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                run(async () => {
                  await renameMaterial(material.id, title);
                  setEditing(false);
                });
              }}
            >
              <Group gap="xs" wrap="nowrap">
                <TextInput
                  aria-label={t('courses.material.newTitle')}
                  value={title}
                  onChange={(event) => setTitle(event.currentTarget.value)}
                  size="xs"
                  style={{ flex: 1 }}
                  autoFocus
                />
                <Button size="xs" type="submit">
                  {t('courses.save')}
                </Button>
              </Group>
            </form>
          ) : (
            <Text fw={600} truncate>
              {material.title}
            </Text>
          )}
          <Text size="xs" c="dimmed" truncate>
            {t(`courses.kind.${material.file.kind}`)} · {formatSize(material.file.size, language)} ·{' '}
            {material.file.fileName}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap" ml="auto">
          <SaveOfflineButton material={material} course={course} />
          <PreviewButton file={{ ...material.file, path }} />
          <Tooltip label={t('courses.material.open')}>
            <ActionIcon
              variant="subtle"
              aria-label={t('courses.material.openNamed', { title: material.title })}
              onClick={() => run(() => fetchFile(path, material.file.fileName, true))}
            >
              <IconExternalLink size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('courses.material.download')}>
            <ActionIcon
              variant="light"
              aria-label={t('courses.material.downloadNamed', { title: material.title })}
              onClick={() => run(() => fetchFile(path, material.file.fileName))}
            >
              <IconDownload size={18} />
            </ActionIcon>
          </Tooltip>
          {manages && (
            <>
              <ActionIcon
                variant="subtle"
                aria-label={t('courses.material.rename', { title: material.title })}
                onClick={() => setEditing((v) => !v)}
              >
                <IconPencil size={18} />
              </ActionIcon>
              <ConfirmButton
                label={t('courses.material.delete', { title: material.title })}
                question={t('courses.material.deleteConfirm', { title: material.title })}
                icon={<IconTrash size={18} />}
                onConfirm={() => deleteMaterial(material)}
              />
            </>
          )}
        </Group>
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
    </Card>
  );
}
