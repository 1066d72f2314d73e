import { Button, Checkbox, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Poll, PollResponse } from '../../../../src-shared/schemas/class-tools/polls';
import {
  MAX_SHORT_ANSWER,
  responseProblem,
} from '../../../../src-shared/schemas/class-tools/polls';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';

const blank = (poll: Poll): PollResponse[] =>
  poll.myResponses ?? poll.questions.map((q) => (q.type === 'short' ? '' : []));

/** A student's answer to an open poll; sending again while it is open replaces it. */
export function PollAnswerForm({ poll, onSaved }: { poll: Poll; onSaved: (poll: Poll) => void }) {
  const t = useT();
  const [responses, setResponses] = useState<PollResponse[]>(() => blank(poll));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (q: number, value: PollResponse) =>
    setResponses((all) => all.map((r, i) => (i === q ? value : r)));
  const problem = responseProblem(poll.questions, responses);
  const send = async () => {
    setBusy(true);
    try {
      onSaved(await api.call('answerPoll', { params: { pollId: poll.id }, body: { responses } }));
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      {poll.questions.map((question, q) => {
        const label = `${q + 1}. ${question.prompt}`;
        const value = responses[q];
        if (question.type === 'short')
          return (
            <TextInput
              key={q}
              label={label}
              maxLength={MAX_SHORT_ANSWER}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => set(q, e.currentTarget.value)}
            />
          );
        const chosen = Array.isArray(value) ? value.map(String) : [];
        if (question.type === 'single')
          return (
            <Radio.Group
              key={q}
              label={label}
              value={chosen[0] ?? null}
              onChange={(v) => set(q, [Number(v)])}
            >
              <Stack gap={6} mt={4}>
                {question.options.map((option, o) => (
                  <Radio key={o} value={String(o)} label={option} />
                ))}
              </Stack>
            </Radio.Group>
          );
        return (
          <Checkbox.Group
            key={q}
            label={label}
            description={t('classTools.polls.chooseAll')}
            value={chosen}
            onChange={(v) =>
              set(
                q,
                v.map(Number).sort((a, b) => a - b),
              )
            }
          >
            <Stack gap={6} mt={4}>
              {question.options.map((option, o) => (
                <Checkbox key={o} value={String(o)} label={option} />
              ))}
            </Stack>
          </Checkbox.Group>
        );
      })}
      {poll.myResponses && (
        <Text size="sm" data-testid="poll-answer-saved">
          {t('classTools.polls.saved')}
        </Text>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
      <Button
        onClick={() => void send()}
        loading={busy}
        disabled={problem !== undefined}
        style={{ alignSelf: 'flex-start' }}
      >
        {poll.myResponses ? t('classTools.polls.change') : t('classTools.polls.send')}
      </Button>
    </Stack>
  );
}
