import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { parseHubConfig, type HubConfig, type HubOptions } from './config';
import { loadCommonPasswords } from './domains/accounts/common-passwords';
import type { AccountsDeps } from './domains/accounts/deps';
import { createMailer } from './domains/accounts/mailer';
import { PasswordHasher } from './domains/accounts/password-hasher';
import { Throttles } from './domains/accounts/throttle';
import { EventBus } from './events/bus';
import { createHttpApp } from './http/app';
import { responseChecksWanted } from './http/response-checks';
import { startBlobCollector } from './jobs/blob-collector';
import { startDeadlineReminders } from './jobs/deadline-reminders';
import { startNotificationPruning } from './jobs/notification-pruning';
import { startSignInPruning } from './jobs/sign-in-pruning';
import { readHubId, startAdvertising, type Advertisement } from './discovery/advertise';
import { createLogger, type Logger } from './logger';
import { startRealtime } from './realtime/realtime';
import { writeBackupKey } from './storage/backup-key';
import { openHubStorage } from './storage/open-hub-storage';
import type { Storage } from './storage/repositories';
import { keepServingOnUnhandledRejections } from './unexpected-errors';
import { HUB_VERSION } from './version';
import { wireDomains, type HubAddresses } from './wire-domains';

export interface Hub {
  /** Where this computer reaches the hub, e.g. http://127.0.0.1:4000. */
  readonly url: string;
  /** Addresses other devices on the network can use (empty when bound to loopback). */
  readonly lanUrls: readonly string[];
  readonly port: number;
  readonly dataDir: string;
  /** Announced on the local network (mDNS / DNS-SD); false when told not to or when that failed at start. */
  readonly advertised: boolean;
  /** Stops accepting connections, finishes pending writes, releases the data folder. Safe to call twice. */
  close(): Promise<void>;
}

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../dist-renderer', import.meta.url));

/** The one way to start a hub: from the CLI, from tests, from the Electron main process. */
export async function createHub(options: HubOptions = {}): Promise<Hub> {
  const { logDestination, now, fileSystem, nodeTimeoutMs, ...rest } = options;
  const config = parseHubConfig(rest);
  const logger = createLogger(config.logLevel, logDestination);
  const dataDir = resolve(config.dataDir);
  await mkdir(dataDir, { recursive: true });
  const { storage, lock, pubSubPool } = await openHubStorage(
    { dataDir, database: config.database, blobsDir: config.blobsDir, fileSystem },
    logger,
  );
  // A running lowdb hub holds its folder; `npm run hub -- backup` asks it over loopback with this key.
  // On PostgreSQL the CLI reads the database itself.
  const backupKey = config.database ? undefined : await writeBackupKey(dataDir);
  const unlock = async () => {
    await backupKey?.remove();
    await lock.release();
  };
  const hasher = new PasswordHasher(config.bcryptRounds);
  const stopGuarding = keepServingOnUnhandledRejections(logger);
  try {
    await applyStartupOptions(config, storage, logger);
    const bus = new EventBus(logger);
    let publicUrl = config.publicUrl ?? '';
    const deps: AccountsDeps = {
      storage,
      bus,
      logger,
      config,
      hasher,
      mailer: createMailer(
        { ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}), from: config.mailFrom },
        logger,
      ),
      throttles: new Throttles(storage.coordination.limiter),
      isCommonPassword: await loadCommonPasswords(),
      publicUrl: () => publicUrl,
      now: now ?? (() => new Date()),
    };
    const addresses: HubAddresses = { url: '', lanUrls: [] };
    const domains = wireDomains(deps, addresses, {
      downloadLinkKey: await storage.coordination.secret('download-links'),
    });
    const { handlers, auth, downloadLinks, notifications } = domains;
    const rendererDir =
      config.rendererDir ?? (existsSync(DEFAULT_RENDERER_DIR) ? DEFAULT_RENDERER_DIR : undefined);
    const app = createHttpApp({
      handlers,
      auth,
      downloadLinks,
      logger,
      version: HUB_VERSION,
      rendererDir,
      checkResponses: responseChecksWanted(),
      uploadStallMs: config.uploadStallSeconds * 1000,
      requestTimeoutMs: config.requestTimeoutSeconds * 1000,
      ...(backupKey && {
        localBackup: { key: backupKey.key, reply: () => domains.backups.download(undefined) },
      }),
      trustProxy: config.trustProxy,
    });
    const server = createServer(app);
    // Node would cut any request still arriving after 300 s, a moving upload too; the app's own limits replace it.
    server.requestTimeout = 0;
    const realtime = startRealtime(
      server,
      bus,
      domains.live,
      {
        maxConnectionsPerPerson: config.maxConnectionsPerPerson,
        // Several hub nodes may share this database: Socket.IO reaches them through it.
        cluster: pubSubPool && { pool: pubSubPool, nodeTimeoutMs },
      },
      logger,
    );
    // A deletion a stopped hub left half done is finished before anyone can ask for it.
    await domains.courseDeletion.finishInterrupted();
    const port = await listen(server, config);
    const collector = startBlobCollector(storage, logger, { now: deps.now });
    const reminders = startDeadlineReminders(storage, notifications, logger, deps.now);
    const pruning = startNotificationPruning(storage, logger, deps.now);
    const signInPruning = startSignInPruning(storage, logger, { now: deps.now });
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${port}`;
    const lanUrls =
      config.host === '0.0.0.0' ? lanAddresses().map((ip) => `http://${ip}:${port}`) : [];
    publicUrl ||= lanUrls[0] ?? url;
    Object.assign(addresses, { url, lanUrls });
    await lock.announce(url, lanUrls);
    logger.info({ url, lanUrls, dataDir, version: HUB_VERSION }, 'hub is listening');
    // A hub bound to loopback cannot be reached by anyone who would find it.
    const reachable = !['127.0.0.1', '::1', 'localhost'].includes(config.host);
    if (config.advertise && !reachable)
      logger.info('not advertising on the network: the hub listens on this computer only');
    const advertisement =
      config.advertise && reachable ? await advertise(dataDir, port, logger) : undefined;

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await advertisement?.stop();
        realtime.stop();
        await stopAccepting(realtime.io, server);
        await collector.stop();
        await reminders.stop();
        await pruning.stop();
        await signInPruning.stop();
        await bus.drain();
        await domains.live.chat.close();
        await storage.close();
        await hasher.close();
        await unlock();
        stopGuarding();
        logger.info('hub stopped; every write is on disk');
      })());
    return { url, lanUrls, port, dataDir, advertised: advertisement !== undefined, close };
  } catch (error) {
    stopGuarding();
    await storage.close();
    await hasher.close();
    await unlock();
    throw error;
  }
}

