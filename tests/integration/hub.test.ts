import { hostname } from 'node:os';
import { parse, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../src-shared/api';
import { raw } from '../support/http';
import { startHub, type TestHub } from '../support/start-hub';
import { signUp } from '../support/people';

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
});
afterAll(() => hub.stop());

describe('the hub', () => {
  it('answers health with status, version and which node answered', async () => {
    const reply = await hub.call('health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      node: `${hostname()}:${process.pid}`,
    });
  });

  it('answers an unknown API route with a 404 JSON error', async () => {
    const reply = await raw(hub.url, '/api/no-such-thing');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('NOT_FOUND');
    expect(reply.body.error.message).toContain('/api/no-such-thing');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const reply = await raw(hub.url, '/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "a",',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('MALFORMED_JSON');
  });

  it('answers a body over 1 MB with 413', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(1_200_000), password: 'y' });
    const reply = await raw(hub.url, '/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a JSON route called with a form body with 415 and says what to send', async () => {
    const reply = await raw(hub.url, '/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=a&password=b',
    });
    expect(reply.status).toBe(415);
    expect(reply.body.error.message).toContain('application/json');
  });

  it('names every invalid field in a validation error', async () => {
    const reply = await hub.call('register', {
      body: { username: 'a', email: 'not-an-email', role: 'wizard' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    const paths = reply.body.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['username', 'email', 'role', 'firstName', 'lastName', 'password']),
    );
  });

  it('answers a bad query parameter with 400, not 500', async () => {
    const person = await signUp(hub);
    const reply = await hub.call('searchUsers', {
      token: person.token,
      query: { pageSize: 1000, page: 'first' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'page',
      'pageSize',
    ]);
  });

  it('answers a broken percent-escape in the path with 400', async () => {
    const person = await signUp(hub);
    const reply = await raw(hub.url, '/api/users/%E0%A4%A', {
      headers: { authorization: `Bearer ${person.token}` },
    });
    expect(reply.status).toBe(400);
  });

  it('serves an OpenAPI 3.1 document that validates and lists every route with its auth', async () => {
    const reply = await raw(hub.url, '/api/openapi.json');
    expect(reply.status).toBe(200);
    const document = reply.body;
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors).toEqual([]);
    for (const [name, route] of Object.entries(api)) {
      const path = `/api${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      const operation = document.paths[path]?.[route.method];
      expect(operation, `${name} is documented`).toBeDefined();
      expect(operation.operationId).toBe(name);
      expect(operation['x-classhub-auth']).toBe(route.auth);
      expect(operation.security).toEqual(route.auth === 'public' ? [] : [{ bearer: [] }]);
      if (route.body)
        expect(operation.requestBody.content['application/json'].schema).toBeDefined();
    }
    await expect(parse(structuredClone(document))).resolves.toBeDefined();
  });

  it('serves interactive API docs at /api/docs', async () => {
    const page = await raw(hub.url, '/api/docs/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger-ui');
    const initializer = await raw(hub.url, '/api/docs/swagger-initializer.js');
    expect(initializer.body).toContain('/api/openapi.json');
  });

  it('sends security headers', async () => {
    const reply = await hub.call('health');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('x-powered-by')).toBeNull();
  });
});
