import { describe, expect, it } from 'vitest';
import { LOCAL_SHELL_ORIGIN } from '../../src-main/local-shell';
import {
  appOriginOf,
  buildContentSecurityPolicy,
  buildInlineFilePolicy,
  buildLocalShellPolicy,
  isAllowedNavigation,
  isAllowedPageNavigation,
  isInlineFileResponse,
  isPermissionGranted,
  isSafeExternalUrl,
  isTrustedSender,
  withContentSecurityPolicy,
} from '../../src-main/security';

const appOrigin = 'http://127.0.0.1:4000';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  it('lets scripts come only from the page itself, never inline or eval', () => {
    const scripts = directives(buildContentSecurityPolicy(appOrigin)).get('script-src');
    expect(scripts).toEqual(["'self'"]);
  });

  it('lets the page talk to the hub over HTTP and over the Socket.IO websocket', () => {
    const connect = directives(buildContentSecurityPolicy(appOrigin)).get('connect-src');
    expect(connect).toEqual(["'self'", 'http://127.0.0.1:4000', 'ws://127.0.0.1:4000']);
  });

  it('uses a secure websocket for a hub served over https', () => {
    const connect = directives(buildContentSecurityPolicy('https://hub.school.example')).get(
      'connect-src',
    );
    expect(connect).toContain('wss://hub.school.example');
  });

  it('reduces a full hub URL to its origin', () => {
    const connect = directives(buildContentSecurityPolicy('http://10.0.0.5:4000/courses/1')).get(
      'connect-src',
    );
    expect(connect).toContain('http://10.0.0.5:4000');
    expect(connect?.some((source) => source.includes('/courses'))).toBe(false);
  });

  it('forbids plugins, framing by other sites and foreign form targets', () => {
    const policy = directives(buildContentSecurityPolicy(appOrigin));
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('refuses an origin that is not http or https', () => {
    expect(() => buildContentSecurityPolicy('file:///etc')).toThrow(/http\(s\)/);
    expect(() => buildContentSecurityPolicy('not a url')).toThrow();
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy and keeps the other headers', () => {
    const headers = withContentSecurityPolicy(
      { 'Content-Type': ['text/html'] },
      "default-src 'self'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });

  it('keeps a policy the hub sent, whatever its case, so both are enforced', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ["img-src 'none'"] },
      "default-src 'self'",
    );
    expect(headers).toEqual({
      'Content-Security-Policy': ["img-src 'none'", "default-src 'self'"],
    });
  });
});

