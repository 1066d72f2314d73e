import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import { Presence } from '../../../../src-server/domains/chat/presence';

const ana = 'ana' as UserId;
const ben = 'ben' as UserId;

describe('presence', () => {
  it('reports each room once per report, with everyone who came and went', () => {
    const presence = new Presence();
    presence.connected(ana, ['course:1', 'session:9']);
    presence.connected(ben, ['course:1']);
    expect(Object.fromEntries(presence.takeChanges())).toEqual({
      'course:1': { online: [ana, ben], offline: [] },
      'session:9': { online: [ana], offline: [] },
    });
    presence.disconnected(ben, ['course:1']);
    expect(Object.fromEntries(presence.takeChanges())).toEqual({
      'course:1': { online: [], offline: [ben] },
    });
  });

  it('counts a person once however many devices, and only their last device going is news', () => {
    const presence = new Presence();
    presence.connected(ana, ['course:1']);
    presence.connected(ana, ['course:1']);
    presence.takeChanges();
    presence.disconnected(ana, ['course:1']);
    expect(presence.isOnline(ana)).toBe(true);
    expect(presence.takeChanges().size).toBe(0);
    presence.disconnected(ana, ['course:1']);
    expect(presence.isOnline(ana)).toBe(false);
    expect(presence.takeChanges().get('course:1')).toEqual({ online: [], offline: [ana] });
  });

  it('does not report someone who came and went between two reports', () => {
    const presence = new Presence();
    presence.connected(ana, ['course:1']);
    presence.disconnected(ana, ['course:1']);
    expect(presence.takeChanges().size).toBe(0);
  });
});
