import { Button, Group, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import type { Deadline } from '../../../../src-shared/schemas/deadlines';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { fetchFile } from '../../../app/file-transfer';
import { PreviewButton } from '../../../app/FilePreview';
import { ErrorNotice } from '../../../ui/ErrorNotice';

/**
 * The materials attached to an assignment, each opened in place (the same
 * file as on the Materials tab) and previewed in the app, as on that tab:
 * a student reading the assignment should not have to leave it to read its
 * sheet.
 */
export function DeadlineMaterials({ deadline }: { deadline: Deadline }) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  if (deadline.materials.length === 0) return null;
  return (
    <>
      <Group gap="xs" component="section" aria-label={t('deadline.materials.label')}>
        <Text size="sm" c="dimmed">
          {t('deadline.materials.label')}
        </Text>
        {deadline.materials.map((material) => {
          const path = api.url('downloadMaterial', { materialId: material.id });
          return (
            <Group key={material.id} gap={2} wrap="nowrap">
              <Button
                size="compact-sm"
                variant="default"
                leftSection={<IconFileText size={14} aria-hidden />}
                aria-label={t('courses.material.openNamed', { title: material.title })}
                onClick={() => {
                  setError(undefined);
                  fetchFile(path, material.file.fileName, true).catch(setError);
                }}
              >
                {material.title}
              </Button>
              <PreviewButton file={{ ...material.file, path }} size="sm" />
            </Group>
          );
        })}
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
    </>
  );
}
