import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, type IpcChannel } from '../../src-main/ipc-channels';
import { DesktopError, IpcCallError, unwrapIpcResult } from '../../src-main/ipc-result';
import {
  MAX_EXTERNAL_URL_LENGTH,
  MAX_OUTBOX_FILE_BYTES,
  MAX_OUTBOX_TOTAL_BYTES,
  MAX_SNAPSHOT_BYTES,
  handleIpcCall,
  ipcArgumentSchemas,
} from '../../src-main/ipc-validation';
import { LOCAL_SHELL_ORIGIN } from '../../src-main/local-shell';

const appOrigin = 'http://127.0.0.1:4000';
const openExternalSchema = ipcArgumentSchemas[ipcChannels.openExternal];

const appPage = `${appOrigin}/courses`;

function openExternalCall(args: unknown[], senderUrl: string | undefined = appPage) {
  const run = vi.fn((_args: [string]) => 'opened');
  const onError = vi.fn();
  const result = handleIpcCall({
    senderUrl,
    trustedOrigins: appOrigin,
    args,
    schema: openExternalSchema,
    run,
    onError,
  });
  return { result, run, onError };
}

describe('handleIpcCall', () => {
  it('runs the handler with the parsed arguments when a page of the app asks', async () => {
    const { result, run } = openExternalCall(['https://example.org/help']);
    await expect(result).resolves.toEqual({ ok: true, data: 'opened' });
    expect(run).toHaveBeenCalledWith(['https://example.org/help']);
  });

  it('refuses a sender from another origin without running the handler', async () => {
    const { result, run } = openExternalCall(['https://example.org/'], 'https://evil.example/');
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a call whose sender frame is gone', async () => {
    const answer = await handleIpcCall({
      senderUrl: undefined,
      trustedOrigins: appOrigin,
      args: ['https://example.org/'],
      schema: openExternalSchema,
      run: () => 'opened',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['a file URL', ['file:///etc/passwd']],
    ['a custom scheme', ['ms-settings:privacy']],
    ['a number', [42]],
    ['no argument', []],
    ['an extra argument', ['https://example.org/', 'extra']],
    ['an overlong URL', [`https://example.org/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`]],
  ])('refuses %s as VALIDATION_FAILED without running the handler', async (_name, args) => {
    const { result, run } = openExternalCall(args);
    await expect(result).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('says in the message why a link was refused', async () => {
    const { result } = openExternalCall(['javascript:alert(1)']);
    const answer = await result;
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(/only http and https/i);
  });

  it('reports a failing handler as INTERNAL, hides the cause from the page and tells onError', async () => {
    const failure = new Error('disk on fire at /home/teacher');
    const onError = vi.fn();
    const answer = await handleIpcCall({
      senderUrl: appOrigin,
      trustedOrigins: appOrigin,
      args: ['https://example.org/'],
      schema: openExternalSchema,
      run: () => Promise.reject(failure),
      onError,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('/home/teacher');
    expect(onError).toHaveBeenCalledWith(failure);
  });
});

describe('handleIpcCall with the local shell and a hub', () => {
  const trustedOrigins = [LOCAL_SHELL_ORIGIN, appOrigin];
  const call = (senderUrl: string) =>
    handleIpcCall({
      senderUrl,
      trustedOrigins,
      args: [],
      schema: ipcArgumentSchemas[ipcChannels.hubsKnown],
      run: () => 'ok',
    });

  it('answers pages of the local shell and of the connected hub', async () => {
    await expect(call('classhub-app://local/start')).resolves.toMatchObject({ ok: true });
    await expect(call(`${appOrigin}/home`)).resolves.toMatchObject({ ok: true });
  });

  it('refuses another host of the custom scheme and other hubs', async () => {
    await expect(call('classhub-app://evil/start')).resolves.toMatchObject({ ok: false });
    await expect(call('http://10.0.0.9:4000/')).resolves.toMatchObject({ ok: false });
  });

  it('passes a deliberate service error with its code and message to the page', async () => {
    const answer = await handleIpcCall({
      senderUrl: appPage,
      trustedOrigins,
      args: ['http://10.0.0.9:4000'],
      schema: ipcArgumentSchemas[ipcChannels.hubsConnect],
      run: () => {
        throw new DesktopError('NOT_FOUND', 'No hub answers at 10.0.0.9:4000.');
      },
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No hub answers at 10.0.0.9:4000.' },
    });
  });

  it('hides a system error (ENOENT) behind INTERNAL', async () => {
    const answer = await handleIpcCall({
      senderUrl: appPage,
      trustedOrigins,
      args: [],
      schema: ipcArgumentSchemas[ipcChannels.libraryList],
      run: () => {
        throw Object.assign(new Error('ENOENT: /home/teacher/x'), { code: 'ENOENT' });
      },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

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

describe('unwrapIpcResult', () => {
  it('returns the data of a successful answer', () => {
    expect(unwrapIpcResult({ ok: true, data: 5 })).toBe(5);
  });

  it('throws the code and message of a failed answer', () => {
    const failed = { ok: false, error: { code: 'FORBIDDEN', message: 'No.' } };
    expect(() => unwrapIpcResult(failed)).toThrow(IpcCallError);
    expect(() => unwrapIpcResult(failed)).toThrow('No.');
    try {
      unwrapIpcResult(failed);
    } catch (error) {
      expect((error as IpcCallError).code).toBe('FORBIDDEN');
    }
  });

  it('treats an answer of an unexpected shape as an internal error', () => {
    expect(() => unwrapIpcResult(undefined)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => unwrapIpcResult({ data: 1 })).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
  });
});
