// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NativeNotificationRequest } from '../../../../src-shared/bridge';
import type { Notification } from '../../../../src-shared/schemas/notifications';
import { materialNote } from './note';

vi.mock('../../../../src-renderer/app/hub-client', () => ({ api: { call: vi.fn() } }));

const desktop =
  await import('../../../../src-renderer/features/notifications/desktop-notifications');
const { notificationsStore, receiveNotification } =
  await import('../../../../src-renderer/features/notifications/notifications-store');

/** The `notifications` group of the bridge, recording what main was asked to do. */
function fakeBridge() {
  const shown: NativeNotificationRequest[] = [];
  const badges: number[] = [];
  let open: (link: string) => void = () => undefined;
  return {
    shown,
    badges,
    click: (link: string) => open(link),
    bridge: {
      notifications: {
        show: async (n: NativeNotificationRequest) => void shown.push(n),
        setBadgeCount: async (count: number) => void badges.push(count),
        onOpen: (listener: (link: string) => void) => {
          open = listener;
          return () => (open = () => undefined);
        },
      },
    },
  };
}

const note = materialNote;

describe('desktop notifications', () => {
  let fake: ReturnType<typeof fakeBridge>;
  let live: (n: Notification) => void;
  let user: string | undefined;
  const navigate = vi.fn();

  function start() {
    return desktop.startDesktopNotifications({
      bridge: fake.bridge,
      onNotification: (listener) => {
        live = (n) => {
          receiveNotification(n);
          listener(n);
        };
        return () => (live = () => undefined);
      },
      navigate,
      userId: () => user,
    });
  }

  beforeEach(() => {
    notificationsStore.reset();
    desktop.desktopNotificationPrefs.reset();
    navigate.mockReset();
    fake = fakeBridge();
    user = 'u1';
  });

  it('shows each live notification through the bridge and puts the unread count on the badge', () => {
    start();
    expect(fake.badges).toEqual([0]);
    live(note(1));
    live(note(2));
    expect(fake.shown).toEqual([
      {
        title: 'New material in CS101: Week 1',
        body: 'Algorithms',
        link: '/courses/c1?tab=materials#material-m1',
      },
      {
        title: 'New material in CS101: Week 2',
        body: 'Algorithms',
        link: '/courses/c1?tab=materials#material-m2',
      },
    ]);
    expect(fake.badges.at(-1)).toBe(2);
    notificationsStore.set({ unread: 0 });
    expect(fake.badges.at(-1)).toBe(0);
  });

  it('opens the page of a clicked OS notification, and only app paths', () => {
    start();
    fake.click('/courses/c1');
    fake.click('https://evil.example/');
    fake.click('//evil.example/x');
    expect(navigate.mock.calls).toEqual([['/courses/c1']]);
  });

  it('stays quiet for a person who switched it off, and remembers that in localStorage', () => {
    start();
    live(note(1));
    desktop.setDesktopNotificationsOn('u1', false);
    expect(fake.badges.at(-1)).toBe(0);
    live(note(2));
    expect(fake.shown).toHaveLength(1);
    expect(JSON.parse(localStorage.getItem('classhub.desktop-notifications')!)).toEqual({
      off: ['u1'],
    });
    // Another person on the same computer still gets them.
    user = 'u2';
    live(note(3));
    expect(fake.shown).toHaveLength(2);
    desktop.setDesktopNotificationsOn('u1', true);
    expect(desktop.desktopNotificationsOn('u1')).toBe(true);
  });

  it('clears the badge and stops listening when stopped (sign-out)', () => {
    const stop = start();
    live(note(1));
    stop();
    expect(fake.badges.at(-1)).toBe(0);
    notificationsStore.set({ unread: 5 });
    expect(fake.badges.at(-1)).toBe(0);
    fake.click('/courses/c1');
    expect(navigate).not.toHaveBeenCalled();
  });
});
