import { describe, expect, it } from 'vitest';
import { DesktopOptionsError, resolveDesktopOptions } from '../../src-main/options';

const electronArgv = ['/usr/lib/classhub/classhub', '.'];

describe('resolveDesktopOptions', () => {
  it('names no hub when nothing is given, so startup.ts decides', () => {
    expect(resolveDesktopOptions(electronArgv, {}).hubUrl).toBeUndefined();
  });

  it('takes the hub URL from CLASSHUB_HUB_URL', () => {
    const options = resolveDesktopOptions(electronArgv, {
      CLASSHUB_HUB_URL: 'http://192.168.1.20:4000',
    });
    expect(options.hubUrl).toBe('http://192.168.1.20:4000/');
  });

  it('prefers --hub-url over the environment, in both flag spellings', () => {
    const env = { CLASSHUB_HUB_URL: 'http://192.168.1.20:4000' };
    expect(
      resolveDesktopOptions([...electronArgv, '--hub-url', 'http://10.0.0.2:4000'], env).hubUrl,
    ).toBe('http://10.0.0.2:4000/');
    expect(
      resolveDesktopOptions([...electronArgv, '--hub-url=https://hub.example'], env).hubUrl,
    ).toBe('https://hub.example/');
  });

  it('treats an empty CLASSHUB_HUB_URL as unset', () => {
    expect(resolveDesktopOptions(electronArgv, { CLASSHUB_HUB_URL: '' }).hubUrl).toBeUndefined();
  });

  it.each(['file:///home/teacher/index.html', 'javascript:alert(1)', '192.168.1.20:4000', 'hub'])(
    'refuses %j with a message that names the value',
    (value) => {
      expect(() => resolveDesktopOptions([...electronArgv, `--hub-url=${value}`], {})).toThrow(
        DesktopOptionsError,
      );
      expect(() => resolveDesktopOptions([...electronArgv, `--hub-url=${value}`], {})).toThrow(
        value,
      );
    },
  );

  it('takes another user-data folder from --user-data or CLASSHUB_USER_DATA, made absolute', () => {
    expect(resolveDesktopOptions([...electronArgv, '--user-data=/tmp/p1'], {}).userDataDir).toBe(
      '/tmp/p1',
    );
    expect(resolveDesktopOptions(electronArgv, { CLASSHUB_USER_DATA: '/tmp/p2' }).userDataDir).toBe(
      '/tmp/p2',
    );
    expect(resolveDesktopOptions(electronArgv, {}).userDataDir).toBeUndefined();
  });
});
