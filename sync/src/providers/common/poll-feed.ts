// A change feed for providers without a native one (DESIGN-NOTES §6): list everything every
// interval and compare with the previous listing. The cursor is a digest of a listing.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Change, Entry } from '../types.js';

type Snapshot = Map<string, { print: string; entry: Entry }>;

function fingerprint(e: Entry): string {
  return [e.kind, e.size, e.mtime ?? '', e.etag ?? '', e.hashes.md5 ?? '', e.hashes.sha1 ?? ''].join('|');
}

async function snapshot(list: () => AsyncIterable<Entry>): Promise<{ snap: Snapshot; cursor: string }> {
  const snap: Snapshot = new Map();
  for await (const entry of list()) snap.set(entry.path, { print: fingerprint(entry), entry });
  const digest = createHash('sha256');
  for (const path of [...snap.keys()].sort()) digest.update(`${path}\0${snap.get(path)!.print}\n`);
  return { snap, cursor: `poll1:${digest.digest('base64url')}` };
}

function diff(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  for (const [path, now] of after) {
    if (before.get(path)?.print !== now.print) changes.push({ type: 'upsert', path, entry: now.entry });
  }
  for (const path of before.keys()) {
    if (!after.has(path)) changes.push({ type: 'delete', path, entry: null });
  }
  return changes;
}

/**
 * Polls `list` and yields what changed. Listings of recent cursors are remembered by the
 * feed, so a cursor from this process continues exactly. A cursor from another process (after a
 * restart) cannot be diffed against: if the listing still has that digest nothing changed,
 * otherwise every entry is reported as an upsert (idempotent for consumers) and deletions in the
 * gap are left to the periodic reconcile, which exists for exactly such gaps.
 */
export class PollingFeed {
  private readonly known = new Map<string, Snapshot>();

  constructor(private readonly list: () => AsyncIterable<Entry>) {}

  private remember(cursor: string, snap: Snapshot): void {
    this.known.set(cursor, snap);
    while (this.known.size > 4) this.known.delete(this.known.keys().next().value!);
  }

  async *changes(options: {
    cursor: string | null;
    signal: AbortSignal;
    pollIntervalMs?: number;
  }): AsyncGenerator<{ cursor: string; changes: Change[] }> {
    const interval = options.pollIntervalMs ?? 10_000;
    let cursor = options.cursor;
    let base = cursor ? this.known.get(cursor) : undefined;
    if (!base) {
      const first = await snapshot(this.list);
      this.remember(first.cursor, first.snap);
      if (cursor !== null && cursor !== first.cursor) {
        const all = [...first.snap.values()].map(
          ({ entry }): Change => ({ type: 'upsert', path: entry.path, entry }),
        );
        yield { cursor: first.cursor, changes: all };
      }
      base = first.snap;
      cursor = first.cursor;
    }
    while (!options.signal.aborted) {
      try {
        await sleep(interval, undefined, { signal: options.signal });
      } catch {
        return;
      }
      const next = await snapshot(this.list);
      if (next.cursor === cursor) continue;
      const changes = diff(base, next.snap);
      this.remember(next.cursor, next.snap);
      base = next.snap;
      cursor = next.cursor;
      if (changes.length > 0) yield { cursor, changes };
    }
  }
}
