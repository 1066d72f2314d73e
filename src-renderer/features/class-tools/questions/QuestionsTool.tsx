import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Question } from '../../../../src-shared/schemas/class-tools/questions';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import type { ClassToolProps } from '../class-tool';
import { QuestionCard } from './QuestionCard';
import { mergeQuestion, useQuestions } from './use-questions';

/** Anonymous questions: students ask and upvote, the teacher moderates, an admin reads (with authors). */
export function QuestionsTool({ sessionId, role }: ClassToolProps) {
  const t = useT();
  const { state: questions, error, set, reload } = useQuestions(sessionId, role);
  const [failed, setFailed] = useState<unknown>();
  if (error && !questions) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (!questions) return null;
  /** Runs one action; its answer (this viewer's view) replaces the question at once. */
  const act = async (action: () => Promise<Question>): Promise<boolean> => {
    setFailed(undefined);
    try {
      const question = await action();
      set((list) => {
        const merged = mergeQuestion(list ?? [], question, role);
        return merged.map((q) => (q.id === question.id ? question : q));
      });
      return true;
    } catch (failure) {
      setFailed(failure);
      return false;
    }
  };
  const open = questions.filter((q) => q.status !== 'dismissed');
  const dismissed = questions.filter((q) => q.status === 'dismissed');
  return (
    <Stack gap="sm">
      {role === 'student' && <AskForm sessionId={sessionId} act={act} />}
      {role === 'observer' && (
        <Text size="sm" c="dimmed">
          {t('classTools.questions.observerHint')}
        </Text>
      )}
      {failed !== undefined && <ErrorNotice error={failed} />}
      {open.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="questions-empty">
          {t('classTools.questions.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {open.map((q) => (
            <QuestionCard key={q.id} question={q} role={role} sessionId={sessionId} act={act} />
          ))}
        </Stack>
      )}
      {dismissed.length > 0 && (
        <details>
          <summary>
            <Text span size="sm" c="dimmed">
              {t('classTools.questions.dismissedCount', { count: dismissed.length })}
            </Text>
          </summary>
          <Stack component="ul" gap="xs" p={0} mt="xs" style={{ listStyle: 'none' }}>
            {dismissed.map((q) => (
              <QuestionCard key={q.id} question={q} role={role} sessionId={sessionId} act={act} />
            ))}
          </Stack>
        </details>
      )}
    </Stack>
  );
}

function AskForm({
  sessionId,
  act,
}: {
  sessionId: SessionId;
  act: (action: () => Promise<Question>) => Promise<boolean>;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const ask = async () => {
    const body = { text: text.trim() };
    if (!body.text) return;
    if (await act(() => api.call('askQuestion', { params: { sessionId }, body }))) setText('');
  };
  return (
    <Stack gap={6}>
      <Textarea
        label={t('classTools.questions.askLabel')}
        description={t('classTools.questions.anonymousHint')}
        autosize
        minRows={2}
        maxRows={5}
        maxLength={500}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <Button
        onClick={() => void ask()}
        disabled={!text.trim()}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('classTools.questions.ask')}
      </Button>
    </Stack>
  );
}