describe('isAllowedNavigation', () => {
  it('allows any page of the app origin', () => {
    expect(isAllowedNavigation('http://127.0.0.1:4000/courses/7?tab=chat#top', appOrigin)).toBe(
      true,
    );
  });

  it.each([
    ['another port', 'http://127.0.0.1:4001/'],
    ['another host', 'http://localhost:4000/'],
    ['another scheme', 'https://127.0.0.1:4000/'],
    ['a website', 'https://example.org/'],
    ['a local file', 'file:///etc/passwd'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['javascript', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, target) => {
    expect(isAllowedNavigation(target, appOrigin)).toBe(false);
  });
});

describe('previews of hub files', () => {
  it('lets a file shown inline be framed by the hub’s pages only, sandboxed, loading nothing', () => {
    const policy = directives(buildInlineFilePolicy());
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.has('sandbox')).toBe(true);
  });

  it('tells an inline file from a download and from a page by Content-Disposition', () => {
    expect(isInlineFileResponse({ 'content-disposition': ['inline; filename=a.pdf'] })).toBe(true);
    expect(isInlineFileResponse({ 'Content-Disposition': 'inline' })).toBe(true);
    expect(isInlineFileResponse({ 'content-disposition': ['attachment; filename=a.pdf'] })).toBe(
      false,
    );
    expect(isInlineFileResponse({ 'content-type': ['text/html'] })).toBe(false);
  });

  it('never lets the window itself navigate to a hub file, only a frame inside the page', () => {
    const file = `${appOrigin}/api/materials/7/file?ticket=x&inline=1`;
    expect(isAllowedNavigation(file, appOrigin)).toBe(true); // the preview frame
    expect(isAllowedPageNavigation(file, appOrigin)).toBe(false); // the window
    expect(isAllowedPageNavigation(`${appOrigin}/API/docs`, appOrigin)).toBe(false);
    expect(isAllowedPageNavigation(`${appOrigin}/courses/7`, appOrigin)).toBe(true);
    expect(isAllowedPageNavigation(`${appOrigin}/apiary`, appOrigin)).toBe(true);
    expect(isAllowedPageNavigation('https://example.org/api/x', appOrigin)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://example.org/page', 'http://192.168.1.20:8080/x'])(
    'accepts the web link %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'mailto:someone@example.org',
    'smb://server/share',
    'ms-settings:',
    'https://user:secret@example.org/',
    'https://',
    '',
    '/relative/path',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts a frame that shows a page of the app origin', () => {
    expect(isTrustedSender('http://127.0.0.1:4000/courses', appOrigin)).toBe(true);
  });

  it('distrusts frames from elsewhere, blank frames and unknown senders', () => {
    expect(isTrustedSender('https://evil.example/', appOrigin)).toBe(false);
    expect(isTrustedSender('about:blank', appOrigin)).toBe(false);
    expect(isTrustedSender('', appOrigin)).toBe(false);
    expect(isTrustedSender(undefined, appOrigin)).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it('lets the app copy to the clipboard and show videos full screen', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', appOrigin, appOrigin)).toBe(true);
    expect(isPermissionGranted('fullscreen', `${appOrigin}/materials/3`, appOrigin)).toBe(true);
  });

  it('denies everything else, such as camera, location and notifications', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      expect(isPermissionGranted(permission, appOrigin, appOrigin)).toBe(false);
    }
  });

  it('denies even listed permissions to pages of another origin', () => {
    expect(isPermissionGranted('fullscreen', 'https://example.org', appOrigin)).toBe(false);
  });
});

describe('the local shell and the connected hub', () => {
  const trusted = [LOCAL_SHELL_ORIGIN, appOrigin];

  it('allows navigation between the local shell and the connected hub only', () => {
    expect(isAllowedNavigation('classhub-app://local/library', trusted)).toBe(true);
    expect(isAllowedNavigation(`${appOrigin}/home`, trusted)).toBe(true);
    expect(isAllowedNavigation('http://10.0.0.9:4000/', trusted)).toBe(false);
    expect(isAllowedNavigation('classhub-app://other/start', trusted)).toBe(false);
    expect(isAllowedNavigation('classhub://join/10.0.0.9:4000/ABCDEFGHJ', trusted)).toBe(false);
  });

  it('trusts only the local shell once the hub is left', () => {
    expect(isTrustedSender(`${appOrigin}/home`, [LOCAL_SHELL_ORIGIN])).toBe(false);
    expect(isTrustedSender('classhub-app://local/start', [LOCAL_SHELL_ORIGIN])).toBe(true);
  });

  it('gives the local shell the same permissions as the app, and no more', () => {
    expect(isPermissionGranted('fullscreen', 'classhub-app://local/', trusted)).toBe(true);
    expect(isPermissionGranted('media', 'classhub-app://local/', trusted)).toBe(false);
  });

  it('names the local shell origin, and no other host of its scheme', () => {
    expect(appOriginOf('classhub-app://local/start?x=1')).toBe(LOCAL_SHELL_ORIGIN);
    expect(appOriginOf('classhub-app://evil/')).toBeUndefined();
    expect(appOriginOf('https://hub.example/x')).toBe('https://hub.example');
  });

  it('lets local shell pages load only their own files', () => {
    const policy = directives(buildLocalShellPolicy());
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });
});
