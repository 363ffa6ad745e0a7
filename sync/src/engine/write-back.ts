// Graph write-back: what a run wrote (new provider versions, deletes, renames) is told to the
// graph as a change batch with cause "sync", so the graph knows the remotes' state without a
// rescan, and consumers of its diffs can tell the engine's own writes from anyone else's.
import type { Logger } from '@syncoxide/core';
import type { OpRow } from '../journal/ops.repository.js';
import type { Change, Entry } from '../providers/types.js';
import type { ApplyResult } from './apply.js';
import type { Side } from './rule.js';
import type { FileState } from './state.js';

/** Where the written changes go: the graph store's `applyChanges` has this shape. */
export interface ChangeSink {
  applyChanges(input: {
    ownerId: string;
    remoteId: string;
    changes: Change[];
    cause: { type: 'sync'; ref: string | null };
  }): Promise<unknown>;
}

function entryOf(path: string, s: FileState): Entry {
  const hashes: Entry['hashes'] = {};
  if (s.md5) hashes.md5 = s.md5;
  if (s.sha1) hashes.sha1 = s.sha1;
  return {
    path,
    kind: s.kind,
    size: s.size,
    mtime: s.mtime,
    hashes,
    providerId: s.providerId,
    etag: s.etag,
  };
}

/** The provider-level changes one finished journal row made, per remote. */
export function changesOf(row: OpRow, result: ApplyResult): { remote: string; change: Change }[] {
  const op = row.spec;
  const upsert = (remote: string, path: string, side: Side) => {
    const s = result.written[side];
    return s ? [{ remote, change: { type: 'upsert' as const, path, entry: entryOf(path, s) } }] : [];
  };
  const removed = (remote: string, path: string) => [
    { remote, change: { type: 'delete' as const, path, entry: null } },
  ];
  switch (op.kind) {
    case 'copy':
      return [
        ...upsert(row.dstRemote, row.dstPath, op.to.side),
        ...(op.deleteSource ? removed(row.srcRemote!, row.srcPath!) : []),
      ];
    case 'move':
      return [...removed(row.dstRemote, row.srcPath!), ...upsert(row.dstRemote, row.dstPath, op.side)];
    case 'delete':
      return removed(row.dstRemote, row.dstPath);
    case 'mkdir':
      return upsert(row.dstRemote, row.dstPath, op.at.side);
    case 'merge':
      return [
        ...upsert(row.srcRemote!, row.srcPath!, 'path1'),
        ...upsert(row.dstRemote, row.dstPath, 'path2'),
      ];
  }
}

/**
 * Gathers a run's changes and hands them to the sink per remote, in batches. A sink failure is
 * logged, never fails the run: the next scan or reconcile brings the graph up to date.
 */
export class WriteBack {
  private readonly pending = new Map<string, Change[]>();

  constructor(
    private readonly sink: ChangeSink,
    private readonly ownerId: string,
    private readonly runRef: string,
    private readonly logger?: Logger,
    private readonly batch = 2000,
  ) {}

  add(row: OpRow, result: ApplyResult): Promise<void> {
    for (const { remote, change } of changesOf(row, result)) {
      const list = this.pending.get(remote) ?? [];
      list.push(change);
      this.pending.set(remote, list);
      if (list.length >= this.batch) return this.flushRemote(remote);
    }
    return Promise.resolve();
  }

  private async flushRemote(remote: string): Promise<void> {
    const changes = this.pending.get(remote) ?? [];
    this.pending.delete(remote);
    if (changes.length === 0) return;
    try {
      await this.sink.applyChanges({
        ownerId: this.ownerId,
        remoteId: remote,
        changes,
        cause: { type: 'sync', ref: this.runRef },
      });
    } catch (err) {
      this.logger?.warn(
        { err, remote, changes: changes.length },
        'graph write-back failed; a rescan will catch up',
      );
    }
  }

  async flush(): Promise<void> {
    for (const remote of [...this.pending.keys()]) await this.flushRemote(remote);
  }
}
