import { spawn } from 'node:child_process';
import { expect, inject } from 'vitest';

/**
 * The arguments of `node` that run the hub's CLI in a process of its own:
 * the bundle this test run built from the current sources
 * (hub-bundle-global-setup.ts), with source maps so a failure points at them.
 * Outside a test run (bench/fault-runs.ts) the caller names the bundle in
 * CLASSHUB_HUB_CLI.
 */
export function hubCliArgs(...args: string[]): string[] {
  const cli = process.env.CLASSHUB_HUB_CLI ?? inject('hubCli');
  return ['--enable-source-maps', cli, ...args];
}

/**
 * Runs a CLI command (a backup, a restore…) in its own process and SIGKILLs
 * it as soon as `started()` sees its work under way; fails the test if the
 * command ended by itself first.
 */
export async function killCliWhen(args: string[], started: () => Promise<boolean>): Promise<void> {
  const child = spawn(process.execPath, hubCliArgs(...args), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<string | number>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? 'unknown')),
  );
  let running = true;
  void exited.then(() => (running = false));
  while (running && !(await started())) await new Promise((resolve) => setTimeout(resolve, 10));
  child.kill('SIGKILL');
  expect(await exited, `the command ended before it could be killed:\n${output}`).toBe('SIGKILL');
}
