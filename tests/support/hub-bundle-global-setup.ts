import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildHub } from '../../scripts/build-hub';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The hub's command-line entry, bundled from the sources of this run (tests/support/hub-cli.ts). */
    hubCli: string;
  }
}

/**
 * Bundles the hub once per test run, as `npm run build:hub` does, into a
 * folder of this run's own (runs side by side in one checkout don't share
 * it). Tests that run the hub as a separate process start this bundle: half
 * the start-up of compiling the TypeScript with tsx in every process, and the
 * same code a production install runs.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runs = join(import.meta.dirname, '..', '..', '.tmp', 'test-hub-bundles');
  await mkdir(runs, { recursive: true });
  const { outdir } = await buildHub({
    outdir: join(runs, String(process.pid)),
    logLevel: 'silent',
  });
  project.provide('hubCli', join(outdir, 'cli.js'));
  return () => rm(outdir, { recursive: true, force: true });
}
