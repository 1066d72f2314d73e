import type { z } from 'zod';
import {
  api,
  buildPath,
  type RouteBody,
  type RouteDef,
  type RouteName,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
} from '../../src-shared/api';
import { ApiError } from './api-error';
import {
  createTokenRefresher,
  type CrossTabLock,
  type TokenRefresher,
  type TokenSource,
} from './token-refresher';

/** A slot the route has is required (query: optional, it has defaults); one it lacks is absent. */
type Slot<K extends string, T, Optional = false> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : Optional extends true
    ? { [P in K]?: T }
    : { [P in K]: T };

export type CallArgs<N extends RouteName> = Slot<'params', RouteParams<N>> &
  Slot<'query', RouteQuery<N>, true> &
  Slot<'body', RouteBody<N>> & {
    /** For upload routes (multipart): the file. */
    file?: Blob;
    signal?: AbortSignal;
  };

/** Routes with params or a body need the args object; the rest may leave it out. */
type ArgsTuple<N extends RouteName> = [RouteParams<N>] extends [undefined]
  ? [RouteBody<N>] extends [undefined]
    ? [args?: CallArgs<N>]
    : [args: CallArgs<N>]
  : [args: CallArgs<N>];

export interface RestClient {
  /** Calls a route of the shared table; resolves with its validated response, rejects with ApiError. */
  call<N extends RouteName>(name: N, ...args: ArgsTuple<N>): Promise<RouteResponse<N>>;
  /** The address of a route, for <img src> and links (public file routes such as avatars). */
  url<N extends RouteName>(name: N, params?: RouteParams<N>): string;
  /** The client's single-flight token refresh, for the socket client to share. */
  readonly refresher: TokenRefresher;
}

export interface RestClientOptions {
  /** The hub's origin; '' means the page's own origin (the hub serves the app). */
  baseUrl?: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  lock?: CrossTabLock;
}

/**
 * The one REST client: request and response types come from the route
 * table's zod schemas, every failure becomes an ApiError, an expired access
 * token is refreshed once (single-flight) and the call retried, and a
 * revoked sign-in signs the person out.
 */
export function createRestClient(options: RestClientOptions): RestClient {
  const baseUrl = options.baseUrl ?? '';
  const { tokens } = options;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  const refresher = createTokenRefresher({
    tokens,
    refresh: (refreshToken) => send('refresh', { body: { refreshToken } }, undefined),
    ...(options.lock ? { lock: options.lock } : {}),
  });

  async function send<N extends RouteName>(
    name: N,
    args: CallArgs<N>,
    accessToken: string | undefined,
  ): Promise<RouteResponse<N>> {
    const route = api[name] as RouteDef;
    if (route.response === 'file') {
      throw new Error(`${name} answers a file: use url() for links and images.`);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    let body: BodyInit | undefined;
    if (route.upload) {
      if (!args.file) throw new Error(`${name} needs a file.`);
      const form = new FormData();
      form.append(route.upload.field, args.file);
      body = form;
    } else if (args.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(args.body);
    }
    let response: Response;
    try {
      response = await doFetch(urlOf(route, args.params, args.query), {
        method: route.method.toUpperCase(),
        headers,
        body: body ?? null,
        signal: args.signal ?? null,
      });
    } catch (error) {
      if (args.signal?.aborted) throw error;
      throw new ApiError('NETWORK', 'The hub could not be reached.', { cause: error });
    }
    if (!response.ok) throw await ApiError.fromResponse(response);
    if (route.response === undefined || response.status === 204) {
      return undefined as RouteResponse<N>;
    }
    return parseResponse(route.response, response) as Promise<RouteResponse<N>>;
  }

  function urlOf(route: RouteDef, params: unknown, query: unknown): string {
    const path = buildPath(route.path, (params ?? {}) as Record<string, string>);
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
      if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
    }
    const qs = search.toString();
    return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  async function authorised<N extends RouteName>(
    name: N,
    args: CallArgs<N>,
  ): Promise<RouteResponse<N>> {
    const token = tokens.accessToken();
    if (!token) throw new ApiError('UNAUTHENTICATED', 'Sign in first.');
    try {
      return await send(name, args, token);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'TOKEN_EXPIRED')
        throw signOutIfEnded(error);
      const fresh = await refresher.freshAccessToken(token);
      return await send(name, args, fresh).catch((retryError: unknown) => {
        throw signOutIfEnded(retryError);
      });
    }
  }

  /** TOKEN_REVOKED (signed out elsewhere, account removed) ends the sign-in here too. */
  function signOutIfEnded(error: unknown): unknown {
    if (error instanceof ApiError && error.code === 'TOKEN_REVOKED') tokens.signedOut('revoked');
    return error;
  }

  return {
    call(name, ...[args]) {
      const callArgs = (args ?? {}) as CallArgs<typeof name>;
      return api[name].auth === 'public'
        ? send(name, callArgs, undefined)
        : authorised(name, callArgs);
    },
    url(name, params) {
      return urlOf(api[name] as RouteDef, params, undefined);
    },
    refresher,
  };
}

/** Validated against the route's schema: a hub of another version fails here, loudly, not deep in a page. */
async function parseResponse(schema: z.ZodType, response: Response): Promise<unknown> {
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new ApiError('UNEXPECTED_RESPONSE', 'The hub sent an answer that is not JSON.', {
      status: response.status,
      cause: error,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      'UNEXPECTED_RESPONSE',
      'The hub answered in a form this app does not know.',
      {
        status: response.status,
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
