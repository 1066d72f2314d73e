import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error';
import { createRestClient } from '../../../src-renderer/api/rest-client';
import { ACCOUNT, errorBody, json, MemoryTokens, tokenPair } from '../support';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A client over a fake fetch; every request is recorded. */
function clientWith(handler: Handler, tokens = new MemoryTokens(tokenPair(1))) {
  const requests: {
    url: string;
    method: string;
    headers: Record<string, string>;
    body: unknown;
  }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    requests.push({
      url,
      method: String(init.method),
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    });
    return handler(url, init);
  });
  const api = createRestClient({
    tokens,
    fetch: fetch as typeof globalThis.fetch,
    lock: (work) => work(),
  });
  return { api, tokens, requests };
}

const bearer = (r: { headers: Record<string, string> }) => r.headers.authorization;

describe('the REST client', () => {
  it('sends a public route without a token and returns its validated response', async () => {
    const { api, requests } = clientWith(() =>
      json(200, { account: ACCOUNT, tokens: tokenPair(2) }),
    );
    const reply = await api.call('signIn', { body: { username: 'emma1', password: 'secret' } });
    expect(reply.account.username).toBe('emma1');
    expect(requests[0]).toMatchObject({
      url: '/api/auth/sign-in',
      method: 'POST',
      body: { username: 'emma1' },
    });
    expect(bearer(requests[0]!)).toBeUndefined();
  });

  it('fills path parameters and the query, and sends the access token', async () => {
    const { api, requests } = clientWith((url) =>
      url.includes('pending')
        ? json(200, { items: [], page: 2, pageSize: 5, total: 0 })
        : json(200, ACCOUNT),
    );
    await api.call('pendingAccounts', { query: { page: 2, pageSize: 5 } });
    await api.call('approveAccount', { params: { userId: 'a b' } });
    expect(requests.map((r) => r.url)).toEqual([
      '/api/accounts/pending?page=2&pageSize=5',
      '/api/accounts/a%20b/approve',
    ]);
    expect(requests.map(bearer)).toEqual(['Bearer access-1', 'Bearer access-1']);
  });

  it('answers undefined for routes that answer 204', async () => {
    const { api } = clientWith(() => new Response(null, { status: 204 }));
    await expect(api.call('signOut')).resolves.toBeUndefined();
  });

  it('turns an error body into an ApiError with code, message and field messages', async () => {
    const { api } = clientWith(() =>
      json(
        400,
        errorBody('VALIDATION_FAILED', 'Check the form', {
          fields: [
            { path: 'password', message: 'Use at least 8 characters.' },
            { path: 'password', message: 'Too similar to your username.' },
            { path: 'body.email', message: 'Enter a valid email address.' },
          ],
        }),
      ),
    );
    const error = await api
      .call('register', {
        body: {
          username: 'ab',
          firstName: 'A',
          lastName: 'B',
          email: 'x',
          password: 'x',
          role: 'student',
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'Check the form',
    });
    expect((error as ApiError).fields).toEqual({
      password: 'Use at least 8 characters. Too similar to your username.',
      email: 'Enter a valid email address.',
    });
  });

  it('keeps the retry time of a throttled request', async () => {
    const { api } = clientWith(() =>
      json(429, errorBody('TOO_MANY_REQUESTS', 'Slow down', { retryAfterSeconds: 90 })),
    );
    await expect(
      api.call('signIn', { body: { username: 'a', password: 'b' } }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 90,
      isTransient: true,
    });
  });

  it('reports an unreachable hub as NETWORK and a foreign answer as UNEXPECTED_RESPONSE', async () => {
    const down = clientWith(() => {
      throw new TypeError('fetch failed');
    });
    await expect(down.api.call('health')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });

    const odd = clientWith(() => json(200, { status: 'fine, thanks' }));
    await expect(odd.api.call('health')).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE' });

    const proxy = clientWith(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(proxy.api.call('health')).rejects.toMatchObject({ code: 'INTERNAL', status: 502 });
  });

  it('refreshes an expired token once for many calls, then retries each with the new token', async () => {
    let refreshes = 0;
    const { api, requests, tokens } = clientWith(async (url, init) => {
      const auth = (init.headers as Record<string, string>).authorization;
      if (url.endsWith('/auth/refresh')) {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return json(200, tokenPair(2));
      }
      return auth === 'Bearer access-1'
        ? json(401, errorBody('TOKEN_EXPIRED'))
        : json(200, ACCOUNT);
    });

    const results = await Promise.all([api.call('me'), api.call('me'), api.call('me')]);
    expect(results.map((account) => account.username)).toEqual(['emma1', 'emma1', 'emma1']);
    expect(refreshes).toBe(1);
    expect(tokens.pair?.accessToken).toBe('access-2');
    const refresh = requests.find((r) => r.url.endsWith('/auth/refresh'));
    expect(refresh?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(requests.filter((r) => bearer(r) === 'Bearer access-2')).toHaveLength(3);
  });

  it('signs out when the hub says the sign-in was revoked', async () => {
    const { api, tokens } = clientWith(() => json(401, errorBody('TOKEN_REVOKED')));
    await expect(api.call('me')).rejects.toMatchObject({ code: 'TOKEN_REVOKED' });
    expect(tokens.signOuts).toEqual(['revoked']);
  });

  it('signs out when the refresh itself is refused', async () => {
    const { api, tokens } = clientWith((url) =>
      url.endsWith('/auth/refresh')
        ? json(401, errorBody('TOKEN_REVOKED'))
        : json(401, errorBody('TOKEN_EXPIRED')),
    );
    await expect(api.call('me')).rejects.toMatchObject({ code: 'TOKEN_REVOKED' });
    expect(tokens.signOuts).toEqual(['expired']);
  });

  it('keeps the sign-in when the refresh fails only because the hub is unreachable', async () => {
    const { api, tokens } = clientWith((url) => {
      if (url.endsWith('/auth/refresh')) throw new TypeError('fetch failed');
      return json(401, errorBody('TOKEN_EXPIRED'));
    });
    await expect(api.call('me')).rejects.toMatchObject({ code: 'NETWORK' });
    expect(tokens.signOuts).toEqual([]);
    expect(tokens.pair?.refreshToken).toBe('refresh-1');
  });

  it('does not call a signed-in route without a token', async () => {
    const { api, requests } = clientWith(() => json(200, ACCOUNT), new MemoryTokens());
    await expect(api.call('me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(requests).toHaveLength(0);
  });

  it('uploads a file as multipart form data in the route’s field', async () => {
    const { api, requests } = clientWith(() => json(200, ACCOUNT));
    await api.call('uploadAvatar', { file: new Blob(['png'], { type: 'image/png' }) });
    const body = requests[0]!.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('avatar')).toBeInstanceOf(Blob);
    expect(requests[0]!.headers['content-type']).toBeUndefined();
  });

  it('gives the address of a file route for <img> tags', () => {
    const { api } = clientWith(() => json(200, {}));
    expect(api.url('avatar', { username: 'emma 1' })).toBe('/api/users/emma%201/avatar');
  });
});
