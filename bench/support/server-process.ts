import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildRequest, ChildStats } from './child-stats.mjs';

/** A server (the hub or a peer) in its own process, as it runs in a classroom. */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  stats(): Promise<ChildStats>;
  resetLag(): Promise<void>;
  /** Any other request a peer understands, answered by one message. */
  request<T>(message: { type: string }): Promise<T>;
  stop(): Promise<void>;
}

/** Forks `entry` (a bench file under tsx) with `options`; it answers `{ type: 'ready', url }`. */
export function startServer(entry: URL, options: unknown = {}): Promise<ServerProcess> {
  return forkServer(fileURLToPath(entry), [JSON.stringify(options)], ['--import', 'tsx']);
}

/**
 * Forks plain JavaScript with no tsx: `script` with `args`, `preload`
 * (which answers the bench's requests) loaded first. The built hub runs so.
 */
export function startScript(script: string, args: string[], preload: URL): Promise<ServerProcess> {
  return forkServer(script, args, ['--import', preload.href]);
}

async function forkServer(
  script: string,
  args: string[],
  execArgv: string[],
): Promise<ServerProcess> {
  const child = fork(script, args, {
    execArgv: [...execArgv, ...profiling()],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { type: string; url: string }) => resolve(message.url));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stats: () => ask<{ stats: ChildStats }>(child, { type: 'stats' }).then((m) => m.stats),
    resetLag: () => ask(child, { type: 'reset-lag' }).then(() => undefined),
    request: <T>(message: { type: string }) => ask<T>(child, message),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ChildRequest);
      await exited;
    },
  };
}

/**
 * BENCH_CPU_PROF=<folder> writes a V8 CPU profile of every server process
 * (hub and peers, named by pid) into that folder when it stops: open it in
 * Chrome DevTools, or list the top frames with `npx tsx bench/support/top-frames.ts <file>`.
 * BENCH_CPU_PROF_INTERVAL=<µs> samples more often than V8's default 1000 µs.
 */
function profiling(): string[] {
  const folder = process.env.BENCH_CPU_PROF;
  const interval = process.env.BENCH_CPU_PROF_INTERVAL;
  if (!folder) return [];
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${folder}`,
    ...(interval ? [`--cpu-prof-interval=${interval}`] : []),
  ];
}

function ask<T>(child: ChildProcess, request: ChildRequest | { type: string }): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', resolve as (message: unknown) => void);
    child.send(request);
  });
}
