import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBigUp, IconArrowBigUpFilled } from '@tabler/icons-react';
import { useState } from 'react';
import type { Question } from '../../../../src-shared/schemas/class-tools/questions';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { tones } from '../../../ui/tones';
import type { ClassToolRole } from '../class-tool';

type Act = (action: () => Promise<Question>) => Promise<boolean>;

/** One question: its votes, its state, the answer; the teacher's moderation beneath. */
export function QuestionCard({
  question: q,
  role,
  sessionId,
  act,
}: {
  question: Question;
  role: ClassToolRole;
  sessionId: SessionId;
  act: Act;
}) {
  const t = useT();
  const params = { params: { sessionId, questionId: q.id } };
  const canUpvote = role === 'student' && !q.mine && !q.upvotedByMe;
  return (
    <Card component="li" withBorder p="sm" data-testid="question">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={0} align="center" miw={44}>
          <Button
            variant={q.upvotedByMe ? 'light' : 'subtle'}
            size="compact-sm"
            px={6}
            disabled={!canUpvote}
            aria-label={t('classTools.questions.upvote', { count: q.upvotes })}
            onClick={() => void act(() => api.call('upvoteQuestion', params))}
          >
            {q.upvotedByMe ? (
              <IconArrowBigUpFilled size={18} aria-hidden />
            ) : (
              <IconArrowBigUp size={18} aria-hidden />
            )}
          </Button>
          <Text size="sm" fw={600} data-testid="upvotes">
            {q.upvotes}
          </Text>
        </Stack>
        <Stack gap={4} flex={1} miw={0}>
          <Group gap={6}>
            {q.pinned && <Badge {...tones.info}>{t('classTools.questions.pinned')}</Badge>}
            {q.status === 'answered' && (
              <Badge {...tones.good}>{t('classTools.questions.answered')}</Badge>
            )}
            {q.status === 'dismissed' && (
              <Badge {...tones.muted}>{t('classTools.questions.dismissed')}</Badge>
            )}
            {q.mine && <Badge {...tones.accent}>{t('classTools.questions.mine')}</Badge>}
          </Group>
          <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{q.text}</Text>
          {q.author && (
            <Text size="xs" c="dimmed" data-testid="question-author">
              {t('classTools.questions.askedBy', {
                name: `${q.author.firstName} ${q.author.lastName} (@${q.author.username})`,
              })}
            </Text>
          )}
          {q.answer !== null && (
            <Text size="sm" data-testid="answer" style={{ whiteSpace: 'pre-wrap' }}>
              <b>{t('classTools.questions.answerPrefix')}</b> {q.answer}
            </Text>
          )}
          {role === 'teacher' && <Moderation question={q} act={act} params={params} />}
        </Stack>
      </Group>
    </Card>
  );
}

function Moderation({
  question: q,
  act,
  params,
}: {
  question: Question;
  act: Act;
  params: { params: { sessionId: SessionId; questionId: Question['id'] } };
}) {
  const t = useT();
  const [answering, setAnswering] = useState(false);
  const [answer, setAnswer] = useState(q.answer ?? '');
  const moderate = (body: { answer?: string; pinned?: boolean; dismissed?: boolean }) =>
    act(() => api.call('moderateQuestion', { ...params, body }));
  const save = async () => {
    if (await moderate({ answer: answer.trim() })) setAnswering(false);
  };
  if (answering)
    return (
      <Stack gap={6}>
        <Textarea
          label={t('classTools.questions.answerLabel')}
          autosize
          minRows={2}
          value={answer}
          onChange={(event) => setAnswer(event.currentTarget.value)}
        />
        <Group gap={6}>
          <Button size="compact-sm" onClick={() => void save()} disabled={!answer.trim()}>
            {t('classTools.questions.saveAnswer')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setAnswering(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  return (
    <Group gap={6} mt={2}>
      {q.status !== 'dismissed' && (
        <Button size="compact-sm" variant="light" onClick={() => setAnswering(true)}>
          {t(q.answer === null ? 'classTools.questions.answer' : 'classTools.questions.editAnswer')}
        </Button>
      )}
      {q.status !== 'dismissed' && (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => void moderate({ pinned: !q.pinned })}
        >
          {t(q.pinned ? 'classTools.questions.unpin' : 'classTools.questions.pin')}
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="subtle"
        color={q.status === 'dismissed' ? undefined : 'red'}
        onClick={() => void moderate({ dismissed: q.status !== 'dismissed' })}
      >
        {t(
          q.status === 'dismissed'
            ? 'classTools.questions.restore'
            : 'classTools.questions.dismiss',
        )}
      </Button>
    </Group>
  );
}
