import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Poll } from '../../../../src-shared/schemas/class-tools/polls';
import { scoreOf } from '../../../../src-shared/schemas/class-tools/polls';
import { api, socket } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import type { ClassToolProps } from '../class-tool';
import { useSessionTool } from '../use-session-tool';
import { PollCard } from './PollCard';
import { PollComposer } from './PollComposer';

/**
 * The room's packet is the same for everyone: the student's own answer is
 * kept from what this screen already holds, and a revealed quiz's score is
 * worked out here with the hub's own rule (scoreOf).
 */
function merge(mine: Poll | undefined, packet: Poll): Poll {
  const myResponses = mine?.myResponses ?? null;
  const myScore =
    packet.state === 'revealed' && packet.kind === 'quiz' && myResponses
      ? scoreOf(packet.questions, myResponses)
      : null;
  return { ...packet, myResponses, myScore, results: packet.results ?? mine?.results ?? null };
}

const upsert = (polls: Poll[], poll: Poll) =>
  polls.some((p) => p.id === poll.id)
    ? polls.map((p) => (p.id === poll.id ? poll : p))
    : [poll, ...polls];

/** Polls and quick quizzes: the teacher writes, opens, closes and reveals; students answer. */
export function PollsTool({ sessionId, role }: ClassToolProps) {
  const t = useT();
  const [composing, setComposing] = useState(false);
  const [inCourse, setInCourse] = useState(false);
  const {
    data: polls,
    setData,
    error,
  } = useSessionTool(() => api.call('sessionPolls', { params: { sessionId } }), [sessionId]);
  useEffect(() => {
    if (role !== 'teacher') return;
    void api.call('session', { params: { sessionId } }).then(
      (s) => setInCourse(s.course !== null),
      () => undefined,
    );
  }, [sessionId, role]);
  useEffect(() => {
    const stops = [
      socket.on('poll:changed', (packet) => {
        if (packet.sessionId !== sessionId) return;
        setData((all = []) => {
          const mine = all.find((p) => p.id === packet.id);
          // The host and admins keep their fuller view (results at every step).
          const next =
            role === 'student'
              ? merge(mine, packet)
              : {
                  ...packet,
                  results: packet.results ?? mine?.results ?? null,
                  questions: mine?.questions ?? packet.questions,
                };
          return upsert(all, next);
        });
      }),
      socket.on('poll:results', ({ sessionId: sid, results }) => {
        if (sid !== sessionId) return;
        setData((all = []) => all.map((p) => (p.id === results.pollId ? { ...p, results } : p)));
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [sessionId, role, setData]);

  const change = (poll: Poll) => setData((all = []) => upsert(all, poll));
  return (
    <Stack gap="sm" data-testid="polls-tool">
      {role === 'teacher' && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setComposing(true)}>
            {t('classTools.polls.new')}
          </Button>
        </Group>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
      {polls?.length === 0 && (
        <Text c="dimmed">
          {t(role === 'teacher' ? 'classTools.polls.noneTeacher' : 'classTools.polls.none')}
        </Text>
      )}
      {polls?.map((poll) => (
        <PollCard key={poll.id} poll={poll} role={role} inCourse={inCourse} onChange={change} />
      ))}
      {role === 'teacher' && (
        <PollComposer
          sessionId={sessionId}
          opened={composing}
          onClose={() => setComposing(false)}
          onCreated={change}
        />
      )}
    </Stack>
  );
}
