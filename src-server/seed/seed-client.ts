import { api, buildPath, type RouteName, type RouteResponse } from '../../src-shared/api';

export interface CallOptions {
  params?: Record<string, string>;
  body?: unknown;
  token?: string;
}

export type SeedCall = <N extends RouteName>(
  name: N,
  options?: CallOptions,
) => Promise<RouteResponse<N>>;

/** A small client for the seed: calls routes of the shared table and fails loudly on any error. */
export function seedClient(baseUrl: string): {
  call: SeedCall;
  upload: (token: string, fileName: string, content: string | Uint8Array) => Promise<string>;
} {
  const call: SeedCall = async (name, options = {}) => {
    const route = api[name];
    const response = await fetch(new URL(buildPath(route.path, options.params), baseUrl), {
      method: route.method.toUpperCase(),
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body ? { body: JSON.stringify(options.body) } : {}),
    });
    const body: unknown = response.status === 204 ? undefined : await response.json();
    if (!response.ok)
      throw new Error(`${name} failed (${response.status}): ${JSON.stringify(body)}`);
    return body as RouteResponse<typeof name>;
  };
  const upload = async (token: string, fileName: string, content: string | Uint8Array) => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([typeof content === 'string' ? content : new Uint8Array(content)]),
      fileName,
    );
    const response = await fetch(new URL('/api/uploads', baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = (await response.json()) as { id: string };
    if (!response.ok)
      throw new Error(`upload failed (${response.status}): ${JSON.stringify(body)}`);
    return body.id;
  };
  return { call, upload };
}
