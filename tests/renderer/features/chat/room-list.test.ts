import { describe, expect, it } from 'vitest';
import {
  groupRooms,
  othersOnline,
  roomAfterMessage,
  roomAfterRead,
  totalUnread,
  unreadOf,
} from '../../../../src-renderer/features/chat/room-list';
import { ana, ben, msg, summary } from './fixtures';

describe('unread counting', () => {
  it('is the distance from the read marker to the last message', () => {
    expect(unreadOf({ lastSeq: 7, readSeq: 4 })).toBe(3);
    expect(unreadOf({ lastSeq: 4, readSeq: 7 })).toBe(0);
    expect(
      totalUnread([
        summary('course:c1', { lastSeq: 5, readSeq: 2 }),
        summary('session:s1', { lastSeq: 1, readSeq: 1 }),
        summary('dm:a:b', { lastSeq: 4, readSeq: 0 }),
      ]),
    ).toBe(7);
  });

  it('rises with someone else’s message and not with your own', () => {
    const room = summary('course:c1', { lastSeq: 3, readSeq: 3 });
    const afterBen = roomAfterMessage(room, msg(4, { author: ben }), ana.id);
    expect(unreadOf(afterBen)).toBe(1);
    expect(afterBen.unread).toBe(1);
    const afterMine = roomAfterMessage(afterBen, msg(5, { author: ana }), ana.id);
    // The hub marks a room read up to what you send; so does the client.
    expect(afterMine).toMatchObject({ lastSeq: 5, readSeq: 5, unread: 0 });
  });

  it('does not count a message twice when it arrives twice', () => {
    const room = summary('course:c1', { lastSeq: 3, readSeq: 3 });
    const once = roomAfterMessage(room, msg(4, { author: ben }), ana.id);
    expect(roomAfterMessage(once, msg(4, { author: ben }), ana.id)).toEqual(once);
  });

  it('clears with a read marker from any device, which only moves forward', () => {
    const room = summary('course:c1', { lastSeq: 9, readSeq: 2 });
    expect(unreadOf(roomAfterRead(room, 9))).toBe(0);
    expect(roomAfterRead(room, 1)).toBe(room);
    // Never past the last message this client knows of.
    expect(roomAfterRead(room, 50).readSeq).toBe(9);
  });

  it('counts who else is online, not you', () => {
    expect(othersOnline(summary('course:c1', { online: [ana.id, ben.id] }), ana.id)).toBe(1);
  });
});

describe('the rooms list', () => {
  const rooms = [
    summary('course:c1', { title: 'CS101 · Algorithms' }),
    summary('course:c2', { title: 'CS102 · Databases', lastSeq: 2 }),
    summary('session:s1', { title: 'Study group' }),
    summary('dm:u-ana:u-ben', { title: 'Ben Lima', peer: ben }),
  ];

  it('groups rooms by kind, unread first and then by title', () => {
    const groups = groupRooms(rooms);
    expect(groups.course.map((r) => r.title)).toEqual(['CS102 · Databases', 'CS101 · Algorithms']);
    expect(groups.session).toHaveLength(1);
    expect(groups.dm).toHaveLength(1);
  });

  it('filters by every word of the search, ignoring case and accents', () => {
    expect(groupRooms(rooms, 'ALGO cs101').course.map((r) => r.room)).toEqual(['course:c1']);
    expect(groupRooms(rooms, 'stüdy').session).toHaveLength(1);
    expect(groupRooms(rooms, 'ben').dm).toHaveLength(1);
    const none = groupRooms(rooms, 'physics');
    expect([...none.course, ...none.session, ...none.dm]).toEqual([]);
  });
});
