import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../src-main/ipc-channels';
import { DesktopError, IpcCallError, unwrapIpcResult } from '../../src-main/ipc-result';
import {
  MAX_EXTERNAL_URL_LENGTH,
  handleIpcCall,
  ipcArgumentSchemas,
} from '../../src-main/ipc-validation';
import { LOCAL_SHELL_ORIGIN } from '../../src-main/local-shell';

const appOrigin = 'http://127.0.0.1:4000';
const openExternalSchema = ipcArgumentSchemas[ipcChannels.openExternal];

const appPage = `${appOrigin}/courses`;

function openExternalCall(args: unknown[], senderUrl: string | undefined = appPage) {
  const run = vi.fn((_args: [string], _scope: unknown) => 'opened');
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
  it('runs the handler with the parsed arguments and the page’s hub scope', async () => {
    const { result, run } = openExternalCall(['https://example.org/help']);
    await expect(result).resolves.toEqual({ ok: true, data: 'opened' });
    expect(run).toHaveBeenCalledWith(['https://example.org/help'], {
      kind: 'hub',
      origin: appOrigin,
    });
  });

  it('gives the app’s own local shell the scope of every hub', async () => {
    const run = vi.fn(() => 'opened');
    await handleIpcCall({
      senderUrl: `${LOCAL_SHELL_ORIGIN}/library`,
      trustedOrigins: [LOCAL_SHELL_ORIGIN, appOrigin],
      args: ['https://example.org/'],
      schema: openExternalSchema,
      run,
    });
    expect(run).toHaveBeenCalledWith(['https://example.org/'], { kind: 'all' });
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
