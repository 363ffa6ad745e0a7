// Counters of one ingest, returned to the caller and reported as progress.
import type { BatchOutcome } from './batch.js';

export interface IngestStats {
  entries: number;
  created: number;
  modified: number;
  moved: number;
  /** Metadata-only changes (folder mtime, hashes learned, provider id changed). */
  metadata: number;
  deleted: number;
  unchanged: number;
  duplicates: number;
  events: number;
  /** Nodes, relationships and properties written; 0 for a listing that changed nothing. */
  writes: number;
  batches: number;
  complete: boolean;
}

export function emptyStats(): IngestStats {
  return {
    entries: 0,
    created: 0,
    modified: 0,
    moved: 0,
    metadata: 0,
    deleted: 0,
    unchanged: 0,
    duplicates: 0,
    events: 0,
    writes: 0,
    batches: 0,
    complete: false,
  };
}

export function tally(stats: IngestStats, out: BatchOutcome): void {
  stats.created += out.plan.creates.length;
  for (const u of out.plan.updates) {
    if (u.kind === 'moved') stats.moved++;
    else if (u.kind === 'modified') stats.modified++;
    else stats.metadata++;
  }
  stats.moved += out.carried;
  stats.deleted += out.deleted;
  stats.unchanged += out.plan.unchanged;
  stats.duplicates += out.plan.duplicates;
  stats.events += out.events;
  stats.writes += out.writes;
  stats.batches++;
}
