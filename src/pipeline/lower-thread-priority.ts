import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Gives the calling thread a lower scheduling priority. On Linux, niceness is per thread and
 * setpriority() with a thread id changes only that thread, so the engine worker can step
 * back without slowing the proxy's event loop. Returns false where that is not possible
 * (other platforms, no /proc); the process then simply runs at one priority.
 */
export function lowerThreadPriority(nice: number): boolean {
  if (nice <= 0 || process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
