import { spawn, type ChildProcess } from 'node:child_process';
import { hubCliArgs } from './hub-cli';
import { testDatabaseFor } from './test-engine';

export interface ChildHub {
  readonly url: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>;
  output(): string;
}

/**
 * The hub as a separate process started by the real CLI (the bundle a
 * production install runs), so a test can kill it with SIGKILL or stop it
 * with SIGTERM like an operator would.
 */
export async function startChildHub(dataDir: string, extraArgs: string[] = []): Promise<ChildHub> {
  // CLASSHUB_TEST_ENGINE=postgres: the same database whenever the test starts a hub on this folder.
  // A caller that names its own database (several nodes on one) keeps it.
  const database = extraArgs.includes('--database') ? undefined : await testDatabaseFor(dataDir);
  const child = spawn(
    process.execPath,
    hubCliArgs(
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
      '--bcrypt-rounds',
      '4',
      '--verification',
      'none',
      '--log-level',
      'warn',
      ...(database ? ['--database', database] : []),
      ...extraArgs,
    ),
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`hub exited before it started:\n${output}`));
    });
  });
  return { url, process: child, exited, output: () => output };
}
