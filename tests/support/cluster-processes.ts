import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildHub, type ChildHub } from './child-hub';
import { startNginx, type RunningNginx } from './nginx';
import { freshMigratedDatabase } from './postgres-database';
import type { TestDatabase } from './postgres';

/**
 * A school hub as a school runs it (deploy/README.md): several hub
 * PROCESSES on one PostgreSQL database and one shared blob folder, each
 * trusting nginx's X-Forwarded-For, behind Debian's nginx with the shipped
 * site. A node can be killed with SIGKILL, like a crashed server.
 */
export interface ProcessCluster {
  /** The address clients use: nginx. */
  readonly url: string;
  readonly nodes: readonly ClusterNode[];
  /** SIGKILLs node `index` and waits until the process is gone. */
  kill(index: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterNode {
  /** The node's own address (behind nginx). */
  readonly url: string;
  /** What the node answers as `node` in /api/health and `hub:ping`. */
  readonly id: string;
  readonly hub: ChildHub;
  alive: boolean;
}

export async function startProcessCluster(count = 3): Promise<ProcessCluster> {
  const database = await freshMigratedDatabase();
  const root = await mkdtemp(join(tmpdir(), 'classhub-cluster-'));
  const hubs: ChildHub[] = [];
  let nginx: RunningNginx | undefined;
  const stopAll = async () => {
    await nginx?.stop();
    await Promise.all(hubs.map(stopHub));
    await database.drop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    // One after another: the first runs the migrator alone (a no-op on a migrated copy, but cheap).
    for (let i = 0; i < count; i++) hubs.push(await startNode(root, i, database));
    const nodes = await Promise.all(hubs.map(describeNode));
    nginx = await startNginx(nodes.map((node) => node.url));
    return {
      url: nginx.url,
      nodes,
      async kill(index) {
        const node = nodes[index]!;
        node.hub.process.kill('SIGKILL');
        await node.hub.exited;
        node.alive = false;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Every node gets its own data folder (logs) but the same database and blob folder. */
async function startNode(root: string, index: number, database: TestDatabase): Promise<ChildHub> {
  return startChildHub(join(root, `node-${index}`), [
    '--database',
    database.url,
    '--blobs',
    join(root, 'shared-blobs'),
    '--trust-proxy',
    'loopback',
    '--no-advertise',
  ]);
}

async function describeNode(hub: ChildHub): Promise<ClusterNode> {
  const health = (await (await fetch(`${hub.url}/api/health`)).json()) as { node: string };
  return { url: hub.url, id: health.node, hub, alive: true };
}

async function stopHub(hub: ChildHub): Promise<void> {
  if (hub.process.exitCode !== null || hub.process.signalCode !== null) return;
  hub.process.kill('SIGTERM');
  await hub.exited;
}
