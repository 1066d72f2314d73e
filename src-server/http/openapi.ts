import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import { api, type RouteDef } from '../../src-shared/api';
import { errorBodySchema } from '../../src-shared/errors';

const errorContent = { 'application/json': { schema: errorBodySchema } };

/** Which failures a route can answer with, derived from what it accepts and who may call it. */
function errorResponses(route: RouteDef): ZodOpenApiOperationObject['responses'] {
  const responses: ZodOpenApiOperationObject['responses'] = {
    '400': {
      description: 'Invalid input: `details.fields` names each field and what is wrong',
      content: errorContent,
    },
    '429': {
      description: 'Too many requests; `Retry-After` says when to try again',
      content: errorContent,
    },
  };
  if (route.auth !== 'public') {
    responses['401'] = {
      description: 'Not signed in, or the access token expired or was revoked',
      content: errorContent,
    };
    responses['403'] = {
      description: 'Signed in, but not allowed to do this',
      content: errorContent,
    };
  }
  if (route.params || route.path.includes(':'))
    responses['404'] = { description: 'Not found', content: errorContent };
  if (route.method !== 'get')
    responses['409'] = { description: 'Conflicts with the current state', content: errorContent };
  if (route.upload || route.body) {
    responses['413'] = { description: 'Body or file too large', content: errorContent };
    responses['415'] = {
      description: 'Wrong content type, or a file type that is not allowed',
      content: errorContent,
    };
  }
  return responses;
}

function operation(name: string, route: RouteDef): ZodOpenApiOperationObject {
  const success = String(route.successStatus ?? (route.response ? 200 : 204));
  const op: ZodOpenApiOperationObject = {
    operationId: name,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: route.auth === 'public' ? [] : [{ bearer: [] }],
    'x-classhub-auth': route.auth,
    responses: {
      [success]: {
        description: route.response ? 'Success' : 'Done',
        ...(route.response === 'file'
          ? {
              content: {
                'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
              },
            }
          : route.response
            ? { content: { 'application/json': { schema: route.response } } }
            : {}),
      },
      ...errorResponses(route),
    },
  };
  const requestParams: ZodOpenApiOperationObject['requestParams'] = {};
  if (route.params) requestParams.path = route.params as never;
  if (route.query) requestParams.query = route.query as never;
  if (route.params || route.query) op.requestParams = requestParams;
  if (route.body)
    op.requestBody = { required: true, content: { 'application/json': { schema: route.body } } };
  if (route.upload) {
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: [route.upload.field],
            properties: {
              [route.upload.field]: {
                type: 'string',
                format: 'binary',
                description: `One of: ${route.upload.accept.join(', ')}`,
              },
            },
          },
        },
      },
    };
  }
  return op;
}

/** The OpenAPI 3.1 document, generated from the same route table and zod schemas the hub validates with. */
export function buildOpenApiDocument(version: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const [name, route] of Object.entries(api) as [string, RouteDef][]) {
    const path = `/api${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    paths[path] = { ...paths[path], [route.method]: operation(name, route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'ClassHub hub API',
      version,
      description:
        'Every change a ClassHub client can make. Lists take `page` (from 1) and `pageSize` (default 20, at most 100) and answer `{ items, page, pageSize, total }`. ' +
        'Errors are `{ "error": { "code", "message", "details"? } }`.',
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The accessToken from sign-in or refresh.',
        },
      },
    },
    paths,
  });
}
