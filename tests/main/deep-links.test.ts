import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from '../../src-main/deep-links';

describe('parseDeepLink', () => {
  it('opens the join form of the hub with the token, normalised', () => {
    expect(parseDeepLink('classhub://join/192.168.1.20:4000/abc-def-ghj')).toEqual({
      kind: 'join',
      hubUrl: 'http://192.168.1.20:4000',
      token: 'ABCDEFGHJ',
      appPath: '/sessions?join=ABCDEFGHJ',
    });
  });

  it('accepts a host name without a port and a trailing slash', () => {
    expect(parseDeepLink('classhub://join/teacher-laptop.local/ABCDEFGHJ/')?.hubUrl).toBe(
      'http://teacher-laptop.local',
    );
  });

  it('accepts an IPv6 hub', () => {
    expect(parseDeepLink('classhub://join/[fe80::1]:4000/ABCDEFGHJ')?.hubUrl).toBe(
      'http://[fe80::1]:4000',
    );
  });

  it.each([
    ['another action', 'classhub://open/192.168.1.20:4000/ABCDEFGHJ'],
    ['another scheme', 'https://join/192.168.1.20:4000/ABCDEFGHJ'],
    ['a missing token', 'classhub://join/192.168.1.20:4000'],
    ['a short token', 'classhub://join/192.168.1.20:4000/ABCDEFGH'],
    ['a long token', 'classhub://join/192.168.1.20:4000/ABCDEFGHJK'],
    ['look-alike letters', 'classhub://join/192.168.1.20:4000/ABCDEFGH0'],
    ['letter I', 'classhub://join/192.168.1.20:4000/ABCDEFGHI'],
    ['a query', 'classhub://join/192.168.1.20:4000/ABCDEFGHJ?next=https://evil'],
    ['a user name in the hub', 'classhub://join/user@evil.example/ABCDEFGHJ'],
    ['a port out of range', 'classhub://join/192.168.1.20:70000/ABCDEFGHJ'],
    ['a port of zero', 'classhub://join/192.168.1.20:0/ABCDEFGHJ'],
    ['a bad IPv4', 'classhub://join/300.1.1.1/ABCDEFGHJ'],
    ['a path segment too many', 'classhub://join/hub/extra/ABCDEFGHJ'],
    ['an encoded slash', 'classhub://join/evil.example%2F@x/ABCDEFGHJ'],
    ['a label starting with a dash', 'classhub://join/-evil.example/ABCDEFGHJ'],
    ['an overlong link', `classhub://join/${'a'.repeat(600)}/ABCDEFGHJ`],
    ['spaces', 'classhub://join/192.168.1.20 /ABCDEFGHJ'],
  ])('refuses %s', (_name, link) => {
    expect(parseDeepLink(link)).toBeUndefined();
  });
});

describe('findDeepLink', () => {
  it('finds the link among the arguments Windows and Linux pass', () => {
    const argv = ['/opt/ClassHub/classhub', '--flag', 'classhub://join/10.0.0.2:4000/ABCDEFGHJ'];
    expect(findDeepLink(argv)?.hubUrl).toBe('http://10.0.0.2:4000');
  });

  it('ignores invalid links and other arguments', () => {
    expect(
      findDeepLink(['classhub', 'classhub://join/x/bad', '--hub-url=http://a']),
    ).toBeUndefined();
  });
});
