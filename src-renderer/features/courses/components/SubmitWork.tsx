import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Progress,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconPaperclip, IconStar } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Deadline } from '../../../../src-shared/schemas/deadlines';
import { useLanguage, useT } from '../../../app/i18n';
import { useLive } from '../../../app/use-live';
import { useAccount } from '../../auth';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { formatDueAt } from '../../../ui/countdown';
import { uploadFile } from '../../../app/file-transfer';
import { loadMine, submissionsStore, submitWork } from '../submissions-store';
import { SubmissionFiles } from './SubmissionFiles';
import { PrivateComments } from './PrivateComments';
import { sendSubmissionOrQueue } from '../../desktop';
import { tones } from '../../../ui/tones';

/** Students: hand in files and a comment; earlier versions and the grade below. */
export function SubmitWork({ deadline }: { deadline: Deadline }) {
  const t = useT();
  const language = useLanguage();
  const mine = submissionsStore.use((s) => s.mine[deadline.id]);
  const me = useAccount();
  const [files, setFiles] = useState<File[]>([]);
  const [comment, setComment] = useState('');
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const [queued, setQueued] = useState(false);

  useEffect(() => {
    loadMine(deadline.id).catch(setError);
  }, [deadline.id]);
  // My hand-ins and grades come on my own topic; a changed deadline on the course's.
  const myId = useAccount()?.id;
  useLive([myId && `person:${myId}`, `course:${deadline.courseId}`], () =>
    loadMine(deadline.id).catch(setError),
  );

  async function submit() {
    setError(undefined);
    setQueued(false);
    setProgress(0);
    try {
      // On the desktop while offline, the submission waits in the outbox (a plain browser just sends).
      const outcome = await sendSubmissionOrQueue(
        { deadlineId: deadline.id, comment, files },
        async () => {
          const ids = [];
          for (const [i, file] of files.entries()) {
            const stored = await uploadFile(file, (f) => setProgress((i + f) / files.length));
            ids.push(stored.id);
          }
          await submitWork(deadline.id, ids, comment);
        },
      );
      setQueued(outcome.queued);
      setFiles([]);
      setComment('');
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(undefined);
    }
  }

  const grade = mine?.grade;
  return (
    <Stack gap="sm" pt="sm">
      {grade && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconStar size={20} aria-hidden />}
          title={t('courses.grade.yours', { points: grade.points, max: grade.maxPoints })}
        >
          {grade.feedback || t('courses.grade.noFeedback')}
        </Alert>
      )}
      {me && <PrivateComments deadlineId={deadline.id} studentId={me.id} initiallyOpen />}
      <FileInput
        label={t('courses.submit.files')}
        placeholder={t('courses.submit.pick')}
        multiple
        clearable
        value={files}
        onChange={setFiles}
        leftSection={<IconPaperclip size={16} aria-hidden />}
      />
      <Textarea
        label={t('courses.submit.comment')}
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {progress !== undefined && (
        <Progress
          value={progress * 100}
          animated
          aria-label={t('courses.material.uploadProgress')}
        />
      )}
      {error !== undefined && <ErrorNotice error={error} />}
      {queued && (
        <Alert color="blue" variant="light" role="status">
          {t('desktop.outbox.queuedNotice')}
        </Alert>
      )}
      <Group>
        <Button
          onClick={() => void submit()}
          disabled={files.length === 0}
          loading={progress !== undefined}
        >
          {mine?.versions.length ? t('courses.submit.resubmit') : t('courses.submit.submit')}
        </Button>
      </Group>
      {mine && mine.versions.length > 0 && (
        <Stack gap="xs" component="section" aria-label={t('courses.submit.versions')}>
          <Text fw={600} size="sm">
            {t('courses.submit.versions')}
          </Text>
          {mine.versions.map((version) => (
            <Stack
              key={version.id}
              gap={4}
              p="xs"
              bd="1px solid var(--mantine-color-default-border)"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Group gap="xs">
                <Badge variant="light">
                  {t('courses.submit.version', { version: version.version })}
                </Badge>
                {version.late && <Badge {...tones.bad}>{t('courses.submit.late')}</Badge>}
                <Text size="xs" c="dimmed">
                  {formatDueAt(version.submittedAt, language)}
                </Text>
              </Group>
              {version.comment && <Text size="sm">{version.comment}</Text>}
              <SubmissionFiles submission={version} />
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
