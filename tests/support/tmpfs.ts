import { execFile } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Tmpfs {
  readonly path: string;
  unmount(): Promise<void>;
}

/**
 * A real, small file system (tmpfs) that a test can fill up, mounted under
 * the OS temp folder. Needs root; otherwise answers why not, so the caller
 * can skip with that reason printed.
 */
export async function mountTmpfs(sizeBytes: number): Promise<Tmpfs | string> {
  if (process.platform !== 'linux') return 'a tmpfs can only be mounted on Linux';
  if (process.getuid?.() !== 0)
    return 'mounting a tmpfs needs root (run the tests as root to include it)';
  const path = await mkdtemp(join(tmpdir(), 'classhub-tmpfs-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', path]);
  } catch (error) {
    await rm(path, { recursive: true, force: true });
    return `could not mount a tmpfs: ${(error as Error).message.trim()}`;
  }
  return {
    path,
    async unmount() {
      await run('umount', ['-l', path]);
      await rm(path, { recursive: true, force: true });
    },
  };
}

/** Checked once per test file: undefined when a tmpfs can be mounted, else the reason to skip. */
export async function tmpfsUnavailable(): Promise<string | undefined> {
  const probe = await mountTmpfs(1024 * 1024);
  if (typeof probe === 'string') return probe;
  await probe.unmount();
  return undefined;
}

/**
 * Fills the file system holding `file` until a write fails with ENOSPC,
 * leaving it completely full. Returns the bytes written.
 */
export async function fillDisk(file: string): Promise<number> {
  const handle = await open(file, 'a');
  let written = 0;
  try {
    for (const chunk of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
      const bytes = Buffer.alloc(chunk, 0x2e);
      for (;;) {
        try {
          const { bytesWritten } = await handle.write(bytes, 0, chunk, null);
          written += bytesWritten;
          if (bytesWritten < chunk) break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    await handle.close();
  }
  return written;
}
