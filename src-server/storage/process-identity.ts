import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A process id alone names a process only while it runs: after a crash or a
 * reboot the same number belongs to someone else. The pair (pid, start time)
 * names one process for certain, so a lock records both.
 *
 * - Linux: the start time in clock ticks since boot (/proc/<pid>/stat, field
 *   22) plus the boot id, because tick counts start again at every boot.
 * - macOS and other Unixes: `ps -o lstart=`, the wall-clock start (seconds).
 * - Windows: the process's creation time from PowerShell (100 ns ticks).
 *
 * 'gone' when the process has ended (a zombie waiting for its parent counts as
 * ended: it runs no code); undefined when the system would not say, and the
 * caller falls back to the lock's heartbeat.
 */
export async function processIdentity(pid: number): Promise<string | 'gone' | undefined> {
  try {
    if (process.platform === 'linux') return await linuxIdentity(pid);
    if (process.platform === 'win32') return await windowsIdentity(pid);
    return await unixIdentity(pid);
  } catch {
    return isProcessAlive(pid) ? undefined : 'gone';
  }
}

/** Signal 0 checks that a process exists without touching it; EPERM means it exists but is not ours. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function linuxIdentity(pid: number): Promise<string | undefined> {
  const [stat, bootId] = await Promise.all([
    readFile(`/proc/${pid}/stat`, 'utf8'),
    readFile('/proc/sys/kernel/random/boot_id', 'utf8'),
  ]);
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return 'gone';
  const startTicks = fields[19]; // field 22 of the whole line; fields[0] is field 3
  return startTicks ? `linux:${bootId.trim()}:${startTicks}` : undefined;
}

async function unixIdentity(pid: number): Promise<string | undefined> {
  const { stdout } = await run('ps', ['-o', 'lstart=', '-p', String(pid)], {
    timeout: 5_000,
    env: { ...process.env, LC_ALL: 'C' }, // the same words whatever the user's language
  });
  const started = stdout.trim();
  return started ? `ps:${started}` : undefined;
}

async function windowsIdentity(pid: number): Promise<string | undefined> {
  const { stdout } = await run(
    'powershell.exe',
    [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      `(Get-Process -Id ${pid} -ErrorAction Stop).StartTime.ToUniversalTime().Ticks`,
    ],
    { timeout: 10_000, windowsHide: true },
  );
  const ticks = stdout.trim();
  return /^\d+$/.test(ticks) ? `win:${ticks}` : undefined;
}
