import { Text } from '@mantine/core';
import { useT } from '../../../app/i18n';
import { chatStore } from '../chat-store';
import classes from '../chat.module.css';

const none: readonly never[] = [];

/** "Ana is typing…" under the messages; the store drops each person after a few quiet seconds. */
export function TypingLine({ room }: { room: string }) {
  const t = useT();
  const people = chatStore.use((s) => s.typing[room] ?? none);
  const text =
    people.length === 0
      ? ''
      : people.length === 1
        ? t('chat.typing.one', { name: people[0]!.name })
        : people.length === 2
          ? t('chat.typing.two', { a: people[0]!.name, b: people[1]!.name })
          : t('chat.typing.many');
  return (
    <div className={classes.typing} aria-live="polite">
      <Text size="xs" c="dimmed" fs="italic" data-testid="typing">
        {text}
      </Text>
    </div>
  );
}
