import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconHandOff, IconHandStop, IconSpeakerphone } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { UserId } from '../../../../src-shared/ids';
import type {
  Hands,
  HandsChange,
  RaisedHand,
} from '../../../../src-shared/schemas/class-tools/hands';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useLanguage, useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { tones } from '../../../ui/tones';
import { useAccount } from '../../auth';
import type { ClassToolProps } from '../class-tool';
import { useHands } from './use-hands';

/** Raise hand: the student's button and place, the teacher's live queue (an admin only reads it). */
export function HandsTool({ sessionId, role }: ClassToolProps) {
  const { state: hands, error, apply, reload } = useHands(sessionId);
  const [failed, setFailed] = useState<unknown>();
  if (error && !hands) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (!hands) return null;
  /** Runs one action; its answer is the change, applied at once (the broadcast agrees). */
  const act = async (action: () => Promise<HandsChange>) => {
    setFailed(undefined);
    try {
      apply(await action());
    } catch (failure) {
      setFailed(failure);
    }
  };
  return (
    <Stack gap="sm">
      {failed !== undefined && <ErrorNotice error={failed} />}
      {role === 'student' ? (
        <StudentHand sessionId={sessionId} hands={hands} act={act} />
      ) : (
        <Queue sessionId={sessionId} hands={hands} act={act} canAct={role === 'teacher'} />
      )}
    </Stack>
  );
}

type Act = (action: () => Promise<HandsChange>) => Promise<void>;

function StudentHand({ sessionId, hands, act }: { sessionId: SessionId; hands: Hands; act: Act }) {
  const t = useT();
  const account = useAccount();
  const place = hands.queue.findIndex((h) => h.student.id === account?.id);
  const mine = place >= 0 ? hands.queue[place] : undefined;
  const params = { params: { sessionId } };
  return (
    <Stack gap="sm" align="flex-start">
      {mine?.calledAt && (
        <Alert
          color="teal.9"
          variant="filled"
          icon={<IconSpeakerphone size={20} aria-hidden />}
          role="status"
          data-testid="called-on"
          w="100%"
        >
          {t('classTools.hands.calledOn')}
        </Alert>
      )}
      {mine ? (
        <Button
          size="md"
          variant="light"
          leftSection={<IconHandOff size={20} aria-hidden />}
          onClick={() => void act(() => api.call('lowerMyHand', params))}
        >
          {t('classTools.hands.lower')}
        </Button>
      ) : (
        <Button
          size="md"
          leftSection={<IconHandStop size={20} aria-hidden />}
          onClick={() => void act(() => api.call('raiseHand', params))}
        >
          {t('classTools.hands.raise')}
        </Button>
      )}
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="hand-place">
        {mine
          ? t('classTools.hands.place', { place: place + 1, count: hands.queue.length })
          : t('classTools.hands.count', { count: hands.queue.length })}
      </Text>
    </Stack>
  );
}

function Queue({
  sessionId,
  hands,
  act,
  canAct,
}: {
  sessionId: SessionId;
  hands: Hands;
  act: Act;
  canAct: boolean;
}) {
  const t = useT();
  if (hands.queue.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="hands-empty">
        {t('classTools.hands.none')}
      </Text>
    );
  const one = (userId: UserId) => ({ params: { sessionId, userId } });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} aria-live="polite">
          {t('classTools.hands.count', { count: hands.queue.length })}
        </Text>
        {canAct && (
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void act(() => api.call('lowerAllHands', { params: { sessionId } }))}
          >
            {t('classTools.hands.lowerAll')}
          </Button>
        )}
      </Group>
      <Stack
        component="ol"
        gap={6}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        data-testid="hand-queue"
      >
        {hands.queue.map((hand, index) => (
          <QueueRow
            key={hand.student.id}
            hand={hand}
            place={index + 1}
            actions={
              canAct && (
                <Group gap={6} wrap="nowrap">
                  {!hand.calledAt && (
                    <Button
                      size="compact-sm"
                      onClick={() => void act(() => api.call('callOnHand', one(hand.student.id)))}
                    >
                      {t('classTools.hands.callOn')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={t('classTools.hands.lowerOf', { name: hand.student.firstName })}
                    onClick={() => void act(() => api.call('lowerHand', one(hand.student.id)))}
                  >
                    {t('classTools.hands.lowerOne')}
                  </Button>
                </Group>
              )
            }
          />
        ))}
      </Stack>
    </Stack>
  );
}

function QueueRow({
  hand,
  place,
  actions,
}: {
  hand: RaisedHand;
  place: number;
  actions: ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(
    new Date(hand.raisedAt),
  );
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="xs" data-testid="hand">
      <Group gap="xs" wrap="nowrap" miw={0}>
        <Text fw={600} c="dimmed" w={24} ta="right">
          {place}.
        </Text>
        <Text truncate>
          {hand.student.firstName} {hand.student.lastName}
        </Text>
        <Text size="xs" c="dimmed">
          {time}
        </Text>
        {hand.calledAt && <Badge {...tones.good}>{t('classTools.hands.calledBadge')}</Badge>}
      </Group>
      {actions}
    </Group>
  );
}
