import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type {
  ExitTicket,
  ExitTicketAnswer,
} from '../../../../src-shared/schemas/class-tools/exit-tickets';
import { MAX_EXIT_ANSWER } from '../../../../src-shared/schemas/class-tools/exit-tickets';
import { api, socket } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { tones } from '../../../ui/tones';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import type { ClassToolProps } from '../class-tool';
import { useSessionTool, useThrottled } from '../use-session-tool';

const upsert = (all: ExitTicket[], ticket: ExitTicket) =>
  all.some((x) => x.id === ticket.id)
    ? all.map((x) =>
        x.id === ticket.id ? { ...ticket, myAnswer: ticket.myAnswer ?? x.myAnswer } : x,
      )
    : [ticket, ...all];

/** The exit ticket: the teacher asks one question at the end of class and reads every answer in one list. */
export function ExitTicketsTool({ sessionId, role }: ClassToolProps) {
  const { data, setData, error } = useSessionTool(
    () => api.call('sessionExitTickets', { params: { sessionId } }),
    [sessionId],
  );
  useEffect(() => {
    const stops = [
      socket.on('exit-ticket:changed', (ticket) => {
        if (ticket.sessionId === sessionId) setData((all = []) => upsert(all, ticket));
      }),
      socket.on('exit-ticket:counts', ({ ticketId, answered }) =>
        setData((all = []) => all.map((x) => (x.id === ticketId ? { ...x, answered } : x))),
      ),
    ];
    return () => stops.forEach((stop) => stop());
  }, [sessionId, setData]);
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (!data) return null;
  const change = (ticket: ExitTicket) => setData((all = []) => upsert(all, ticket));
  const current = data[0];
  return (
    <Stack gap="sm" data-testid="exit-tickets-tool">
      {role === 'teacher' && (!current || current.state === 'closed') && (
        <AskTicket sessionId={sessionId} onAsked={change} />
      )}
      {role === 'student' && !current && <NoTicket />}
      {current && <TicketCard ticket={current} role={role} onChange={change} />}
    </Stack>
  );
}

function NoTicket() {
  const t = useT();
  return <Text c="dimmed">{t('classTools.exit.none')}</Text>;
}

function AskTicket({
  sessionId,
  onAsked,
}: {
  sessionId: string;
  onAsked: (t: ExitTicket) => void;
}) {
  const t = useT();
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<unknown>();
  const ask = () =>
    void api
      .call('createExitTicket', { params: { sessionId }, body: { question } })
      .then((ticket) => {
        onAsked(ticket);
        setQuestion('');
        setError(undefined);
      }, setError);
  return (
    <Stack gap="xs">
      <Textarea
        label={t('classTools.exit.question')}
        placeholder={t('classTools.exit.placeholder')}
        value={question}
        onChange={(e) => setQuestion(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Button onClick={ask} disabled={!question.trim()} style={{ alignSelf: 'flex-start' }}>
        {t('classTools.exit.ask')}
      </Button>
      {error !== undefined && <ErrorNotice error={error} />}
    </Stack>
  );
}

function TicketCard({
  ticket,
  role,
  onChange,
}: {
  ticket: ExitTicket;
  role: ClassToolProps['role'];
  onChange: (t: ExitTicket) => void;
}) {
  const t = useT();
  const [answer, setAnswer] = useState('');
  const [answers, setAnswers] = useState<ExitTicketAnswer[]>();
  const [error, setError] = useState<unknown>();
  const readsAll = role !== 'student';
  const load = () => {
    if (readsAll)
      void api
        .call('exitTicketAnswers', { params: { ticketId: ticket.id } })
        .then(setAnswers, setError);
  };
  const soon = useThrottled(load);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the list follows the ticket and its count
  useEffect(soon, [ticket.id, ticket.answered]);
  const send = () =>
    void api
      .call('answerExitTicket', { params: { ticketId: ticket.id }, body: { text: answer } })
      .then((x) => {
        onChange(x);
        setError(undefined);
      }, setError);
  return (
    <Card withBorder p="sm" data-testid="exit-ticket">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>{ticket.question}</Text>
          <Badge {...(ticket.state === 'open' ? tones.good : tones.muted)}>
            {t(`classTools.exit.state.${ticket.state}`)}
          </Badge>
        </Group>
        {readsAll && (
          <Text size="sm" data-testid="exit-answered">
            {t('classTools.exit.answered', { count: ticket.answered })}
          </Text>
        )}
        {role === 'teacher' && ticket.state === 'open' && (
          <Button
            size="xs"
            variant="light"
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              void api
                .call('closeExitTicket', { params: { ticketId: ticket.id } })
                .then(onChange, setError)
            }
          >
            {t('classTools.exit.close')}
          </Button>
        )}
        {role === 'student' && ticket.myAnswer !== null && (
          <Text data-testid="my-exit-answer">
            {t('classTools.exit.yourAnswer', { answer: ticket.myAnswer })}
          </Text>
        )}
        {role === 'student' && ticket.myAnswer === null && ticket.state === 'open' && (
          <>
            <Textarea
              label={t('classTools.exit.yourAnswerLabel')}
              value={answer}
              maxLength={MAX_EXIT_ANSWER}
              onChange={(e) => setAnswer(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Button onClick={send} disabled={!answer.trim()} style={{ alignSelf: 'flex-start' }}>
              {t('classTools.exit.send')}
            </Button>
          </>
        )}
        {readsAll && answers && (
          <Stack gap={6} data-testid="exit-answers">
            {answers.map((a) => (
              <Card key={a.student.id} withBorder p="xs" data-testid="exit-answer">
                <Text size="sm" fw={600}>
                  {a.student.firstName} {a.student.lastName}
                </Text>
                <Text size="sm">{a.text}</Text>
              </Card>
            ))}
          </Stack>
        )}
        {error !== undefined && <ErrorNotice error={error} />}
      </Stack>
    </Card>
  );
}
