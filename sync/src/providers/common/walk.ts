// Recursive listing for providers that can only list one folder at a time (SFTP readdir,
// WebDAV PROPFIND Depth 1, rclone operations/list): several folders in flight at once, entries
// streamed as they arrive, and no new folder read while too many entries wait to be consumed.
import { isSyncoxideError } from '@syncoxide/core';
import type { Entry } from '../types.js';

export interface WalkOptions {
  recursive?: boolean;
  /** Folders read at the same time. */
  concurrency?: number;
  /** Entries buffered before reading pauses (back-pressure on a slow consumer). */
  highWater?: number;
}

/**
 * Walks from `root`, yielding every entry `readdir` returns (children with full paths).
 * A folder that vanishes during the walk (NOT_FOUND below the root) is skipped: a concurrent
 * delete is not an error of the listing, and a later listing sees the truth.
 */
export async function* walkTree(
  root: string,
  readdir: (dir: string) => Promise<Entry[]>,
  options: WalkOptions = {},
): AsyncGenerator<Entry> {
  const { recursive = true, concurrency = 8, highWater = 5000 } = options;
  const pending: string[] = [root];
  const ready: Entry[] = [];
  let active = 0;
  const state: { failure: { error: unknown } | null } = { failure: null };
  let stopped = false;
  let wake: (() => void) | null = null;

  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const pump = (): void => {
    while (
      !stopped &&
      !state.failure &&
      active < concurrency &&
      pending.length > 0 &&
      ready.length < highWater
    ) {
      const dir = pending.pop()!;
      active++;
      readdir(dir)
        .then(
          (entries) => {
            for (const entry of entries) {
              ready.push(entry);
              if (recursive && entry.kind === 'folder') pending.push(entry.path);
            }
          },
          (error: unknown) => {
            if (dir !== root && isSyncoxideError(error, 'NOT_FOUND')) return;
            state.failure ??= { error };
          },
        )
        .finally(() => {
          active--;
          pump();
          notify();
        });
    }
  };

  try {
    pump();
    for (;;) {
      if (state.failure) throw state.failure.error;
      if (ready.length > 0) {
        const batch = ready.splice(0, ready.length);
        for (const entry of batch) yield entry;
        pump();
        continue;
      }
      if (active === 0 && pending.length === 0) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    stopped = true;
  }
}
