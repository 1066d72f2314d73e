import { Router, type Request } from 'express';
import type { z } from 'zod';
import { api, type RouteDef, type RouteName } from '../../src-shared/api';
import { isApprover } from '../../src-shared/permissions';
import type { AuthService, Authenticated } from '../domains/accounts/auth-service';
import type { DownloadLinks } from '../domains/accounts/download-links';
import { DomainError } from '../domain-error';
import type { Logger } from '../logger';
import { validationError } from './errors';
import type { FileReply } from '../domains/file-reply';
import type { Handlers, RouteContext } from '../domains/handlers';
import { sendFileReply } from './download';
import { checkFileAccess } from './file-access';
import { receiveFile } from './upload';

/**
 * Registers every route of the shared table: authenticate → check the
 * route's auth level → validate params, query and body with the route's
 * schemas → call the handler → send the result with the route's status.
 */
export function mountRoutes(
  handlers: Handlers,
  auth: AuthService,
  links: DownloadLinks,
  logger: Logger,
  checkResponses: boolean,
  uploadStallMs: number,
): Router {
  const router = Router();
  for (const name of Object.keys(api) as RouteName[]) {
    const route = api[name] as RouteDef;
    if (route.signedOutRoute)
      answerSignedOutAs(router, route, api[route.signedOutRoute as RouteName]);
    router[route.method](route.path, async (req, res) => {
      const receive: RouteContext<RouteName>['receiveFile'] = (store, rules) => {
        if (!route.upload) throw new Error(`${name} is not an upload route`);
        return receiveFile(req, store, {
          ...rules,
          field: route.upload.field,
          stallMs: uploadStallMs,
        });
      };
      const authenticated =
        route.auth === 'public' ? undefined : await authorise(req, route, auth, links);
      const context = {
        params: parse(route.params, req.params, 'params'),
        query: parse(route.query, req.query, 'query'),
        body: route.body ? parseBody(route.body, req) : undefined,
        auth: authenticated,
        address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
        receiveFile: receive,
      } as unknown as RouteContext<typeof name>;
      // A link is signed only for someone who may read the file (http/file-access.ts).
      if (name === 'downloadLink' && authenticated)
        await checkFileAccess(handlers, (context.body as { path: string }).path, authenticated);
      const result = await (handlers[name] as (c: typeof context) => Promise<unknown>)(context);
      if (route.response === 'file') {
        await sendFileReply(req, res, result as FileReply);
        return;
      }
      if (route.response === undefined) {
        res.status(route.successStatus ?? 204).end();
        return;
      }
      if (checkResponses) assertResponseMatches(route, result, logger);
      res.status(route.successStatus ?? 200).json(result);
    });
  }
  return router;
}

/** Sends a call without credentials on to the route named for visitors, keeping its query. */
function answerSignedOutAs(router: Router, route: RouteDef, target: RouteDef): void {
  router[route.method](route.path, (req, _res, next) => {
    if (!req.headers.authorization && req.query.ticket === undefined) {
      const query = req.url.indexOf('?');
      req.url = target.path + (query === -1 ? '' : req.url.slice(query));
    }
    next();
  });
}

async function authorise(
  req: Request,
  route: RouteDef,
  auth: AuthService,
  links: DownloadLinks,
): Promise<Authenticated> {
  const header = req.headers.authorization;
  const ticket = req.query.ticket;
  if (!header && typeof ticket === 'string' && route.response === 'file') {
    const path = req.originalUrl.split('?')[0]!;
    return auth.authenticateLink(links.verify(ticket, path));
  }
  if (!header?.startsWith('Bearer ')) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'Sign in first: this needs an access token (Authorization: Bearer …).',
    );
  }
  const authenticated = await auth.authenticate(header.slice('Bearer '.length).trim());
  if (route.auth === 'admin' && !authenticated.user.isAdmin) {
    throw new DomainError('FORBIDDEN', 'Only the hub admin can do this.');
  }
  if (route.auth === 'approver' && !isApprover(authenticated.user)) {
    throw new DomainError('FORBIDDEN', 'Only teachers and the hub admin can do this.');
  }
  return authenticated;
}

function parse(schema: z.ZodType | undefined, value: unknown, where: 'params' | 'query'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

function parseBody(schema: z.ZodType, req: Request): unknown {
  if (!req.is('application/json')) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the request body as JSON (Content-Type: application/json).',
    );
  }
  const result = schema.safeParse(req.body);
  if (!result.success) throw validationError(result.error, 'body');
  return result.data;
}

/** Outside production a response that breaks its own schema is a bug to see at once, not to ship. */
function assertResponseMatches(route: RouteDef, result: unknown, logger: Logger): void {
  if (typeof route.response !== 'object') return;
  const check = route.response.safeParse(result);
  if (!check.success) {
    logger.error(
      { route: `${route.method} ${route.path}`, issues: check.error.issues },
      'response does not match its schema',
    );
    throw new Error(`response of ${route.method} ${route.path} does not match its schema`);
  }
}
