import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type {
  Poll,
  PollKind,
  PollQuestionType,
} from '../../../../src-shared/schemas/class-tools/polls';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';

interface Draft {
  type: PollQuestionType;
  prompt: string;
  /** One option per line, as a teacher types them. */
  options: string;
  right: string[];
  accepted: string;
}

const newQuestion = (): Draft => ({
  type: 'single',
  prompt: '',
  options: '',
  right: [],
  accepted: '',
});
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The teacher writes a poll or a quiz; it is saved as a draft, opened from its card. */
export function PollComposer({
  sessionId,
  opened,
  onClose,
  onCreated,
}: {
  sessionId: SessionId;
  opened: boolean;
  onClose: () => void;
  onCreated: (poll: Poll) => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<PollKind>('poll');
  const [title, setTitle] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [questions, setQuestions] = useState<Draft[]>([newQuestion()]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const change = (i: number, patch: Partial<Draft>) =>
    setQuestions((all) => all.map((q, j) => (j === i ? { ...q, ...patch } : q)));

  const save = async () => {
    setBusy(true);
    try {
      const poll = await api.call('createPoll', {
        params: { sessionId },
        body: {
          kind,
          title,
          anonymous: kind === 'poll' && anonymous,
          questions: questions.map((q) => ({
            type: q.type,
            prompt: q.prompt,
            options: q.type === 'short' ? [] : lines(q.options),
            ...(kind === 'quiz' && q.type !== 'short'
              ? { correctOptions: q.right.map(Number) }
              : {}),
            ...(kind === 'quiz' && q.type === 'short'
              ? {
                  acceptedAnswers: q.accepted
                    .split(',')
                    .map((a) => a.trim())
                    .filter(Boolean),
                }
              : {}),
          })),
        },
      });
      onCreated(poll);
      setTitle('');
      setQuestions([newQuestion()]);
      setError(undefined);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('classTools.polls.new')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as PollKind)}
          data={[
            { value: 'poll', label: t('classTools.polls.kind.poll') },
            { value: 'quiz', label: t('classTools.polls.kind.quiz') },
          ]}
        />
        <TextInput
          label={t('classTools.polls.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        {kind === 'poll' && (
          <Checkbox
            label={t('classTools.polls.anonymous')}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
        )}
        {questions.map((q, i) => (
          <Card key={i} withBorder p="sm">
            <Stack gap="xs">
              <Group align="flex-end" wrap="nowrap">
                <Select
                  label={t('classTools.polls.questionType')}
                  value={q.type}
                  allowDeselect={false}
                  onChange={(v) => v && change(i, { type: v as PollQuestionType, right: [] })}
                  data={[
                    { value: 'single', label: t('classTools.polls.type.single') },
                    { value: 'multiple', label: t('classTools.polls.type.multiple') },
                    { value: 'short', label: t('classTools.polls.type.short') },
                  ]}
                />
                {questions.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('classTools.polls.removeQuestion', { n: i + 1 })}
                    onClick={() => setQuestions((all) => all.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
              <TextInput
                label={t('classTools.polls.prompt', { n: i + 1 })}
                value={q.prompt}
                onChange={(e) => change(i, { prompt: e.currentTarget.value })}
              />
              {q.type !== 'short' && (
                <Textarea
                  label={t('classTools.polls.options')}
                  description={t('classTools.polls.optionsHint')}
                  autosize
                  minRows={2}
                  value={q.options}
                  onChange={(e) => change(i, { options: e.currentTarget.value })}
                />
              )}
              {kind === 'quiz' && q.type !== 'short' && lines(q.options).length > 0 && (
                <Checkbox.Group
                  label={t('classTools.polls.markRight')}
                  value={q.right}
                  onChange={(v) => change(i, { right: q.type === 'single' ? v.slice(-1) : v })}
                >
                  <Group gap="sm" mt={4}>
                    {lines(q.options).map((option, o) => (
                      <Checkbox key={o} value={String(o)} label={option} />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
              {kind === 'quiz' && q.type === 'short' && (
                <TextInput
                  label={t('classTools.polls.acceptedAnswers')}
                  description={t('classTools.polls.acceptedHint')}
                  value={q.accepted}
                  onChange={(e) => change(i, { accepted: e.currentTarget.value })}
                />
              )}
            </Stack>
          </Card>
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => setQuestions((all) => [...all, newQuestion()])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('classTools.polls.addQuestion')}
        </Button>
        {error !== undefined && <ErrorNotice error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('classTools.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('classTools.polls.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
