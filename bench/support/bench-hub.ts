import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import type { HubOptions } from '../../src-server/config';
import { BENCH_PASSWORD, seedClass, type SeededWorld } from './seed';
import { startServer, type ServerProcess } from './server-process';

export const HUB_ENTRY = new URL('./hub-entry.ts', import.meta.url);

/** A data folder holding a seeded class, deleted by `remove()`. */
export interface ClassFolder {
  readonly dataDir: string;
  readonly world: SeededWorld;
  start(options?: HubOptions): Promise<ServerProcess>;
  remove(): Promise<void>;
}

/** Seeds a class whose passwords are hashed at `bcryptCost` (4 when sign-in is not what is measured). */
export async function classFolder(students: number, bcryptCost = 4): Promise<ClassFolder> {
  const dataDir = await mkdtemp(join(tmpdir(), 'classhub-bench-'));
  const world = await seedClass(dataDir, students, bcrypt.hashSync(BENCH_PASSWORD, bcryptCost));
  return {
    dataDir,
    world,
    start: (options = {}) =>
      startServer(HUB_ENTRY, { dataDir, bcryptRounds: bcryptCost, ...options }),
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}
