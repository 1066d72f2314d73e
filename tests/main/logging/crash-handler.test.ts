import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installCrashHandlers } from '../../../src-main/logging/crash-handler';
import { createLogger } from '../../../src-server/logger';
import { LogCapture } from '../../support/log-capture';

describe('unexpected errors in the main process', () => {
  it('are logged each time and shown to the person once, and the handlers come off again', () => {
    const fakeProcess = new EventEmitter();
    const logs = new LogCapture();
    const showOnce = vi.fn();
    const uninstall = installCrashHandlers({
      process: fakeProcess,
      log: createLogger('info', logs),
      showOnce,
      logFolder: '/home/teacher/.config/ClassHub/logs',
    });
    fakeProcess.emit('uncaughtException', new Error('disk went away'));
    fakeProcess.emit('unhandledRejection', new Error('socket closed'));
    fakeProcess.emit('uncaughtException', new Error('again'));

    expect(showOnce).toHaveBeenCalledTimes(1);
    expect(showOnce.mock.calls[0]![0]).toMatchObject({
      message: expect.stringMatching(/keeps running/),
      detail: expect.stringMatching(/ClassHub\/logs[\s\S]*disk went away/),
    });
    expect(logs.text()).toMatch(/disk went away/);
    expect(logs.text()).toMatch(/socket closed/);
    expect(logs.text()).toMatch(/again/);

    uninstall();
    expect(fakeProcess.listenerCount('uncaughtException')).toBe(0);
    expect(fakeProcess.listenerCount('unhandledRejection')).toBe(0);
  });
});
