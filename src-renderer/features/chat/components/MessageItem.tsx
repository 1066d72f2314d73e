import { Anchor, Box, Button, Divider, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { Link } from 'react-router';
import type { UserSummary } from '../../../../src-shared/schemas/accounts';
import type { ChatMessage, Room } from '../../../../src-shared/schemas/chat';
import type { StoredFile } from '../../../../src-shared/schemas/files';
import { useLanguage, useT } from '../../../app/i18n';
import { errorText } from '../../../app/i18n/error-text';
import { fetchFile } from '../../../app/file-transfer';
import { deleteMessage, discardOutgoing, editMessage, retrySend } from '../chat-actions';
import classes from '../chat.module.css';
import { dayLabel, fullDateTime, timeOf } from '../format';
import type { Row } from '../rows';
import { AttachmentChips } from './AttachmentChips';
import { MessageActions } from './MessageActions';
import { MessageEditor } from './MessageEditor';
import { ChatMarkdown } from '../markdown';
import { fullName, PresenceAvatar } from './PresenceAvatar';
import { api } from '../../../app/hub-client';
import { targetIds } from '../../../app/reveal-target';

const AVATAR = 36;

/** One row of the list: an optional day separator, then a message (stored or on its way). */
export const MessageItem = memo(function MessageItem({
  row,
  me,
  moderator,
}: {
  row: Row;
  me: UserSummary;
  /** May remove other people's messages (the room's summary says). */
  moderator: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      {row.day && (
        <Divider
          my="sm"
          labelPosition="center"
          label={
            <Text size="xs" fw={600} c="dimmed" component="span" role="separator">
              {dayLabel(row.day, t, language)}
            </Text>
          }
        />
      )}
      {row.kind === 'message' ? (
        <StoredMessage
          message={row.message}
          continued={row.continued}
          mine={row.message.author.id === me.id}
          moderator={moderator}
        />
      ) : (
        <Frame
          author={me}
          at={row.outgoing.createdAt}
          continued={row.continued}
          pending={row.outgoing.status === 'sending'}
        >
          {row.outgoing.text && <ChatMarkdown text={row.outgoing.text} />}
          <AttachmentChips files={row.outgoing.files} />
          <PendingState
            clientId={row.outgoing.clientId}
            status={row.outgoing.status}
            error={row.outgoing.error}
          />
        </Frame>
      )}
    </>
  );
});

function StoredMessage({
  message,
  continued,
  mine,
  moderator,
}: {
  message: ChatMessage;
  continued: boolean;
  mine: boolean;
  moderator: boolean;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();
  const room = message.room as Room;
  const pathOf = (file: StoredFile) =>
    api.url('downloadChatFile', { room, seq: message.seq, fileId: file.id });
  const download = (file: StoredFile) => {
    setDownloadError(undefined);
    fetchFile(pathOf(file), file.fileName).catch(setDownloadError);
  };
  return (
    <Frame
      id={targetIds.message(message.seq)}
      author={message.author}
      at={message.createdAt}
      continued={continued}
      edited={message.editedAt !== undefined && !message.deleted}
      actions={
        (mine || moderator) && !message.deleted && !editing ? (
          <MessageActions
            {...(mine
              ? { onEdit: () => setEditing(true) }
              : { authorName: fullName(message.author) })}
            onDelete={() => deleteMessage(room, message.seq)}
          />
        ) : undefined
      }
    >
      {message.deleted ? (
        <Text size="sm" c="dimmed" fs="italic" data-testid="message-deleted">
          {t(message.removedByModerator ? 'chat.message.removed' : 'chat.message.deleted')}
        </Text>
      ) : editing ? (
        <MessageEditor
          initial={message.text}
          onCancel={() => setEditing(false)}
          onSave={async (text) => {
            await editMessage(room, message.seq, text);
            setEditing(false);
          }}
        />
      ) : (
        message.text && <ChatMarkdown text={message.text} />
      )}
      <AttachmentChips files={message.files} onDownload={download} previewPath={pathOf} />
      {downloadError !== undefined && (
        <Text size="xs" c="red">
          {errorText(downloadError, t)}
        </Text>
      )}
    </Frame>
  );
}

/** Avatar, name and time (unless it continues the previous message), then the content. */
function Frame({
  id,
  author,
  at,
  continued,
  edited = false,
  pending = false,
  actions,
  children,
}: {
  /** Stored messages only: what a link to the message (`#message-<seq>`) points at. */
  id?: string;
  author: UserSummary;
  at: string;
  continued: boolean;
  edited?: boolean;
  pending?: boolean;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const time = (
    <Tooltip label={fullDateTime(at, language)} openDelay={400}>
      <Text component="time" dateTime={at} size="xs" c="dimmed">
        {timeOf(at, language)}
      </Text>
    </Tooltip>
  );
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      className={`${classes.message} ${pending ? classes.pending : ''}`}
      mt={continued ? 0 : 6}
      id={id}
      data-testid="chat-message"
    >
      <Box w={AVATAR} style={{ flex: 'none' }}>
        {!continued && <PresenceAvatar person={author} size={AVATAR} />}
      </Box>
      <Box flex={1} miw={0}>
        {!continued && (
          <Group gap={8} wrap="nowrap">
            <Anchor
              component={Link}
              to={`/people/${encodeURIComponent(author.username)}`}
              size="sm"
              fw={700}
              c="var(--mantine-color-text)"
              truncate
            >
              {fullName(author)}
            </Anchor>
            {time}
          </Group>
        )}
        {children}
        {edited && (
          <Text size="xs" c="dimmed" data-testid="message-edited">
            {t('chat.message.edited')}
          </Text>
        )}
      </Box>
      {actions && <Box style={{ flex: 'none' }}>{actions}</Box>}
    </Group>
  );
}

function PendingState({
  clientId,
  status,
  error,
}: {
  clientId: string;
  status: 'sending' | 'failed';
  error: unknown;
}) {
  const t = useT();
  if (status === 'sending')
    return (
      <Text size="xs" c="dimmed" data-testid="message-pending">
        {t('chat.sending')}
      </Text>
    );
  return (
    <Group gap={6} mt={2} data-testid="message-failed">
      <IconAlertCircle size={14} aria-hidden color="var(--mantine-color-error)" />
      <Text size="xs" c="var(--mantine-color-error)">
        {t('chat.notSent')} {errorText(error, t)}
      </Text>
      <Button size="compact-xs" variant="default" onClick={() => retrySend(clientId)}>
        {t('chat.retry')}
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        onClick={() => discardOutgoing(clientId)}
      >
        {t('chat.discard')}
      </Button>
    </Group>
  );
}
