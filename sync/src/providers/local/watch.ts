// Change feed of a local folder: a native watcher (chokidar over fs.watch), events coalesced
// per path into batches. A watcher cannot replay the past, so every call starts from now
// whatever the cursor; the first batch is empty and says "watching" (writes after it are seen).
// Missed events (overflow, restarts) are the periodic reconcile's job (DESIGN-NOTES §6).
import { basename, relative, sep } from 'node:path';
import { SyncoxideError } from '@syncoxide/core';
import { watch } from 'chokidar';
import { isTempName } from '../common/paths.js';
import type { Change } from '../types.js';
import { confine, entryOf, lstatOrNull } from './fs.js';

export interface WatchOptions {
  signal: AbortSignal;
  /** How long events are gathered before a batch is yielded. */
  batchMs?: number;
}

export async function* watchLocal(
  root: string,
  options: WatchOptions,
): AsyncGenerator<{ cursor: string; changes: Change[] }> {
  const batchMs = options.batchMs ?? 100;
  const pending = new Map<string, 'upsert' | 'delete'>(); // kind kept for debugging only
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const watcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (path: string) => isTempName(basename(path)),
  });
  const record = (type: 'upsert' | 'delete') => (abs: string) => {
    const rel = relative(root, abs).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) return;
    pending.set(rel, type);
    notify();
  };
  watcher.on('add', record('upsert'));
  watcher.on('addDir', record('upsert'));
  watcher.on('change', record('upsert'));
  watcher.on('unlink', record('delete'));
  watcher.on('unlinkDir', record('delete'));
  watcher.on('error', (err) => {
    failure = err as Error;
    notify();
  });
  const onAbort = (): void => notify();
  options.signal.addEventListener('abort', onAbort);
  let seq = 0;
  const cursor = (): string => `watch:${Date.now()}:${++seq}`;
  try {
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    yield { cursor: cursor(), changes: [] };
    while (!options.signal.aborted) {
      if (failure) {
        throw new SyncoxideError(
          'UNAVAILABLE',
          `watcher failed (${(failure as Error).message}), rescan needed`,
          {
            cause: failure,
          },
        );
      }
      if (pending.size === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      // Gather what else arrives in the window: a rename or save is several events.
      await new Promise((r) => setTimeout(r, batchMs));
      const batch = [...pending.keys()];
      pending.clear();
      const changes: Change[] = [];
      for (const rel of batch) {
        // Report the state at flush time, whatever the event said: it may already be stale.
        const { abs } = confine(root, rel);
        const st = await lstatOrNull(abs, rel).catch(() => null);
        if (st && !st.isSymbolicLink()) changes.push({ type: 'upsert', path: rel, entry: entryOf(rel, st) });
        else if (!st) changes.push({ type: 'delete', path: rel, entry: null });
      }
      if (changes.length > 0) yield { cursor: cursor(), changes };
    }
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await watcher.close();
  }
}
