import { describe, expect, it } from 'vitest';
import {
  encodeBridgeArguments,
  readAppVersion,
  toBridgePlatform,
} from '../../src-main/bridge-arguments';

describe('bridge arguments', () => {
  it('carry the app version from main to the preload', () => {
    const rendererArgv = [
      '/opt/ClassHub/classhub',
      '--type=renderer',
      ...encodeBridgeArguments({ appVersion: '1.4.2' }),
    ];
    expect(readAppVersion(rendererArgv)).toBe('1.4.2');
  });

  it('fall back to 0.0.0 when the version is missing', () => {
    expect(readAppVersion(['/opt/ClassHub/classhub'])).toBe('0.0.0');
    expect(readAppVersion(['--classhub-app-version='])).toBe('0.0.0');
  });

  it('report the three desktop platforms as they are and other Unixes as linux', () => {
    expect(toBridgePlatform('darwin')).toBe('darwin');
    expect(toBridgePlatform('win32')).toBe('win32');
    expect(toBridgePlatform('linux')).toBe('linux');
    expect(toBridgePlatform('freebsd')).toBe('linux');
  });
});
