import { request } from 'node:http';
import { createServer } from 'node:net';
import type { Reply } from './http';

/**
 * POSTs JSON from another loopback address (127.0.0.2, 127.0.0.3…), so a test
 * can play a stranger's machine and the owner's against one hub. Linux routes
 * all of 127/8 to loopback; elsewhere `loopbackAliasesWork` says to skip.
 */
export function postFrom(localAddress: string, url: string, body: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            if (typeof value === 'string') headers.set(name, value);
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : text, headers });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** True when this machine has 127.0.0.2 (Linux routes all of 127/8 to loopback; macOS needs an alias). */
export function loopbackAliasesWork(): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(0, '127.0.0.2', () => server.close(() => resolve(true)));
  });
}
