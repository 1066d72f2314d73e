import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Poll, PollResponder } from '../../../../src-shared/schemas/class-tools/polls';
import { fetchFile } from '../../../app/file-transfer';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { tones } from '../../../ui/tones';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import type { ClassToolRole } from '../class-tool';
import { PollAnswerForm } from './PollAnswerForm';
import { PollResultsView } from './PollResultsView';

const STATE_TONES = {
  draft: tones.muted,
  open: tones.good,
  closed: tones.warn,
  revealed: tones.info,
} as const;

/** One poll: the teacher runs it and reads the results; a student answers, then sees what is revealed. */
export function PollCard({
  poll,
  role,
  inCourse,
  onChange,
}: {
  poll: Poll;
  role: ClassToolRole;
  inCourse: boolean;
  onChange: (poll: Poll) => void;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const [who, setWho] = useState<PollResponder[]>();
  const run = (work: () => Promise<Poll>) =>
    work().then(
      (p) => {
        onChange(p);
        setError(undefined);
      },
      (e: unknown) => setError(e),
    );
  const step = (name: 'openPoll' | 'closePoll' | 'revealPoll') =>
    void run(() => api.call(name, { params: { pollId: poll.id } }));
  const teacher = role === 'teacher';
  const readsAll = role !== 'student';
  return (
    <Card withBorder p="sm" data-testid="poll-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>{poll.title}</Text>
          <Group gap={4}>
            <Badge {...tones.accent}>{t(`classTools.polls.kind.${poll.kind}`)}</Badge>
            {poll.anonymous && (
              <Badge {...tones.muted}>{t('classTools.polls.anonymousBadge')}</Badge>
            )}
            <Badge {...STATE_TONES[poll.state]} data-testid="poll-state">
              {t(`classTools.polls.state.${poll.state}`)}
            </Badge>
          </Group>
        </Group>
        {teacher && (
          <Group gap="xs">
            {poll.state === 'draft' && (
              <Button size="xs" onClick={() => step('openPoll')}>
                {t('classTools.polls.open')}
              </Button>
            )}
            {poll.state === 'open' && (
              <Button size="xs" variant="light" onClick={() => step('closePoll')}>
                {t('classTools.polls.close')}
              </Button>
            )}
            {(poll.state === 'open' || poll.state === 'closed') && (
              <Button size="xs" variant="light" onClick={() => step('revealPoll')}>
                {t('classTools.polls.reveal')}
              </Button>
            )}
            {poll.kind === 'quiz' && poll.state === 'revealed' && inCourse && !poll.deadlineId && (
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  void run(() =>
                    api.call('pollToGradebook', { params: { pollId: poll.id }, body: {} }),
                  )
                }
              >
                {t('classTools.polls.toGradebook')}
              </Button>
            )}
            {poll.deadlineId && <Badge {...tones.good}>{t('classTools.polls.inGradebook')}</Badge>}
          </Group>
        )}
        {role === 'student' && poll.state === 'open' && (
          <PollAnswerForm poll={poll} onSaved={onChange} />
        )}
        {role === 'student' && poll.state === 'closed' && (
          <Text size="sm" c="dimmed">
            {t('classTools.polls.waitReveal')}
          </Text>
        )}
        {role === 'student' && poll.myScore !== null && (
          <Text fw={700} data-testid="poll-score">
            {t('classTools.polls.score', { score: poll.myScore, total: poll.questions.length })}
          </Text>
        )}
        {poll.results && <PollResultsView poll={poll} results={poll.results} />}
        {readsAll && poll.state !== 'draft' && (
          <Group gap="xs">
            {!poll.anonymous && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() =>
                  void api
                    .call('pollResponders', { params: { pollId: poll.id } })
                    .then(setWho, setError)
                }
              >
                {t('classTools.polls.whoAnswered')}
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconDownload size={14} />}
              onClick={() =>
                void fetchFile(
                  api.url('pollCsv', { pollId: poll.id }),
                  `${poll.title}-results.csv`,
                ).catch(setError)
              }
            >
              {t('classTools.csv')}
            </Button>
          </Group>
        )}
        {who && <Responders poll={poll} who={who} />}
        {error !== undefined && <ErrorNotice error={error} />}
      </Stack>
    </Card>
  );
}

function Responders({ poll, who }: { poll: Poll; who: PollResponder[] }) {
  const t = useT();
  const text = (q: number, r: PollResponder['responses'][number]) =>
    typeof r === 'string' ? r : r.map((o) => poll.questions[q]?.options[o] ?? '').join(', ');
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('classTools.student')}</Table.Th>
            {poll.questions.map((_, q) => (
              <Table.Th key={q}>{t('classTools.polls.q', { n: q + 1 })}</Table.Th>
            ))}
            {poll.kind === 'quiz' && <Table.Th>{t('classTools.polls.scoreHeader')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {who.map((row) => (
            <Table.Tr key={row.student.id}>
              <Table.Td>
                {row.student.firstName} {row.student.lastName}
              </Table.Td>
              {row.responses.map((r, q) => (
                <Table.Td key={q}>{text(q, r)}</Table.Td>
              ))}
              {poll.kind === 'quiz' && <Table.Td>{row.score}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
