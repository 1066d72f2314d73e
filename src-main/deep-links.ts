import { JOIN_TOKEN_ALPHABET, JOIN_TOKEN_LENGTH } from '../src-shared/schemas/sessions';

/**
 * Deep links: `classhub://join/<hub>/<token>` opens the app on the hub and
 * the session join form with the token filled in. A link is text from
 * anywhere (a web page, a chat), so it is parsed strictly and only ever
 * produces an http hub origin plus a fixed app path — never a URL it copied.
 *
 * `<hub>` is host[:port]: a DNS name, an IPv4 address, or `[IPv6]`.
 * `<token>` is a join token in any case, with or without dashes
 * (src-shared/schemas/sessions.ts: 9 symbols of a 31-letter alphabet).
 */
export const DEEP_LINK_SCHEME = 'classhub';

export interface JoinDeepLink {
  kind: 'join';
  /** Origin of the hub, e.g. http://192.168.1.20:4000 */
  hubUrl: string;
  /** The token, normalised: upper case, no dashes. */
  token: string;
  /** Where the renderer shows the join form filled in (SessionsPage reads `join`). */
  appPath: string;
}

const MAX_LINK_LENGTH = 512;
const DNS_LABEL = '(?!-)[A-Za-z0-9-]{1,63}(?<!-)';
const HOST_NAME = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*$`);
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^\[[0-9A-Fa-f:.]{2,45}\]$/;
const TOKEN = new RegExp(`^[${JOIN_TOKEN_ALPHABET}]{${JOIN_TOKEN_LENGTH}}$`);

/** The app path of the join form with a token; SessionsPage fills the form from `?join=`. */
export function joinAppPath(token: string): string {
  return `/sessions?join=${encodeURIComponent(token)}`;
}

/** Parses `host[:port]` into an http origin, or undefined. */
function hubOrigin(hub: string): string | undefined {
  const match = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(hub);
  if (!match) return undefined;
  const [, host = '', port] = match;
  if (!HOST_NAME.test(host) && !IPV4.test(host) && !IPV6.test(host)) return undefined;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return undefined;
  const candidate = `http://${host}${port === undefined ? '' : `:${port}`}`;
  // Let the WHATWG parser have the last word (it rejects e.g. a malformed IPv6).
  return URL.canParse(candidate) ? new URL(candidate).origin : undefined;
}

/** A deep link, or undefined for anything that is not exactly a valid join link. */
export function parseDeepLink(link: string): JoinDeepLink | undefined {
  if (link.length > MAX_LINK_LENGTH) return undefined;
  const match = /^classhub:\/\/join\/([^/?#\s]+)\/([^/?#\s]+)\/?$/i.exec(link);
  if (!match) return undefined;
  const [, hub = '', rawToken = ''] = match;
  const hubUrl = hubOrigin(hub);
  const token = rawToken.toUpperCase().replace(/-/g, '');
  if (!hubUrl || !TOKEN.test(token)) return undefined;
  return { kind: 'join', hubUrl, token, appPath: joinAppPath(token) };
}

/**
 * The deep link among command-line arguments: Windows and Linux start the
 * app (or hand the second instance) `classhub://…` as an argument; macOS
 * sends `open-url` instead. Only the last valid one counts.
 */
export function findDeepLink(argv: readonly string[]): JoinDeepLink | undefined {
  let found: JoinDeepLink | undefined;
  for (const argument of argv) {
    if (argument.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) {
      found = parseDeepLink(argument) ?? found;
    }
  }
  return found;
}