/** Advertising is a convenience: a failure is logged and the hub runs on unannounced. */
async function advertise(
  dataDir: string,
  port: number,
  logger: Logger,
): Promise<Advertisement | undefined> {
  try {
    return startAdvertising({
      port,
      version: HUB_VERSION,
      hubId: await readHubId(dataDir),
      logger,
    });
  } catch (error) {
    logger.warn({ err: error }, 'could not advertise the hub on the local network');
    return undefined;
  }
}

/** Flags given at start win over stored settings; `--admin name` promotes an existing account. */
async function applyStartupOptions(
  config: HubConfig,
  storage: Storage,
  logger: Logger,
): Promise<void> {
  if (config.verification && (await storage.settings.get()).verification !== config.verification) {
    await storage.settings.update({ verification: config.verification });
    logger.info(
      { verification: config.verification },
      'verification mode set from the command line',
    );
  }
  if (config.admin) {
    const user = await storage.users.findByUsername(config.admin);
    if (!user) {
      logger.warn(
        { admin: config.admin },
        'no account with this username; register it, then start the hub with --admin again',
      );
    } else if (!user.isAdmin || user.status !== 'active') {
      await storage.users.update(user.id, (u) => ({
        ...u,
        isAdmin: true,
        status: 'active',
        awaiting: undefined,
      }));
      await storage.audit.append('accounts', { action: 'made-admin-from-cli', subjectId: user.id });
      logger.info({ admin: user.username }, 'account is now an admin');
    }
  }
}

/**
 * Stops taking connections but lets requests in flight finish (their writes
 * are acknowledged to someone); keep-alive connections are closed as soon as
 * they are idle, and anything still open after 10 s is cut.
 */
async function stopAccepting(io: { close(done: () => void): void }, server: Server): Promise<void> {
  const closed = new Promise<void>((done) => io.close(() => done()));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 25);
  const deadline = setTimeout(() => server.closeAllConnections(), 10_000);
  await closed;
  clearInterval(idleSweep);
  clearTimeout(deadline);
}

/** Connections the kernel may hold before the hub accepts them (capped by net.core.somaxconn). */
const CONNECTION_BACKLOG = 4096;

function listen(server: Server, config: HubConfig): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        fail(
          new Error(
            `Port ${config.port} is already in use on ${config.host}. Stop the other program or choose another port with --port.`,
          ),
        );
      else if (error.code === 'EACCES')
        fail(
          new Error(
            `Not allowed to listen on port ${config.port}. Ports below 1024 need administrator rights; choose another with --port.`,
          ),
        );
      else fail(error);
    });
    // A class connecting at once overflows the default queue of 511 waiting connections while
    // the hub admits the first ones; each dropped SYN costs its client a 1–3 s retry.
    server.listen({ port: config.port, host: config.host, backlog: CONNECTION_BACKLOG }, () =>
      done((server.address() as AddressInfo).port),
    );
  });
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address);
}
