import { describe, expect, it } from 'vitest';
import { ipcChannels, type IpcChannel } from '../../src-main/ipc-channels';
import {
  MAX_OUTBOX_FILE_BYTES,
  MAX_OUTBOX_TOTAL_BYTES,
  MAX_SNAPSHOT_BYTES,
  ipcArgumentSchemas,
} from '../../src-main/ipc-validation';

/** What every bridge call's arguments must look like before main acts on them. */
const hub = 'http://192.168.1.20:4000';
const sha = 'a'.repeat(64);
const download = {
  hubUrl: hub,
  path: '/api/materials/m1/download',
  title: 'Week 1 slides',
  fileName: 'week1.pdf',
  sha256: sha,
  size: 1024,
  kind: 'slides',
  source: 'material',
  courseId: 'c1',
  courseTitle: 'CS101',
};
const file = (size: number) => ({ name: 'notes.txt', bytes: new Uint8Array(size) });
const uuid = '0b7d3c1e-4c1a-4f0e-9a57-2f7f8c9b1d23';

/** One call each channel must accept: proves the refusals below are about the value, not the shape. */
const validCalls: Record<IpcChannel, unknown[]> = {
  [ipcChannels.openExternal]: ['https://example.org/'],
  [ipcChannels.setCredentials]: [{ hubUrl: hub, accessToken: 'eyJ.abc.def' }],
  [ipcChannels.hostingStatus]: [],
  [ipcChannels.hostingStart]: [],
  [ipcChannels.hostingStop]: [],
  [ipcChannels.hostingSetKeepRunningInTray]: [true],
  [ipcChannels.hubsKnown]: [],
  [ipcChannels.hubsConnect]: [hub],
  [ipcChannels.hubsForget]: [hub],
  [ipcChannels.hubsLeave]: [],
  [ipcChannels.downloadsList]: [],
  [ipcChannels.downloadsEnqueue]: [[download]],
  [ipcChannels.downloadsPause]: [uuid],
  [ipcChannels.downloadsResume]: [uuid],
  [ipcChannels.downloadsCancel]: [uuid],
  [ipcChannels.libraryList]: [],
  [ipcChannels.libraryUsage]: [],
  [ipcChannels.libraryOpen]: [uuid],
  [ipcChannels.libraryRemove]: [uuid],
  [ipcChannels.librarySaveSnapshot]: ['course:c1', { title: 'CS101', materials: [] }],
  [ipcChannels.libraryReadSnapshot]: ['course:c1'],
  [ipcChannels.outboxList]: [],
  [ipcChannels.outboxEnqueue]: [
    { kind: 'post', hubUrl: hub, sessionId: 's1', text: 'Hi', files: [file(10)] },
  ],
  [ipcChannels.outboxDiscard]: [uuid],
  [ipcChannels.notificationsShow]: [{ title: 'New grade', body: 'CS101', link: '/courses/c1' }],
  [ipcChannels.notificationsSetBadgeCount]: [3],
};

