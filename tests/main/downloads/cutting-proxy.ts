import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one response body. */
export type BodyPlan =
  | { kind: 'pass' }
  /** Sends this many bytes of the body, then destroys the socket. */
  | { kind: 'cut'; afterBytes: number }
  /** Sends this many bytes, then holds the rest until `release()` (or the client gives up). */
  | { kind: 'stall'; afterBytes: number }
  /** Flips one byte at this offset of the body (headers, ETag included, untouched). */
  | { kind: 'corrupt'; atByte: number };

export interface CuttingProxy {
  url: string;
  /** Request headers in arrival order. */
  requests: IncomingHttpHeaders[];
  /** Responses currently being sent. */
  inFlight: number;
  maxInFlight: number;
  /** Plans for the next responses, in order; afterwards everything passes. */
  plans: BodyPlan[];
  /** Lets every stalled response finish. */
  release(): void;
  close(): Promise<void>;
}

/**
 * A tiny HTTP proxy between the download manager and a real hub, for what a
 * network does to downloads: cut connections, stalls, corrupted bytes.
 */
export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const upstream = new URL(target);
  const waiting: (() => void)[] = [];
  let released = false;
  const proxy: CuttingProxy = {
    url: '',
    requests: [],
    inFlight: 0,
    maxInFlight: 0,
    plans: [],
    release() {
      released = true;
      for (const go of waiting.splice(0)) go();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    proxy.requests.push(req.headers);
    const plan = proxy.plans.shift() ?? { kind: 'pass' };
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        proxy.inFlight++;
        proxy.maxInFlight = Math.max(proxy.maxInFlight, proxy.inFlight);
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          const start = sent;
          sent += chunk.length;
          if (plan.kind === 'corrupt' && plan.atByte >= start && plan.atByte < sent) {
            chunk = Buffer.from(chunk);
            chunk[plan.atByte - start] = (chunk[plan.atByte - start] ?? 0) ^ 0xff;
          }
          if ((plan.kind === 'cut' || plan.kind === 'stall') && sent > plan.afterBytes) {
            const keep = chunk.subarray(0, Math.max(0, plan.afterBytes - start));
            answer.pause();
            res.write(keep, () => {
              if (plan.kind === 'cut') {
                setTimeout(() => {
                  res.socket?.destroy();
                  answer.destroy();
                }, 30);
                return;
              }
              const go = () => {
                res.write(chunk.subarray(keep.length));
                plan.afterBytes = Infinity;
                answer.resume();
              };
              if (released) go();
              else waiting.push(go);
            });
            return;
          }
          res.write(chunk);
        });
        answer.on('end', () => res.end());
        res.on('close', () => {
          proxy.inFlight--;
          if (!res.writableFinished) answer.destroy();
        });
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
