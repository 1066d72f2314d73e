import { api, type RouteDef, type RouteName } from '../../src-shared/api';
import { isApprover } from '../../src-shared/permissions';
import type { Authenticated } from '../domains/accounts/auth-service';
import type { Handlers, RouteContext } from '../domains/handlers';
import { DomainError } from '../domain-error';
import { validationError } from './errors';

interface FileRoute {
  readonly name: RouteName;
  readonly route: RouteDef;
  readonly pattern: RegExp;
}

/** The GET file routes a signed link may point at, each with a pattern that captures its params. */
const fileRoutes: readonly FileRoute[] = (Object.keys(api) as RouteName[])
  .map((name) => ({ name, route: api[name] as RouteDef }))
  .filter(
    ({ route }) => route.response === 'file' && route.method === 'get' && route.auth !== 'public',
  )
  .map(({ name, route }) => ({
    name,
    route,
    pattern: new RegExp(
      `^/api${route.path.replace(/\./g, '\\.').replace(/:([A-Za-z]+)/g, '(?<$1>[^/?#]+)')}$`,
    ),
  }));

/**
 * A download or preview link is signed only for someone who may read the
 * file: this runs the file route's own handler as that person, so the rule
 * is the route's, in one place, and its refusal (403, 404) is the answer.
 * No bytes are read: a stored file's reply is a path, and a streamed one is
 * opened only when sent. A path that is no file route is left to
 * `DownloadLinks.sign`, which refuses it with its own message.
 */
export async function checkFileAccess(
  handlers: Handlers,
  path: string,
  auth: Authenticated,
): Promise<void> {
  for (const { name, route, pattern } of fileRoutes) {
    const match = pattern.exec(path);
    if (!match) continue;
    if (route.auth === 'admin' && !auth.user.isAdmin)
      throw new DomainError('FORBIDDEN', 'Only the hub admin can do this.');
    if (route.auth === 'approver' && !isApprover(auth.user))
      throw new DomainError('FORBIDDEN', 'Only teachers and the hub admin can do this.');
    const raw = Object.fromEntries(
      Object.entries(match.groups ?? {}).map(([key, value]) => [key, safeDecode(value)]),
    );
    const params = route.params ? route.params.safeParse(raw) : undefined;
    if (params && !params.success) throw validationError(params.error, 'params');
    const query = route.query ? route.query.safeParse({}) : undefined;
    const context = {
      params: params?.data,
      query: query?.success ? query.data : undefined,
      body: undefined,
      auth,
      address: 'download-link',
      receiveFile: () => Promise.reject(new Error('not an upload route')),
    } as unknown as RouteContext<typeof name>;
    await (handlers[name] as (c: typeof context) => Promise<unknown>)(context);
    return;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
