import { createHash } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../src-shared/api';
import type { ClientSocket } from '../../support/sockets';
import { upload } from '../../support/files';
import { loopbackAliasesWork, postFrom } from '../../support/from-address';
import { call } from '../../support/http';
import { findNginx, startNginx, type RunningNginx } from '../../support/nginx';
import { GOOD_PASSWORD, signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * The shipped nginx site (deploy/nginx/classhub.conf) in front of a real hub:
 * what a school gets when it follows deploy/README.md. Several nodes on one
 * database are tested in tests/integration/cluster/.
 */
const nginxMissing = findNginx() === undefined;
if (nginxMissing)
  console.warn('nginx.test.ts skipped: nginx is not installed (apt-get install nginx-light)');

let hub: TestHub;
let nginx: RunningNginx;
let person: Person;

beforeAll(async () => {
  if (nginxMissing) return;
  hub = await startHub({ verification: 'none', trustProxy: 'loopback' });
  nginx = await startNginx([hub.url]);
  person = await signUp(hub);
});
afterAll(async () => {
  await nginx?.stop();
  await hub?.stop();
});

function connectThrough(transport: 'websocket' | 'polling'): Promise<ClientSocket> {
  const socket: ClientSocket = io(nginx.url, {
    auth: { token: person.token },
    transports: [transport],
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe.skipIf(nginxMissing)('a hub behind the shipped nginx configuration', () => {
  it('answers REST through the proxy', async () => {
    const me = await call(nginx.url, 'me', { token: person.token });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(person.username);
  });

  it.each(['websocket', 'polling'] as const)(
    'carries live events over %s, pushed by the hub',
    async (transport) => {
      const socket = await connectThrough(transport);
      try {
        const pong = await socket.timeout(5000).emitWithAck('hub:ping');
        expect(pong.ok).toBe(true);
        const updated = new Promise<{ firstName: string }>((resolve) =>
          socket.once('account:updated', resolve),
        );
        const renamed = await call(nginx.url, 'updateMe', {
          token: person.token,
          body: { firstName: `Through ${transport}` },
        });
        expect(renamed.status).toBe(200);
        expect((await updated).firstName).toBe(`Through ${transport}`);
      } finally {
        socket.disconnect();
      }
    },
  );

  it('passes a large upload through whole, checked and limited by the hub alone', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024, 7); // nginx's own default limit is 1 MB
    const reply = await upload(
      `${nginx.url}/api/uploads`,
      person.token,
      'file',
      bytes,
      'notes.bin',
      'application/octet-stream',
      'POST',
    );
    expect(reply.status).toBe(201);
    expect(reply.body.size).toBe(bytes.length);
    expect(reply.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('throttles wrong passwords per student address, not per proxy', async (context) => {
    if (!(await loopbackAliasesWork())) {
      console.warn('skipped: this machine cannot send from 127.0.0.2 (Linux only)');
      return context.skip();
    }
    const signInFrom = (address: string, password: string) =>
      postFrom(address, `${nginx.url}/api${api.signIn.path}`, {
        username: person.username,
        password,
      });
    for (let i = 0; i < 11; i++) await signInFrom('127.0.0.2', `wrong-guess-${i}`);
    expect((await signInFrom('127.0.0.2', GOOD_PASSWORD)).status).toBe(429);
    // Without --trust-proxy every student would share nginx's address and wait too.
    expect((await signInFrom('127.0.0.3', GOOD_PASSWORD)).status).toBe(200);
  });
});
