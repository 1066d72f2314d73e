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
): void {
  io.adapter(
    createAdapter(inOrder(pool), {
      heartbeatInterval: Math.max(200, Math.floor(nodeTimeoutMs / 4)),
      heartbeatTimeout: nodeTimeoutMs,
      errorHandler: (error) =>
        logger.warn({ err: error }, 'could not reach the other hub nodes through PostgreSQL'),
    }),
  );
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
function inOrder(pool: pg.Pool): pg.Pool {
  let last: Promise<unknown> = Promise.resolve();
  const query = (...args: unknown[]) => {
    const run = last.then(
      () => (pool.query as (...a: unknown[]) => Promise<unknown>)(...args),
      () => (pool.query as (...a: unknown[]) => Promise<unknown>)(...args),
    );
    last = run.catch(() => undefined);
    return run;
  };
  return new Proxy(pool, {
    get: (target, key) => {
      if (key === 'query') return query;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
