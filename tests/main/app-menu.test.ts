import { describe, expect, it } from 'vitest';
import { buildAppMenuTemplate, menuActions, type MenuItemTemplate } from '../../src-main/app-menu';

function roles(template: readonly MenuItemTemplate[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...roles(item.submenu ?? []),
  ]);
}

const build = (platform: 'darwin' | 'win32' | 'linux', isPackaged = true) =>
  buildAppMenuTemplate({ platform, appName: 'ClassHub', isPackaged });

describe('buildAppMenuTemplate', () => {
  it.each(['darwin', 'win32', 'linux'] as const)(
    'has the usual edit and view shortcuts on %s',
    (platform) => {
      const all = roles(build(platform));
      for (const role of [
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'reload',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
        'minimize',
      ]) {
        expect(all).toContain(role);
      }
    },
  );

  it('puts the app menu (about, hide, quit) first on macOS only', () => {
    expect(build('darwin')[0]?.label).toBe('ClassHub');
    expect(roles([build('darwin')[0]!])).toEqual(
      expect.arrayContaining(['about', 'hide', 'hideOthers', 'quit']),
    );
    expect(build('win32')[0]?.label).toBe('&File');
    expect(roles(build('win32'))).not.toContain('hide');
  });

  it('quits from File on Windows and Linux, and closes the window there on macOS', () => {
    const fileRoles = (platform: 'darwin' | 'linux') =>
      roles([build(platform).find((m) => /File/.test(m.label ?? ''))!]);
    expect(fileRoles('linux')).toContain('quit');
    expect(fileRoles('darwin')).toContain('close');
    expect(fileRoles('darwin')).not.toContain('quit');
  });

  it('offers developer tools only in development', () => {
    expect(roles(build('linux', true))).not.toContain('toggleDevTools');
    expect(roles(build('linux', false))).toContain('toggleDevTools');
  });

  it('reaches the start screen and the offline library with shortcuts', () => {
    const items = build('win32').flatMap((menu) => menu.submenu ?? []);
    expect(menuActions(build('win32'))).toEqual(['open-start', 'open-library']);
    for (const item of items.filter((entry) => entry.action))
      expect(item.accelerator).toMatch(/^CmdOrCtrl\+/);
  });
});