describe('ipcArgumentSchemas', () => {
  it('has a schema for every channel', () => {
    expect(Object.keys(ipcArgumentSchemas).sort()).toEqual(Object.values(ipcChannels).sort());
  });

  it.each(Object.entries(validCalls))('accepts a valid call of %s', (channel, args) => {
    const schema = ipcArgumentSchemas[channel as IpcChannel];
    expect(schema.safeParse(args).success).toBe(true);
  });

  it.each(Object.values(ipcChannels))('refuses an extra argument on %s', (channel) => {
    const schema = ipcArgumentSchemas[channel];
    expect(schema.safeParse([...validCalls[channel], 'extra']).success).toBe(false);
  });

  const c = ipcChannels;
  it.each<[string, IpcChannel, unknown[]]>([
    ['credentials for a file URL', c.setCredentials, [{ hubUrl: 'file:///x', accessToken: 't' }]],
    ['an empty token', c.setCredentials, [{ hubUrl: hub, accessToken: '' }]],
    ['a 5000-character token', c.setCredentials, [{ hubUrl: hub, accessToken: 't'.repeat(5000) }]],
    ['extra credential fields', c.setCredentials, [{ hubUrl: hub, accessToken: 't', x: 1 }]],
    ['a string for the tray switch', c.hostingSetKeepRunningInTray, ['yes']],
    ['an ftp hub', c.hubsConnect, ['ftp://192.168.1.20']],
    ['a hub with a password', c.hubsConnect, ['http://u:p@192.168.1.20:4000']],
    ['a javascript hub', c.hubsForget, ['javascript:alert(1)']],
    ['no download', c.downloadsEnqueue, [[]]],
    ['501 downloads', c.downloadsEnqueue, [Array.from({ length: 501 }, () => download)]],
    ['a download outside /api/', c.downloadsEnqueue, [[{ ...download, path: '/etc/passwd' }]]],
    ['a download with ..', c.downloadsEnqueue, [[{ ...download, path: '/api/../../x' }]]],
    ['a download from a file hub', c.downloadsEnqueue, [[{ ...download, hubUrl: 'file:///' }]]],
    ['a bad checksum', c.downloadsEnqueue, [[{ ...download, sha256: 'abc' }]]],
    ['a negative size', c.downloadsEnqueue, [[{ ...download, size: -1 }]]],
    ['an unknown kind', c.downloadsEnqueue, [[{ ...download, kind: 'exe' }]]],
    [
      'a 300-character file name',
      c.downloadsEnqueue,
      [[{ ...download, fileName: 'a'.repeat(300) }]],
    ],
    ['an unknown field', c.downloadsEnqueue, [[{ ...download, saveTo: '/etc' }]]],
    ['an id with a slash', c.downloadsPause, ['../../etc']],
    ['an empty id', c.downloadsResume, ['']],
    ['a 200-character id', c.downloadsCancel, ['a'.repeat(200)]],
    ['a number id', c.libraryOpen, [42]],
    ['a path as id', c.libraryRemove, ['C:\\Windows']],
    ['a snapshot key with a slash', c.librarySaveSnapshot, ['course/../x', {}]],
    ['a snapshot key without a kind', c.libraryReadSnapshot, ['c1']],
    ['a function as snapshot', c.librarySaveSnapshot, ['course:c1', () => 1]],
    ['a 5 MB snapshot', c.librarySaveSnapshot, ['course:c1', 'x'.repeat(5 * 1024 * 1024)]],
    ['an unknown outbox kind', c.outboxEnqueue, [{ kind: 'grade', hubUrl: hub }]],
    [
      'an outbox item for a file hub',
      c.outboxEnqueue,
      [{ kind: 'chat-message', hubUrl: 'file:///', room: 'course:c1', text: 'x' }],
    ],
    [
      'a bad chat room',
      c.outboxEnqueue,
      [{ kind: 'chat-message', hubUrl: hub, room: '../x', text: 'x' }],
    ],
    [
      'an empty chat message',
      c.outboxEnqueue,
      [{ kind: 'chat-message', hubUrl: hub, room: 'course:c1', text: '' }],
    ],
    [
      'file bytes as an array',
      c.outboxEnqueue,
      [
        {
          kind: 'post',
          hubUrl: hub,
          sessionId: 's1',
          text: '',
          files: [{ name: 'a', bytes: [1, 2] }],
        },
      ],
    ],
    [
      'file bytes as a string',
      c.outboxEnqueue,
      [
        {
          kind: 'post',
          hubUrl: hub,
          sessionId: 's1',
          text: '',
          files: [{ name: 'a', bytes: 'AAA' }],
        },
      ],
    ],
    [
      'a file over 50 MB',
      c.outboxEnqueue,
      [
        {
          kind: 'submission',
          hubUrl: hub,
          deadlineId: 'd1',
          comment: '',
          files: [file(MAX_OUTBOX_FILE_BYTES + 1)],
        },
      ],
    ],
    [
      '11 files',
      c.outboxEnqueue,
      [
        {
          kind: 'submission',
          hubUrl: hub,
          deadlineId: 'd1',
          comment: '',
          files: Array.from({ length: 11 }, () => file(1)),
        },
      ],
    ],
    [
      'an id of another shape',
      c.outboxEnqueue,
      [{ kind: 'post', hubUrl: hub, sessionId: 's 1', text: '', files: [] }],
    ],
    [
      'a notification linking elsewhere',
      c.notificationsShow,
      [{ title: 't', body: 'b', link: 'https://evil.example/' }],
    ],
    [
      'a notification linking //host',
      c.notificationsShow,
      [{ title: 't', body: 'b', link: '//evil.example/' }],
    ],
    [
      'a notification without title',
      c.notificationsShow,
      [{ title: '', body: 'b', link: '/home' }],
    ],
    ['a negative badge', c.notificationsSetBadgeCount, [-1]],
    ['a fractional badge', c.notificationsSetBadgeCount, [1.5]],
  ])('refuses %s', (_name, channel, args) => {
    expect(ipcArgumentSchemas[channel].safeParse(args).success).toBe(false);
  });

  it('caps all files of one action together', () => {
    const half = file(MAX_OUTBOX_TOTAL_BYTES / 2 + 1);
    const request = { kind: 'post', hubUrl: hub, sessionId: 's1', text: '', files: [half, half] };
    expect(ipcArgumentSchemas[ipcChannels.outboxEnqueue].safeParse([request]).success).toBe(false);
  });

  it('caps a snapshot by its JSON size', () => {
    const big = { text: 'x'.repeat(MAX_SNAPSHOT_BYTES) };
    expect(
      ipcArgumentSchemas[ipcChannels.librarySaveSnapshot].safeParse(['course:c1', big]).success,
    ).toBe(false);
  });
});
