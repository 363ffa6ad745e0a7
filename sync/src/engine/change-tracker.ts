// What changed on each remote since a moment, so a rule whose two sides saw no change since its
// last clean run can be confirmed without listing either side (O(changes), not O(files)).
// A remote is covered when a change feed watches it (a local watcher, graph diffs passed to
// `note`), or when it is trusted: declared written only by this engine (a sync destination
// in a bucket nobody else writes). A watch that fails or restarts starts a new epoch, and a
// cursor from an older epoch covers nothing, so a missed event can only cost a full listing.
import { randomUUID } from 'node:crypto';
import type { Logger } from '@syncoxide/core';
import { isWithin } from '../providers/common/paths.js';
import { type Change, hasChangeFeed, type Provider } from '../providers/types.js';

interface RemoteLog {
  /** Changes a cursor of another epoch may have missed. */
  epoch: string;
  /** Feed delivering (a watcher after its "watching" batch), or trusted. */
  covered: boolean;
  trusted: boolean;
  seq: number;
  /** Recent changed paths with their sequence numbers (and the rule that wrote them), oldest first. */
  recent: { seq: number; path: string; by: string | null }[];
  /**
   * Per writer (a rule id, or null for anyone else), the last sequence trimmed from `recent`:
   * a cursor older than that cannot be answered — except for the rule that wrote it, to which
   * its own writes never count (a first sync of more files than `remember` stays confirmable).
   */
  trimmed: Map<string | null, number>;
}

/** Per remote: the epoch and sequence a run started from. */
export type TrackerCursor = Record<string, { epoch: string; seq: number }>;

export interface ChangeTrackerOptions {
  /**
   * Paths remembered per remote (at least: trimmed a tenth at a time) before older cursors stop
   * being answerable (default 100,000).
   */
  remember?: number;
  logger?: Logger;
}

export interface WatchOptions {
  /** Also told of each batch (e.g. to apply it to the graph); awaited before the next batch. */
  onBatch?: (changes: Change[]) => Promise<void>;
  /** The feed ended (error, or null when stopped/exhausted): the remote is uncovered again. */
  onStopped?: (err: unknown) => void;
}

export class ChangeTracker {
  private readonly logs = new Map<string, RemoteLog>();
  private readonly stops = new Map<string, AbortController[]>();

  constructor(private readonly o: ChangeTrackerOptions = {}) {}

  private log(remote: string): RemoteLog {
    let log = this.logs.get(remote);
    if (!log) {
      log = { epoch: randomUUID(), covered: false, trusted: false, seq: 0, recent: [], trimmed: new Map() };
      this.logs.set(remote, log);
    }
    return log;
  }

  /** Declares that only this engine writes `remote` (no feed needed to trust it between runs). */
  trust(remote: string): void {
    const log = this.log(remote);
    log.trusted = true;
    log.covered = true;
  }

  /**
   * Follows `provider`'s change feed for `remote`; resolves once the feed delivers (a watcher's
   * first batch), or rejects when the provider has none. A failed feed leaves the remote
   * uncovered (new epoch) until watched again.
   */
  async watch(remote: string, provider: Provider, options: WatchOptions = {}): Promise<void> {
    if (!hasChangeFeed(provider)) throw new Error(`remote ${remote} has no change feed`);
    const stop = new AbortController();
    this.stops.set(remote, [...(this.stops.get(remote) ?? []), stop]);
    let ready!: () => void;
    let failed!: (err: unknown) => void;
    const started = new Promise<void>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    (async () => {
      for await (const batch of provider.changes({ cursor: null, signal: stop.signal })) {
        const log = this.log(remote);
        if (!log.covered) {
          log.covered = true;
          ready();
        }
        this.note(
          remote,
          batch.changes.map((c) => c.path),
        );
        if (batch.changes.length > 0) await options.onBatch?.(batch.changes);
      }
    })().then(
      () => {
        this.uncover(remote);
        options.onStopped?.(null);
      },
      (err) => {
        this.uncover(remote);
        if (!stop.signal.aborted)
          this.o.logger?.warn({ err, remote }, 'change feed failed; full listings until rewatched');
        failed(err);
        options.onStopped?.(stop.signal.aborted ? null : err);
      },
    );
    return started;
  }

  /** Stops the feeds of one remote (it is listed in full from now on). */
  unwatch(remote: string): void {
    for (const s of this.stops.get(remote) ?? []) s.abort();
    this.stops.delete(remote);
  }

  private uncover(remote: string): void {
    const log = this.log(remote);
    if (log.trusted) return;
    log.covered = false;
    log.epoch = randomUUID();
    log.recent = [];
    log.trimmed = new Map([[null, log.seq]]);
  }

  /**
   * Records changes of `remote` (a feed's batch, a graph diff made by someone else); `by`: the
   * rule whose run wrote them (its own writes do not make that rule list again).
   */
  note(remote: string, paths: string[], by: string | null = null): void {
    if (paths.length === 0) return;
    const log = this.log(remote);
    for (const path of paths) log.recent.push({ seq: ++log.seq, path, by });
    const max = this.o.remember ?? 100_000;
    // Trimmed a tenth at a time: one splice per note of a long run would be quadratic.
    if (log.recent.length > max + Math.ceil(max / 10)) {
      const cut = log.recent.length - max;
      for (const gone of log.recent.splice(0, cut)) log.trimmed.set(gone.by, gone.seq);
    }
  }

  /** Where each remote stands now; a run takes this before it lists. */
  cursor(remotes: string[]): TrackerCursor {
    const out: TrackerCursor = {};
    for (const r of remotes) {
      const log = this.log(r);
      if (log.covered) out[r] = { epoch: log.epoch, seq: log.seq };
    }
    return out;
  }

  /**
   * True when nothing under `folder` of `remote` changed since `cursor` as far as a covering
   * feed (or trust) can tell; false whenever that cannot be vouched for.
   */
  quiet(remote: string, folder: string, cursor: TrackerCursor, ruleId: string | null = null): boolean {
    const log = this.logs.get(remote);
    const at = cursor[remote];
    if (!log?.covered || !at || at.epoch !== log.epoch) return false;
    for (const [by, seq] of log.trimmed) {
      if (at.seq < seq && (by === null || by !== ruleId)) return false;
    }
    for (let i = log.recent.length - 1; i >= 0 && log.recent[i]!.seq > at.seq; i--) {
      const { path, by } = log.recent[i]!;
      if (by !== null && by === ruleId) continue;
      // A change of the folder itself or an ancestor (a rename, a delete) counts too.
      if (isWithin(path, folder) || isWithin(folder, path)) return false;
    }
    return true;
  }

  /** Stops every feed. */
  close(): void {
    for (const remote of [...this.stops.keys()]) this.unwatch(remote);
  }
}
