import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubOptions } from '../../src-server/config';
import { createHub, type Hub } from '../../src-server/hub';
import { call, type CallOptions, type Reply } from './http';
import { LogCapture } from './log-capture';
import { dropTestDatabaseFor, testDatabaseFor } from './test-engine';
import type { RouteName } from '../../src-shared/api';

export interface TestHub extends Hub {
  readonly logs: LogCapture;
  call(name: RouteName, options?: CallOptions): Promise<Reply>;
  /** Closes the hub and deletes its data folder. */
  stop(): Promise<void>;
}

/**
 * A real hub on a random port with a fresh temp data folder. bcrypt runs at
 * its minimum cost so suites stay fast; the production cost is measured in bench/.
 * With CLASSHUB_TEST_ENGINE=postgres it runs on a fresh PostgreSQL database
 * instead (the same one again when restarted on the same data folder).
 */
export async function startHub(options: HubOptions = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'classhub-test-')));
  const database = options.database ?? (await testDatabaseFor(dataDir));
  const logs = new LogCapture();
  const hub = await createHub({
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    bcryptRounds: 4,
    advertise: false, // keep the suite off the LAN; discovery tests turn it on
    logDestination: logs,
    ...(database ? { database } : {}),
    ...options,
    dataDir,
  });
  return {
    ...hub,
    logs,
    call: (name, callOptions) => call(hub.url, name, callOptions),
    async stop() {
      await hub.close();
      if (options.dataDir) return;
      await rm(dataDir, { recursive: true, force: true });
      await dropTestDatabaseFor(dataDir);
    },
  };
}
