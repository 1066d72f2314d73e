import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { ChatRecord } from '../../../../src-server/storage/records';
import type {
  ChatHistoryRepository,
  ChatSender,
} from '../../../../src-server/storage/repositories';

export interface OpenedChatHistory {
  readonly chat: ChatHistoryRepository;
  /** Closes and opens the same store again (a hub restart). */
  reopen(): Promise<OpenedChatHistory>;
  close(): Promise<void>;
}

const ann: ChatSender = { authorId: 'ann' as UserId, clientId: 'outbox-0001' };
const ben: ChatSender = { authorId: 'ben' as UserId, clientId: 'outbox-0001' };
const record = (sender: ChatSender, text: string): ChatRecord => ({ ...sender, text, files: [] });
const build = (sender: ChatSender, text: string) => async () => record(sender, text);

/** What ChatService relies on to store a message once, whatever stores the chat log. */
export function describeChatHistoryContract(
  engine: string,
  open: () => Promise<OpenedChatHistory>,
) {
  describe(`chat history, appendOnce (${engine})`, () => {
    let store: OpenedChatHistory;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('answers a resend with the stored message and appends nothing, leaving no gap', async () => {
      const { chat } = store;
      const first = await chat.appendOnce('room:a', ann, build(ann, 'hello'));
      expect(first).toEqual({
        duplicate: false,
        entry: { seq: 1, at: expect.any(String), entry: record(ann, 'hello') },
      });
      const again = await chat.appendOnce('room:a', ann, build(ann, 'hello (edited offline)'));
      expect(again).toEqual({ duplicate: true, entry: first.entry });
      expect(await chat.lastSeq('room:a')).toBe(1);
      const next = await chat.appendOnce(
        'room:a',
        { ...ann, clientId: 'outbox-0002' },
        build(ann, 'next'),
      );
      expect(next.entry.seq).toBe(2);
      expect((await chat.since('room:a', 0, 10)).map((e) => e.entry.text)).toEqual([
        'hello',
        'next',
      ]);
    });

    it('keeps apart two people who pick the same client id, and the same id in two rooms', async () => {
      const { chat } = store;
      expect((await chat.appendOnce('room:a', ann, build(ann, 'from ann'))).duplicate).toBe(false);
      expect((await chat.appendOnce('room:a', ben, build(ben, 'from ben'))).duplicate).toBe(false);
      expect((await chat.appendOnce('room:b', ann, build(ann, 'elsewhere'))).duplicate).toBe(false);
      expect(await chat.lastSeq('room:a')).toBe(2);
      expect(await chat.lastSeq('room:b')).toBe(1);
    });

    it('stores one of many simultaneous sends of one message, every caller answered with it', async () => {
      const { chat } = store;
      await chat.appendOnce('room:a', ben, build(ben, 'before'));
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => chat.appendOnce('room:a', ann, build(ann, 'racing'))),
      );
      expect(answers.filter((answer) => !answer.duplicate)).toHaveLength(1);
      expect(new Set(answers.map((answer) => answer.entry.seq))).toEqual(new Set([2]));
      expect(await chat.lastSeq('room:a')).toBe(2);
    });

    it('answers a resend that its checks would refuse with the stored message', async () => {
      const { chat } = store;
      const first = await chat.appendOnce('room:a', ann, build(ann, 'hello'));
      const refused = async (): Promise<ChatRecord> => {
        throw new Error('slow mode: wait 9 seconds');
      };
      expect(await chat.appendOnce('room:a', ann, refused)).toEqual({
        duplicate: true,
        entry: first.entry,
      });
    });

    it('stores nothing when the checks refuse a new message, and a later try goes in', async () => {
      const { chat } = store;
      const refused = async (): Promise<ChatRecord> => {
        throw new Error('quiet mode');
      };
      await expect(chat.appendOnce('room:a', ann, refused)).rejects.toThrow('quiet mode');
      expect(await chat.lastSeq('room:a')).toBe(0);
      const later = await chat.appendOnce('room:a', ann, build(ann, 'hello'));
      expect(later).toMatchObject({ duplicate: false, entry: { seq: 1 } });
    });

    it('still recognises a resend after a restart', async () => {
      const first = await store.chat.appendOnce('room:a', ann, build(ann, 'hello'));
      store = await store.reopen();
      expect(await store.chat.appendOnce('room:a', ann, build(ann, 'hello'))).toEqual({
        duplicate: true,
        entry: first.entry,
      });
      expect(await store.chat.lastSeq('room:a')).toBe(1);
    });
  });
}
