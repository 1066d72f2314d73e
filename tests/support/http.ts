import { api, buildPath, type RouteName } from '../../src-shared/api';

// Tests assert on bodies of every shape, success and error alike; `any` keeps those assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Reply<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  token?: string;
}

/**
 * Calls a route of the shared table over real HTTP and returns status, JSON
 * body and headers, so a test asserts exactly what a client would see.
 */
export async function call(
  baseUrl: string,
  name: RouteName,
  options: CallOptions = {},
): Promise<Reply> {
  const route = api[name];
  const url = new URL(buildPath(route.path, options.params), baseUrl);
  for (const [key, value] of Object.entries(options.query ?? {}))
    url.searchParams.set(key, String(value));
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: route.method.toUpperCase(),
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  if (response.headers.get('content-type')?.includes('application/json') && text)
    body = JSON.parse(text);
  return { status: response.status, body, headers: response.headers };
}

/** Raw request for the cases the table cannot express: malformed JSON, wrong content types, unknown paths. */
export async function raw(baseUrl: string, path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(new URL(path, baseUrl), init);
  const text = await response.text();
  let body: unknown = text;
  if (response.headers.get('content-type')?.includes('application/json') && text)
    body = JSON.parse(text);
  return { status: response.status, body, headers: response.headers };
}
