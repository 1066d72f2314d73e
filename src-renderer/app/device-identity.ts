import {
  clientHelloSchema,
  type ClientHello,
  type DeviceId,
} from '../../src-shared/schemas/devices';
import { desktopBridge } from '../desktop';

const KEY = 'classhub.deviceId';
const VALID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * What this connection tells the hub it is, at every handshake: the desktop
 * app (with its version) or a browser, and a device id kept in this
 * profile's local storage, so the teacher's device board shows one row per
 * device, not per tab or per sign-in.
 */
export function clientHello(): ClientHello {
  const bridge = desktopBridge();
  const deviceId = deviceIdOf(storage());
  const hello: ClientHello = bridge
    ? { kind: 'desktop', deviceId, version: bridge.appVersion, platform: bridge.platform }
    : { kind: 'browser', deviceId, ...browserPlatform() };
  // The hub refuses a malformed description; an odd version string must never cost the connection.
  return clientHelloSchema.safeParse(hello).success ? hello : { kind: hello.kind, deviceId };
}

/** The stored id, or a new random one stored for next time (kept in memory if storage is refused). */
export function deviceIdOf(store: Pick<Storage, 'getItem' | 'setItem'> | undefined): DeviceId {
  const saved = safely(() => store?.getItem(KEY));
  if (saved && VALID.test(saved)) return saved as DeviceId;
  const fresh = randomId();
  safely(() => store?.setItem(KEY, fresh));
  memory ??= fresh;
  return (store ? fresh : memory) as DeviceId;
}

let memory: string | undefined;

function randomId(): string {
  // getRandomValues works on a plain-http LAN hub, where randomUUID (secure contexts only) does not.
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `d-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function storage(): Storage | undefined {
  return safely(() => (typeof localStorage === 'undefined' ? undefined : localStorage));
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** A word a teacher recognises (Android, iPhone, Windows …), never the whole user agent. */
function browserPlatform(): { platform?: string } {
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const known: [RegExp, string][] = [
    [/Android/i, 'Android'],
    [/iPhone/i, 'iPhone'],
    [/iPad/i, 'iPad'],
    [/CrOS/i, 'ChromeOS'],
    [/Windows/i, 'Windows'],
    [/Mac OS X|Macintosh/i, 'Mac'],
    [/Linux/i, 'Linux'],
  ];
  const found = known.find(([pattern]) => pattern.test(agent));
  return found ? { platform: found[1] } : {};
}
