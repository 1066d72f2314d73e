import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubOptions } from '../../src-server/config';
import { freshMigratedDatabase } from './postgres-database';
import { startHub, type TestHub } from './start-hub';

export interface TestNodes {
  /** The hub nodes, in the order started; each has its own data folder and port. */
  readonly nodes: TestHub[];
  /** The PostgreSQL database they share. */
  readonly databaseUrl: string;
  /** Stops every node still running, then drops the database and the shared blob folder. */
  stop(): Promise<void>;
}

/**
 * N hub nodes in this process on ONE fresh PostgreSQL database and one
 * shared blob folder, as a school runs them behind a load balancer (here
 * the test picks the node). Needs the run's PostgreSQL: name the test file
 * `*.postgres.test.ts`.
 */
export async function startNodes(count: number, options: HubOptions = {}): Promise<TestNodes> {
  const database = await freshMigratedDatabase();
  const blobsDir = await mkdtemp(join(tmpdir(), 'classhub-cluster-blobs-'));
  const nodes: TestHub[] = [];
  const stop = async () => {
    await Promise.all(nodes.splice(0).map((node) => node.stop()));
    await database.drop();
    await rm(blobsDir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i++)
      nodes.push(
        await startHub({ verification: 'none', ...options, database: database.url, blobsDir }),
      );
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes, databaseUrl: database.url, stop };
}
