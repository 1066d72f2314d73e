import { Center, Loader, Text } from '@mantine/core';
import { useEffect, useState, type DragEvent } from 'react';
import type { UserSummary } from '../../../../src-shared/schemas/accounts';
import type { Room, RoomSummary } from '../../../../src-shared/schemas/chat';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useAttachments } from '../attachments';
import { openConversation } from '../chat-actions';
import { chatStore } from '../chat-store';
import classes from '../chat.module.css';
import { ClassChatBanner } from './ClassChatBanner';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './MessageList';
import { TypingLine } from './TypingLine';

/** The centre column: header, history, "typing…", and the composer; files can be dropped anywhere on it. */
export function Conversation({
  summary,
  readOnly = false,
  me,
  phone,
  sideOpen,
  onToggleSide,
}: {
  summary: RoomSummary;
  /** Looked into, not one's own (an admin): read and moderated, not written in. */
  readOnly?: boolean;
  me: UserSummary;
  phone: boolean;
  sideOpen: boolean;
  onToggleSide: () => void;
}) {
  const t = useT();
  const room = summary.room as Room;
  const conversation = chatStore.use((s) => s.conversations[room]);
  const attachments = useAttachments();
  const [dropping, setDropping] = useState(false);
  const [tooMany, setTooMany] = useState(false);

  useEffect(() => {
    void openConversation(room);
    chatStore.set({ viewing: room });
    return () => chatStore.set({ viewing: undefined });
  }, [room]);

  const onDragOver = (event: DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    setTooMany(attachments.add([...event.dataTransfer.files]) > 0);
  };

  return (
    <section
      className={`${classes.conversation} ${dropping ? classes.dropping : ''}`}
      aria-label={summary.title}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <ConversationHeader
        summary={summary}
        phone={phone}
        headingOrder={phone ? 1 : 2}
        sideOpen={sideOpen}
        onToggleSide={onToggleSide}
      />
      <ClassChatBanner room={room} />
      {conversation?.status === 'failed' ? (
        <Center flex={1} p="md">
          <ErrorNotice error={conversation.error} onRetry={() => void openConversation(room)} />
        </Center>
      ) : conversation?.status === 'ready' ? (
        <MessageList
          room={room}
          title={summary.title}
          conversation={conversation}
          me={me}
          moderator={summary.moderator}
        />
      ) : (
        <Center flex={1}>
          <Loader role="progressbar" aria-label={t('chat.loading')} />
        </Center>
      )}
      <TypingLine room={room} />
      {readOnly ? (
        <Text size="sm" c="dimmed" px="md" py="sm" data-testid="looking-in">
          {t(me.isAdmin ? 'chat.lookingIn.admin' : 'chat.lookingIn')}
        </Text>
      ) : (
        <Composer
          room={room}
          title={summary.title}
          attachments={attachments}
          tooMany={tooMany}
          onTooMany={setTooMany}
        />
      )}
    </section>
  );
}
