import type { ChatMessage, RoomSummary } from '../../../../src-shared/schemas/chat';

export const ana = {
  id: 'u-ana',
  username: 'ana',
  firstName: 'Ana',
  lastName: 'Lima',
  role: 'student',
  isAdmin: false,
  avatarUrl: '/a.svg',
} as ChatMessage['author'];
export const ben = {
  ...ana,
  id: 'u-ben',
  username: 'ben',
  firstName: 'Ben',
} as ChatMessage['author'];

export function msg(
  seq: number,
  overrides: Partial<ChatMessage> = {},
  room = 'course:c1',
): ChatMessage {
  return {
    room,
    seq,
    author: ana,
    text: `m${seq}`,
    files: [],
    createdAt: new Date(Date.UTC(2026, 10, 24, 10, seq)).toISOString(),
    deleted: false,
    ...overrides,
  } as ChatMessage;
}

export function summary(room: string, overrides: Partial<RoomSummary> = {}): RoomSummary {
  return {
    room,
    kind: room.split(':')[0] as RoomSummary['kind'],
    title: room,
    lastSeq: 0,
    readSeq: 0,
    unread: 0,
    online: [],
    moderator: false,
    ...overrides,
  } as RoomSummary;
}
