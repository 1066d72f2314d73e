import { healthSchema } from '../../src-shared/schemas/health';

export type HubAddressProblem = 'INVALID_ADDRESS' | 'NO_HUB' | 'NOT_A_HUB';

/**
 * Why an address typed by a person cannot be used. `code` is one the IPC
 * layer passes to the page with this message (ipc-result.ts,
 * PAGE_VISIBLE_ERROR_CODES); `problem` says which case it was.
 */
export class HubAddressError extends Error {
  override readonly name = 'HubAddressError';
  readonly code: 'BAD_REQUEST' | 'NOT_FOUND';
  constructor(
    readonly problem: HubAddressProblem,
    message: string,
  ) {
    super(message);
    this.code = problem === 'INVALID_ADDRESS' ? 'BAD_REQUEST' : 'NOT_FOUND';
  }
}

export interface ProbeOptions {
  readonly fetch?: typeof globalThis.fetch;
  /** A hub on the LAN answers in milliseconds; a wrong address may hang until this. Default 4 s. */
  readonly timeoutMs?: number;
}

export interface ProbedHub {
  /** The hub's origin, e.g. http://192.168.1.20:4000 */
  readonly url: string;
  readonly version: string;
}

/**
 * What people type — "192.168.1.20:4000", "hub.school.org", "http://host:4000/"
 * — becomes an origin. A missing scheme means http (a hub on a LAN has no
 * certificate); paths are dropped because a hub lives at the root of its origin.
 */
export function normaliseHubAddress(typed: string): string {
  const text = typed.trim();
  const invalid = () =>
    new HubAddressError(
      'INVALID_ADDRESS',
      `That is not a valid address: “${text}”. Type it like 192.168.1.20:4000 or http://hub.school.org.`,
    );
  if (!text || /\s/.test(text)) throw invalid();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid();
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) throw invalid();
  if (url.username || url.password) throw invalid();
  return url.origin;
}

/**
 * Checks that a ClassHub hub answers at the address: its public health
 * route must say `{ status: 'ok', version }`. Any other web server, a closed
 * port or silence gets a sentence saying which it was.
 */
export async function probeHub(typed: string, options: ProbeOptions = {}): Promise<ProbedHub> {
  const url = normaliseHubAddress(typed);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 4000;
  let response: Response;
  try {
    response = await fetchImpl(`${url}/api/health`, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new HubAddressError(
      'NO_HUB',
      timedOut
        ? `No ClassHub hub answers at ${url}: nothing replied within ${Math.round(timeoutMs / 1000)} s. Check the address, and that this computer is on the same network as the hub.`
        : `No ClassHub hub answers at ${url}: nothing is listening there. Check the address, and that the hub is running.`,
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  const health = response.ok ? healthSchema.safeParse(body) : undefined;
  if (!health?.success)
    throw new HubAddressError(
      'NOT_A_HUB',
      `No ClassHub hub answers at ${url}: something else is running there. Check the address and port.`,
    );
  return { url, version: health.data.version };
}
