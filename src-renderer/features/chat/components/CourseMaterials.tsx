import { ActionIcon, Group, Skeleton, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { CourseId, Material } from '../../../../src-shared/schemas/courses';
import { api } from '../../../app/hub-client';
import { useLive } from '../../../app/use-live';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { fetchFile } from '../../../app/file-transfer';
import { PreviewButton } from '../../../app/FilePreview';
import { fileSize } from '../format';

/** The course's materials beside its chat (EduStream's resource sidebar), kept fresh live. */
export function CourseMaterials({ courseId }: { courseId: string }) {
  const t = useT();
  const [materials, setMaterials] = useState<Material[]>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    setError(undefined);
    api
      .call('materials', { params: { courseId: courseId as CourseId }, query: { pageSize: 100 } })
      .then((page) => setMaterials(page.items))
      .catch(setError);
  }, [courseId]);
  useEffect(() => {
    load();
  }, [load]);
  useLive([`course:${courseId}`], load, ['materials']);

  const download = (material: Material) => {
    setError(undefined);
    fetchFile(
      api.url('downloadMaterial', { materialId: material.id }),
      material.file.fileName,
    ).catch(setError);
  };

  if (error !== undefined) return <ErrorNotice error={error} onRetry={load} />;
  if (!materials) return <Skeleton h={80} radius="md" />;
  if (materials.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('chat.side.noMaterials')}
      </Text>
    );
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
      {materials.map((material) => (
        <Group component="li" key={material.id} gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" radius="md" size={32} aria-hidden>
            <IconFileText size={18} />
          </ThemeIcon>
          <Stack gap={0} flex={1} miw={0}>
            <Text size="sm" fw={500} truncate>
              {material.title}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {fileSize(material.file.size)} · {material.file.fileName}
            </Text>
          </Stack>
          <PreviewButton
            file={{
              ...material.file,
              path: api.url('downloadMaterial', { materialId: material.id }),
            }}
            size="sm"
          />
          <Tooltip label={t('chat.file.download', { name: material.title })}>
            <ActionIcon
              variant="subtle"
              aria-label={t('chat.file.download', { name: material.title })}
              onClick={() => download(material)}
            >
              <IconDownload size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
    </Stack>
  );
}
