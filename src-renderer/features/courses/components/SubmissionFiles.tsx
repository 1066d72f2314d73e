import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Submission } from '../../../../src-shared/schemas/submissions';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { fetchFile } from '../../../app/file-transfer';
import { PreviewButton } from '../../../app/FilePreview';
import { submissionFilePath } from '../submissions-store';

/** The files of one submission version, each a download button. */
export function SubmissionFiles({ submission }: { submission: Submission }) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  return (
    <>
      <Group gap="xs">
        {submission.files.map((file) => (
          <Group key={file.id} gap={2} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
              aria-label={t('courses.material.downloadNamed', { title: file.fileName })}
              onClick={() => {
                setError(undefined);
                fetchFile(submissionFilePath(submission, file.id), file.fileName).catch(setError);
              }}
            >
              {file.fileName}
            </Button>
            <PreviewButton
              file={{ ...file, path: submissionFilePath(submission, file.id) }}
              size="sm"
            />
          </Group>
        ))}
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
    </>
  );
}
