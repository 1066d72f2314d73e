import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';
import { OPTION_DOCS, type HubConfig } from '../../src-server/config';
import { buildState, HUB_BUILD, TARGETS } from '../../scripts/launch.mjs';
import { benchDatabase } from './bench-postgres';
import { BENCH_PASSWORD, seedClass, type SeededWorld } from './seed';
import { startScript, type ServerProcess } from './server-process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HUB_CHILD = new URL('./hub-child.mjs', import.meta.url);

/** What a bench may set on the hub: its command-line options. */
export type BenchHubOptions = Partial<HubConfig>;

/** A data folder holding a seeded class, deleted by `remove()`. */
export interface ClassFolder {
  readonly dataDir: string;
  /** The PostgreSQL database the hub runs on, when the class was seeded there. */
  readonly database?: string | undefined;
  readonly world: SeededWorld;
  start(options?: BenchHubOptions): Promise<ServerProcess>;
  remove(): Promise<void>;
}

/**
 * Seeds a class whose passwords are hashed at `bcryptCost` (4 when sign-in
 * is not what is measured), on lowdb, or on PostgreSQL with `engine: 'postgres'`
 * (a new database on the bench's embedded server, support/bench-postgres.ts).
 */
export async function classFolder(
  students: number,
  bcryptCost = 4,
  engine: 'lowdb' | 'postgres' = 'lowdb',
): Promise<ClassFolder> {
  const dataDir = await mkdtemp(join(tmpdir(), 'classhub-bench-'));
  const database = engine === 'postgres' ? await benchDatabase() : undefined;
  const hash = bcrypt.hashSync(BENCH_PASSWORD, bcryptCost);
  const world = await seedClass(dataDir, students, hash, database);
  return {
    dataDir,
    database,
    world,
    start: (options = {}) =>
      startHub({
        dataDir,
        bcryptRounds: bcryptCost,
        ...(database ? { database } : {}),
        ...options,
      }),
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** The built hub's command-line entry (dist-hub/cli.js), built first when stale. */
export function builtHubCli(): string {
  ensureHubBuilt();
  return join(ROOT, TARGETS.hub.entry);
}

/**
 * The hub as `npm run hub` runs it: the built bundle (dist-hub/cli.js) under
 * plain node, in production mode, so the figures are those of what people run.
 */
export function startHub(options: BenchHubOptions): Promise<ServerProcess> {
  const cli = builtHubCli();
  const settings: BenchHubOptions = {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'warn',
    verification: 'none',
    advertise: false,
    ...options,
  };
  return startScript(cli, toFlags(settings), HUB_CHILD);
}

let built = false;

/** Builds dist-hub once per bench run when it is missing or older than its sources. */
export function ensureHubBuilt(): void {
  if (built) return;
  const state = buildState(ROOT, HUB_BUILD);
  if (state !== 'fresh') {
    console.log(`(building the hub: ${HUB_BUILD.output} is ${state})`);
    const run = spawnSync('npm', ['run', '--silent', HUB_BUILD.script], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`npm run ${HUB_BUILD.script} failed`);
  }
  built = true;
}

/** `{ bcryptRounds: 4, advertise: false }` → `--bcrypt-rounds 4 --no-advertise`. */
function toFlags(options: BenchHubOptions): string[] {
  return OPTION_DOCS.flatMap((doc) => {
    const value = options[doc.key];
    if (value === undefined) return [];
    if (doc.boolean) return [value ? `--${doc.flag}` : `--no-${doc.flag}`];
    return [`--${doc.flag}`, String(value)];
  });
}
