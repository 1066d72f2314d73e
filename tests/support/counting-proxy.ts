import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a hub that counts, per request path, the bytes the
 * hub sent back (head and body, as far as they got before the browser hung
 * up). It reads HTTP/1.1 just enough: request lines from the browser, and
 * response heads, Content-Length and chunked bodies from the hub, answered
 * in order on each connection; a 101 turns the rest of the connection into
 * "(upgraded)". Browsers do not pipeline, so order on a connection is enough.
 */
export interface CountingProxy {
  readonly url: string;
  /** Bytes served so far for requests whose path (without the query) passes `match`. */
  served(match: (path: string) => boolean): number;
  /** The requests seen so far: method, path with query, and the Range header if any. */
  requests(): readonly { method: string; path: string; range?: string }[];
  close(): Promise<void>;
}

const REQUEST_LINE = /(?:^|\r\n)(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\S+) HTTP\/1\.1\r\n/g;

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  const tally = new Map<string, number>();
  const seen: { method: string; path: string; range?: string }[] = [];
  const sockets = new Set<Socket>();
  const count = (path: string, bytes: number) => tally.set(path, (tally.get(path) ?? 0) + bytes);

  const server = createServer((client) => {
    const hub = createConnection({ host: hostname, port: Number(port) });
    sockets.add(client).add(hub);
    const pending: { method: string; path: string }[] = [];
    const reader = responseReader(pending, count);
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      for (const match of text.matchAll(REQUEST_LINE)) {
        const path = match[2]!;
        const headEnd = text.indexOf('\r\n\r\n', match.index);
        const head = text.slice(match.index, headEnd < 0 ? undefined : headEnd);
        const range = /\r\nrange: *([^\r\n]+)/i.exec(head)?.[1];
        pending.push({ method: match[1]!, path: path.split('?')[0]! });
        seen.push({ method: match[1]!, path, ...(range ? { range } : {}) });
      }
      hub.write(chunk);
    });
    hub.on('data', (chunk: Buffer) => {
      reader(chunk);
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      hub.destroy();
      sockets.delete(client);
      sockets.delete(hub);
    };
    for (const socket of [client, hub]) {
      socket.on('close', end);
      socket.on('error', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    served: (match) =>
      [...tally].reduce((sum, [path, bytes]) => (match(path) ? sum + bytes : sum), 0),
    requests: () => [...seen],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Splits the hub's side of one connection into responses and counts each to its request. */
function responseReader(
  pending: { method: string; path: string }[],
  count: (path: string, bytes: number) => void,
): (chunk: Buffer) => void {
  let head = '';
  let body = 0; // bytes of body still to come; -1 while reading a chunked body
  let chunked = '';
  let current: { method: string; path: string } | undefined;
  let upgraded = false;
  const finish = () => {
    current = undefined;
    head = '';
  };
  return (chunk) => {
    let data = chunk;
    while (data.length > 0) {
      if (upgraded) return count('(upgraded)', data.length);
      if (current === undefined) current = pending.shift() ?? { method: 'GET', path: '(unknown)' };
      if (body === 0 && !head.endsWith('\r\n\r\n')) {
        const text = data.toString('latin1');
        const end = (head + text).indexOf('\r\n\r\n');
        if (end < 0) {
          head += text;
          count(current.path, data.length);
          return;
        }
        const used = end + 4 - head.length;
        head += text.slice(0, used);
        count(current.path, used);
        data = data.subarray(used);
        const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]);
        if (status === 101) {
          upgraded = true;
          continue;
        }
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        const noBody = current.method === 'HEAD' || status === 204 || status === 304;
        if (noBody) finish();
        else if (/\r\ntransfer-encoding: *chunked/i.test(head)) body = -1;
        else if (length > 0) body = length;
        else finish();
        continue;
      }
      if (body > 0) {
        const taken = Math.min(body, data.length);
        count(current.path, taken);
        body -= taken;
        data = data.subarray(taken);
        if (body === 0) finish();
        continue;
      }
      // Chunked: count everything until the terminating zero-size chunk.
      const text = data.toString('latin1');
      count(current.path, data.length);
      chunked = (chunked + text).slice(-16);
      data = data.subarray(data.length);
      if (chunked.endsWith('\r\n0\r\n\r\n')) {
        body = 0;
        chunked = '';
        finish();
      }
    }
  };
}
