import { Button, Center, Loader, Text } from '@mantine/core';
import { IconArrowDown } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { UserSummary } from '../../../../src-shared/schemas/accounts';
import type { Room } from '../../../../src-shared/schemas/chat';
import { useT } from '../../../app/i18n';
import { loadOlder, markRead } from '../chat-actions';
import { chatStore, type Conversation } from '../chat-store';
import classes from '../chat.module.css';
import { roomKind } from '../room-names';
import { buildRows } from '../rows';
import { MessageItem } from './MessageItem';

/** Closer to the bottom than this counts as "at the latest message". */
const AT_END_PX = 48;
/** Closer to the top than this loads the previous page. */
const LOAD_OLDER_PX = 400;

/**
 * The history, virtualized: only rows near the viewport are in the DOM.
 * The virtualizer is anchored to the end, so a prepended page keeps the
 * message under your eyes in place and new messages are followed only when
 * you are already at the bottom; otherwise a button offers to jump there.
 */
export function MessageList({
  room,
  title,
  conversation,
  me,
  moderator,
}: {
  room: Room;
  title: string;
  conversation: Conversation;
  me: UserSummary;
  /** May remove anyone's message here: the course's teacher, the session's host, an admin. */
  moderator: boolean;
}) {
  const t = useT();
  const allOutgoing = chatStore.use((s) => s.outbox);
  const outbox = useMemo(() => allOutgoing.filter((o) => o.room === room), [allOutgoing, room]);
  const rows = useMemo(
    () =>
      buildRows(conversation.messages, outbox, { hasOlder: conversation.hasOlder, myId: me.id }),
    [conversation.messages, conversation.hasOlder, outbox, me.id],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const [atEnd, setAtEnd] = useState(true);
  const [far, setFar] = useState(false);
  const [unseen, setUnseen] = useState(0);
  const header = conversation.hasOlder ? 40 : 64;
  const direct = roomKind(room) === 'dm';

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.day ? 100 : rows[i]?.continued ? 30 : 64),
    getItemKey: (i) => rows[i]!.key,
    overscan: 6,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
    paddingStart: header,
    paddingEnd: 8,
  });

  const check = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
    setAtEnd(distance < AT_END_PX);
    setFar(distance > el.clientHeight * 1.5);
    if (el.scrollTop < LOAD_OLDER_PX) void loadOlder(room);
  }, [room]);

  // Opening a room shows its latest message.
  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
  }, [room, virtualizer]); // The virtualizer instance is stable: this runs when the room changes.

  // A short history may not fill the screen: keep loading until it scrolls (or there is no more).
  // Checked a moment after a change, once the first scroll to the end has settled.
  useEffect(() => {
    const timer = setTimeout(check, 300);
    return () => clearTimeout(timer);
  }, [check, rows.length]);

  // Your own message always brings you down to it.
  const outgoingCount = outbox.length;
  const previousOutgoing = useRef(outgoingCount);
  useEffect(() => {
    if (outgoingCount > previousOutgoing.current) virtualizer.scrollToEnd();
    previousOutgoing.current = outgoingCount;
  }, [outgoingCount, virtualizer]);

  // Count what arrives from others while you read further up.
  const last = conversation.messages.at(-1);
  const lastSeen = useRef(last?.seq ?? 0);
  useEffect(() => {
    const seq = last?.seq ?? 0;
    if (atEnd) setUnseen(0);
    else if (seq > lastSeen.current && last?.author.id !== me.id) setUnseen((n) => n + 1);
    lastSeen.current = seq;
  }, [last, atEnd, me.id]);

  // Read when the latest message is on screen and the window is in front. The hub's read
  // marker (readSeq) is a dependency too: a reloaded rooms list may say "not read" again.
  const readSeq = chatStore.use((s) => s.rooms.find((r) => r.room === room)?.readSeq);
  useEffect(() => {
    const read = () => {
      if (atEnd && document.visibilityState === 'visible') markRead(room);
    };
    read();
    document.addEventListener('visibilitychange', read);
    return () => document.removeEventListener('visibilitychange', read);
  }, [atEnd, room, last?.seq, readSeq]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className={classes.listArea}>
      <div
        ref={scrollRef}
        className={classes.scroller}
        onScroll={check}
        role="log"
        aria-label={t('chat.messagesIn', { title })}
        tabIndex={0}
        data-testid="message-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          <Center h={header} pos="absolute" top={0} left={0} right={0}>
            {conversation.hasOlder ? (
              conversation.loadingOlder && (
                <Loader size="sm" role="progressbar" aria-label={t('chat.loadingOlder')} />
              )
            ) : (
              <Text size="sm" c="dimmed" ta="center" px="md">
                {direct
                  ? t(rows.length === 0 ? 'chat.emptyDirect' : 'chat.startDirect', { title })
                  : t(rows.length === 0 ? 'chat.empty' : 'chat.start', { title })}
              </Text>
            )}
          </Center>
          <div
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${items[0]?.start ?? 0}px)`,
            }}
          >
            {items.map((item) => (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={classes.row}
              >
                <MessageItem row={rows[item.index]!} me={me} moderator={moderator} />
              </div>
            ))}
          </div>
        </div>
      </div>
      {!atEnd && (unseen > 0 || far) && (
        <Button
          className={classes.jump}
          size="compact-sm"
          radius="xl"
          leftSection={<IconArrowDown size={14} aria-hidden />}
          onClick={() => virtualizer.scrollToEnd({ behavior: 'smooth' })}
          data-testid="jump-to-latest"
        >
          {unseen > 0 ? t('chat.newMessages', { count: unseen }) : t('chat.jumpToLatest')}
        </Button>
      )}
    </div>
  );
}
