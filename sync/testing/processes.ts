// Looking at processes from tests: children of a pid, liveness, resident memory (Linux /proc).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resident memory of the processes under `pid` (the tether's shell and rclone), bytes. */
export function rssOfChildren(pid: number): number {
  return childrenOf(pid).reduce((sum, child) => {
    try {
      const status = readFileSync(`/proc/${child}/status`, 'utf8');
      return sum + Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      return sum;
    }
  }, 0);
}
