import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import { Presence, diffsByRoom } from '../../../../src-server/domains/chat/presence';

const ana = 'ana' as UserId;
const ben = 'ben' as UserId;

describe('presence', () => {
  it('reports each room once per report, with everyone who came and went', () => {
    const presence = new Presence();
    presence.connected(ana, ['course:1', 'session:9']);
    presence.connected(ben, ['course:1']);
    expect(Object.fromEntries(diffsByRoom(presence.takeNews()))).toEqual({
      'course:1': { online: [ana, ben], offline: [] },
      'session:9': { online: [ana], offline: [] },
    });
    presence.disconnected(ben, ['course:1']);
    expect(Object.fromEntries(diffsByRoom(presence.takeNews()))).toEqual({
      'course:1': { online: [], offline: [ben] },
    });
  });

  it('counts a person once however many devices, and only their last device going is news', () => {
    const presence = new Presence();
    presence.connected(ana, ['course:1']);
    presence.connected(ana, ['course:1']);
    presence.takeNews();
    presence.disconnected(ana, ['course:1']);
    expect(presence.isOnline(ana)).toBe(true);
    expect(diffsByRoom(presence.takeNews()).size).toBe(0);
    presence.disconnected(ana, ['course:1']);
    expect(presence.isOnline(ana)).toBe(false);
    expect(diffsByRoom(presence.takeNews()).get('course:1')).toEqual({
      online: [],
      offline: [ana],
    });
  });

  it('does not report someone who came and went between two reports', () => {
    const presence = new Presence();
    presence.connected(ana, ['course:1']);
    presence.disconnected(ana, ['course:1']);
    expect(diffsByRoom(presence.takeNews()).size).toBe(0);
  });
});

describe('presence across hub nodes', () => {
  const remote = (count: number, audience = ['course:1']) => ({ count, audience });

  it('keeps a person online while another node holds a connection of theirs', () => {
    const presence = new Presence();
    presence.setRemote('node-b', ana, remote(1), false);
    presence.connected(ana, ['course:1']);
    presence.disconnected(ana, ['course:1']);
    expect(presence.isOnline(ana)).toBe(true);
    expect(diffsByRoom(presence.takeNews()).size).toBe(0);
    expect(presence.local(ana)).toBeUndefined();
  });

  it('reports a dead node’s people offline once, from the reporting node, unless connected here', () => {
    const reporter = new Presence();
    const other = new Presence();
    for (const presence of [reporter, other]) {
      presence.replaceNode(
        'node-b',
        new Map([
          [ana, remote(2)],
          [ben, remote(1)],
        ]),
        false,
      );
      presence.connected(ben, ['course:1']);
      presence.takeNews();
    }
    reporter.dropNode('node-b', true);
    other.dropNode('node-b', false);
    expect(Object.fromEntries(diffsByRoom(reporter.takeNews()))).toEqual({
      'course:1': { online: [], offline: [ana] },
    });
    expect(diffsByRoom(other.takeNews()).size).toBe(0);
    expect(other.isOnline(ana)).toBe(false);
    expect(other.isOnline(ben)).toBe(true);
  });

  it('reports a leaving node’s person offline even if it heard of her arrival within the same report', () => {
    // Node B reported Ana arriving itself; this node (the reporter) heard of it, then B left,
    // all before its own next report. Only this node can now tell the room she is gone.
    const reporter = new Presence();
    reporter.setRemote('node-b', ana, remote(1), true);
    reporter.dropNode('node-b', true);
    expect(Object.fromEntries(diffsByRoom(reporter.takeNews()))).toEqual({
      'course:1': { online: [], offline: [ana] },
    });
  });

  it('lets the reporting node report a change both nodes missed: two last devices closing at once', () => {
    const presence = new Presence();
    presence.connected(ana, ['course:1']);
    presence.setRemote('node-b', ana, remote(1), true);
    presence.takeNews();
    presence.disconnected(ana, ['course:1']);
    // This node's report runs before node B's news arrives: Ana still looks online.
    expect(diffsByRoom(presence.takeNews()).size).toBe(0);
    presence.setRemote('node-b', ana, undefined, true);
    expect(Object.fromEntries(diffsByRoom(presence.takeNews()))).toEqual({
      'course:1': { online: [], offline: [ana] },
    });
  });

  it('says whether a person is connected on another node (receipts are relayed only then)', () => {
    const presence = new Presence();
    presence.connected(ana, ['course:1']);
    expect(presence.onOtherNodes(ana)).toBe(false);
    presence.setRemote('node-b', ana, remote(1), false);
    expect(presence.onOtherNodes(ana)).toBe(true);
    presence.setRemote('node-b', ana, undefined, false);
    expect(presence.onOtherNodes(ana)).toBe(false);
    expect(presence.isOnline(ana)).toBe(true);
  });
});
