import { describe, expect, it, vi } from 'vitest';
import {
  createNotificationRouter,
  isAppLink,
} from '../../../src-main/notifications/notification-router';
import type { NativeNotificationRequest } from '../../../src-shared/bridge';

function setup(focused = false, enabled = true) {
  const shown: { notification: NativeNotificationRequest; click: () => void }[] = [];
  const deps = {
    isWindowFocused: vi.fn(() => focused),
    showNative: vi.fn((notification: NativeNotificationRequest, click: () => void) => {
      shown.push({ notification, click });
    }),
    focusWindow: vi.fn(),
    navigate: vi.fn(),
    setBadge: vi.fn(),
    isEnabled: () => enabled,
  };
  return { router: createNotificationRouter(deps), deps, shown };
}

const graded = { title: 'Lab report graded', body: '18 / 20', link: '/courses/c1/deadlines/d1' };

describe('native notifications', () => {
  it('are shown only while the window is not focused', async () => {
    const focused = setup(true);
    await focused.router.show(graded);
    expect(focused.deps.showNative).not.toHaveBeenCalled();

    const away = setup(false);
    await away.router.show(graded);
    expect(away.shown.map((s) => s.notification)).toEqual([graded]);
  });

  it('respect the per-user setting', async () => {
    const { router, deps } = setup(false, false);
    await router.show(graded);
    expect(deps.showNative).not.toHaveBeenCalled();
  });

  it('focus the window and open the linked page when clicked', async () => {
    const { router, deps, shown } = setup();
    const opened: string[] = [];
    router.onOpen((link) => opened.push(link));
    await router.show(graded);
    shown[0]!.click();
    expect(deps.focusWindow).toHaveBeenCalledOnce();
    expect(deps.navigate).toHaveBeenCalledWith(graded.link);
    expect(opened).toEqual([graded.link]);
  });

  it('keep a click that came before the page listened, and hand it to the first listener once', async () => {
    const { router, shown } = setup();
    await router.show(graded);
    shown[0]!.click();
    const first: string[] = [];
    const second: string[] = [];
    router.onOpen((link) => first.push(link));
    router.onOpen((link) => second.push(link));
    expect(first).toEqual([graded.link]);
    expect(second).toEqual([]);
  });

  it('stop telling a listener that unsubscribed', async () => {
    const { router, shown } = setup();
    const opened: string[] = [];
    const unsubscribe = router.onOpen((link) => opened.push(link));
    unsubscribe();
    await router.show(graded);
    shown[0]!.click();
    expect(opened).toEqual([]);
  });

  it('open the home page instead of a link that leaves the app', async () => {
    const { router, shown } = setup();
    for (const link of ['https://evil.test/', '//evil.test/x', 'javascript:alert(1)', 'courses'])
      await router.show({ ...graded, link });
    expect(shown.map((s) => s.notification.link)).toEqual(['/', '/', '/', '/']);
  });
});

describe('app links', () => {
  it('accept app paths and refuse everything else', () => {
    for (const good of ['/', '/courses/c1', '/sessions/s1?post=p1#c2', '/chat/dm:a:b'])
      expect(isAppLink(good), good).toBe(true);
    for (const bad of [
      '',
      'courses',
      '//evil.test',
      '/\\evil.test',
      '/a//b',
      'http://x/',
      '/javascript:alert(1)',
      '/a\nb',
    ])
      expect(isAppLink(bad), bad).toBe(false);
  });
});

describe('the dock badge', () => {
  it('shows the unread count, never below zero', async () => {
    const { router, deps } = setup();
    await router.setBadgeCount(3);
    await router.setBadgeCount(-2);
    await router.setBadgeCount(Number.NaN);
    expect(deps.setBadge.mock.calls.map((c) => c[0])).toEqual([3, 0, 0]);
  });
});
