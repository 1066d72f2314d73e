import { ActionIcon, FileButton, Group, Text, Textarea, Tooltip } from '@mantine/core';
import { IconPaperclip, IconSend2 } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { MESSAGE_MAX, type Room } from '../../../../src-shared/schemas/chat';
import { useT } from '../../../app/i18n';
import { MAX_FILES, type Attachments } from '../attachments';
import { sendTyping } from '../chat-actions';
import { chatStore, setDraft } from '../chat-store';
import classes from '../chat.module.css';
import { sendFromComposer, type ComposerOutcome } from '../offline-send';
import { UploadChips } from './UploadChips';

type Notice = Exclude<ComposerOutcome, 'sent'> | 'notSaved';
const NOTICE_TEXT = {
  queued: 'chat.outbox.queued',
  filesNotQueued: 'chat.outbox.filesNotQueued',
  notSaved: 'chat.outbox.notSaved',
} as const;

/** The counter appears this close to the limit. */
const COUNTER_FROM = MESSAGE_MAX - 500;

/**
 * Writing a message: Enter sends, Shift+Enter starts a new line. Files are
 * picked, pasted or dropped (the conversation passes drops in) and upload
 * at once; the message goes when they are all up.
 */
export function Composer({
  room,
  title,
  attachments,
  tooMany,
  onTooMany,
}: {
  room: Room;
  title: string;
  attachments: Attachments;
  tooMany: boolean;
  onTooMany: (tooMany: boolean) => void;
}) {
  const t = useT();
  const text = chatStore.use((s) => s.drafts[room] ?? '');
  const setText = (value: string) => setDraft(room, value);
  const trimmed = text.trim();
  const uploading = attachments.items.some((a) => a.status === 'uploading');
  const ready = attachments.items.filter((a) => a.status === 'done' && a.stored);
  const tooLong = trimmed.length > MESSAGE_MAX;
  const canSend = !tooLong && !uploading && (trimmed.length > 0 || ready.length > 0);
  // Sent while files are still uploading: it goes once they are all up (the effect below).
  const canSendOnceUp = !tooLong && uploading;
  const [waitingForUploads, setWaitingForUploads] = useState(false);
  // What became of the last send, when it needs saying (offline on the desktop); per room.
  const [notice, setNotice] = useState<{ room: Room; kind: Notice }>();

  const send = () => {
    if (canSendOnceUp) {
      setWaitingForUploads(true);
      return;
    }
    if (!canSend) return;
    setNotice(undefined);
    void sendFromComposer(
      room,
      trimmed,
      ready.map((a) => a.stored!),
    ).then(
      (outcome) => setNotice(outcome === 'sent' ? undefined : { room, kind: outcome }),
      () => {
        // The desktop app could not keep it: give the text back rather than lose it.
        if (!chatStore.get().drafts[room]) setDraft(room, trimmed);
        setNotice({ room, kind: 'notSaved' });
      },
    );
    setText('');
    attachments.clear();
    onTooMany(false);
  };
  const attach = (files: File[]) => onTooMany(attachments.add(files) > 0);

  // The files are up: the waiting message goes. A failed upload keeps its chip and the
  // text, and nothing goes until the person removes or retries it and sends again.
  const sendNow = useRef(send);
  sendNow.current = send;
  useEffect(() => {
    if (!waitingForUploads || uploading) return;
    setWaitingForUploads(false);
    if (attachments.items.every((a) => a.status === 'done')) sendNow.current();
  }, [waitingForUploads, uploading, attachments.items]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an input-method candidate (Japanese, Chinese…) is not "send".
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    attach(files);
  };

  return (
    <div className={classes.composer}>
      <UploadChips attachments={attachments} />
      {notice?.room === room && (
        <Text
          size="xs"
          c={notice.kind === 'notSaved' ? 'red' : 'dimmed'}
          mb={4}
          role="status"
          data-testid="composer-notice"
        >
          {t(NOTICE_TEXT[notice.kind])}
        </Text>
      )}
      {waitingForUploads && (
        <Text size="xs" c="dimmed" mb={4} role="status" data-testid="composer-notice">
          {t('chat.sendsOnceUploaded')}
        </Text>
      )}
      {tooMany && (
        <Text size="xs" c="red" mb={4} role="alert">
          {t('chat.tooManyFiles', { max: MAX_FILES })}
        </Text>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <FileButton onChange={attach} multiple>
          {(props) => (
            <Tooltip label={t('chat.attach')}>
              <ActionIcon
                {...props}
                variant="subtle"
                size="lg"
                aria-label={t('chat.attach')}
                disabled={attachments.items.length >= MAX_FILES}
              >
                <IconPaperclip size={20} />
              </ActionIcon>
            </Tooltip>
          )}
        </FileButton>
        <Textarea
          flex={1}
          aria-label={t('chat.composerLabel', { title })}
          placeholder={t('chat.composerPlaceholder', { title })}
          autosize
          minRows={1}
          maxRows={8}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (event.currentTarget.value.trim()) sendTyping(room);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          data-testid="composer"
        />
        <Tooltip label={uploading ? t('chat.sendOnceUploaded') : t('chat.send')}>
          <ActionIcon
            size="lg"
            aria-label={t('chat.send')}
            onClick={send}
            disabled={!canSend && !canSendOnceUp}
          >
            <IconSend2 size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group justify="space-between" gap="xs" mt={2} wrap="nowrap">
        <Text size="xs" c="dimmed" visibleFrom="sm">
          {t('chat.composerHint')}
        </Text>
        {trimmed.length > COUNTER_FROM && (
          <Text
            size="xs"
            c={tooLong ? 'red' : 'dimmed'}
            ml="auto"
            aria-live="polite"
            data-testid="char-counter"
          >
            {t('chat.counter', { count: trimmed.length, max: MESSAGE_MAX })}
          </Text>
        )}
      </Group>
    </div>
  );
}
