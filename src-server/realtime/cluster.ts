import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import type { Logger } from '../logger';
import type { HubSocketServer } from './socket-server';

/** What Socket.IO needs to reach the other hub nodes: the database they share. */
export interface ClusterOptions {
  readonly pool: pg.Pool;
  /** A node silent this long is taken for dead (its sockets, its people's presence). */
  readonly nodeTimeoutMs?: number;
}

export const DEFAULT_NODE_TIMEOUT_MS = 10_000;

/** The adapter as the rest of realtime sees it. */
export interface ClusterLink {
  /**
   * Resolves once every packet published so far has gone out and been
   * broadcast on this node too: through the adapter a broadcast reaches
   * this node's sockets only after its NOTIFY, so after the REST answer of
   * the change that made it (`hub:ping` waits for this).
   */
  sent(): Promise<void>;
}

/**
 * Socket.IO's PostgreSQL adapter (LISTEN/NOTIFY; packets over 8 KB through
 * the `socket_io_attachments` table, migration 004): a broadcast, a room
 * operation (`socketsJoin`, `socketsLeave`, `disconnectSockets`),
 * `fetchSockets` and `serverSideEmit` made on one node reach every node.
 */
export function attachClusterAdapter(
  io: HubSocketServer,
  { pool, nodeTimeoutMs = DEFAULT_NODE_TIMEOUT_MS }: ClusterOptions,
  logger: Logger,
): ClusterLink {
  const connections = closableConnections(pool);
  const ordered = inOrder(connections.pool);
  const makeAdapter = createAdapter(ordered.pool, {
    heartbeatInterval: Math.max(200, Math.floor(nodeTimeoutMs / 4)),
    heartbeatTimeout: nodeTimeoutMs,
    errorHandler: (error) =>
      logger.warn({ err: error }, 'could not reach the other hub nodes through PostgreSQL'),
  });
  // Socket.IO calls the factory with `new`: a plain function, not an arrow.
  io.adapter(function (nsp: Parameters<typeof makeAdapter>[0]) {
    const adapter = makeAdapter(nsp);
    const close = adapter.close.bind(adapter);
    adapter.close = () => {
      const closed = close();
      connections.close();
      return closed;
    };
    return adapter;
  } as unknown as Parameters<HubSocketServer['adapter']>[0]);
  return { sent: ordered.sent };
}

/**
 * The adapter takes a connection of the pool for LISTEN when it starts and
 * gives it back when it closes — but only if the LISTEN had finished: a
 * hub stopped in its first moments (a SIGTERM right after start) left that
 * connection out, and ending the pool then waited for it forever. Here every
 * connection the adapter takes is known, given back on close whatever
 * state it is in, and none is handed out after close (the adapter's retry
 * waits on a connection that never comes, which holds no timer).
 */
function closableConnections(pool: pg.Pool): { pool: pg.Pool; close(): void } {
  const out = new Set<pg.PoolClient>();
  let closed = false;
  const never = () => new Promise<never>(() => undefined);
  const connect = async (): Promise<pg.PoolClient> => {
    if (closed) return never();
    const client = await pool.connect();
    if (closed) {
      client.release();
      return never();
    }
    out.add(client);
    const release = client.release.bind(client);
    client.release = (destroy?: Error | boolean) => {
      out.delete(client);
      release(destroy);
    };
    return client;
  };
  return {
    pool: withMethod(pool, 'connect', connect),
    close() {
      closed = true;
      // Destroyed, not returned: a connection may still be LISTENing.
      for (const client of out) client.release(true);
    },
  };
}

/**
 * The adapter publishes each packet with its own `pool.query`, so two
 * packets sent one after the other may take two connections and commit —
 * and be heard — in the other order. A removal's `socketsLeave` overtaken by
 * the next broadcast would let the removed person hear it. One query at a
 * time keeps NOTIFYs in the order they were sent (PostgreSQL delivers in
 * commit order). Packets over 8 KB go through a table first (two queries),
 * so only they can be overtaken by a later small packet.
 */
function inOrder(pool: pg.Pool): { pool: pg.Pool; sent(): Promise<void> } {
  let last: Promise<unknown> = Promise.resolve();
  const query = (...args: unknown[]) => {
    const run = last.then(
      () => (pool.query as (...a: unknown[]) => Promise<unknown>)(...args),
      () => (pool.query as (...a: unknown[]) => Promise<unknown>)(...args),
    );
    last = run.catch(() => undefined);
    return run;
  };
  const sent = async () => {
    // Twice: a big packet queues its NOTIFY only once its attachment is stored. No more, so a
    // steady stream of broadcasts (a busy chat) cannot hold the caller forever.
    await last;
    await last;
    // The adapter broadcasts on this node in the continuation of its query.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { pool: withMethod(pool, 'query', query), sent };
}

/** `pool` with one method replaced, every other member its own. */
function withMethod(pool: pg.Pool, name: 'query' | 'connect', method: unknown): pg.Pool {
  return new Proxy(pool, {
    get: (target, key) => {
      if (key === name) return method;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
