import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { Poll, PollResults } from '../../../../src-shared/schemas/class-tools/polls';
import { useT } from '../../../app/i18n';
import { tones } from '../../../ui/tones';

/** Counts per option as bars, short answers grouped; right answers marked once they may be seen. */
export function PollResultsView({ poll, results }: { poll: Poll; results: PollResults }) {
  const t = useT();
  return (
    <Stack gap="md" data-testid="poll-results">
      <Text size="sm" c="dimmed">
        {t('classTools.polls.answered', { count: results.answered })}
      </Text>
      {poll.questions.map((question, q) => {
        const result = results.questions[q];
        if (!result) return null;
        const right = new Set(question.correctOptions ?? []);
        return (
          <Stack key={q} gap={6}>
            <Text fw={600} size="sm">
              {q + 1}. {question.prompt}
            </Text>
            {question.options.map((option, o) => {
              const count = result.optionCounts[o] ?? 0;
              const share = results.answered ? Math.round((count / results.answered) * 100) : 0;
              return (
                <div key={o}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Group gap={4} wrap="nowrap">
                      {right.has(o) && (
                        <IconCheck size={16} aria-label={t('classTools.polls.rightAnswer')} />
                      )}
                      <Text size="sm">{option}</Text>
                    </Group>
                    <Text size="sm" data-testid="option-count">
                      {count}
                    </Text>
                  </Group>
                  <Progress
                    value={share}
                    aria-label={option}
                    color={right.has(o) ? 'teal' : 'blue'}
                  />
                </div>
              );
            })}
            {question.type === 'short' && (
              <Group gap="xs">
                {(question.acceptedAnswers ?? []).map((a) => (
                  <Badge key={a} {...tones.good}>
                    {t('classTools.polls.accepted', { answer: a })}
                  </Badge>
                ))}
                {result.shortAnswers.map((a) => (
                  <Badge key={a.text} variant="default">
                    {a.text} × {a.count}
                  </Badge>
                ))}
              </Group>
            )}
            {result.correctCount !== undefined && (
              <Text size="xs" c="dimmed">
                {t('classTools.polls.correctCount', { count: result.correctCount })}
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
