// What every graph service is given: the database, a logger, a clock, and a hook called after
// each commit that wrote outbox events (so a relay in the same process wakes at once).
import { isRetriable, type Logger, retry } from '@syncoxide/core';
import { type Db, type Tx, writeTx } from './db.js';

export interface GraphContext {
  db: Db;
  logger: Logger;
  clock: () => number;
  onEvents: (count: number) => void;
  /** Outbox lane the events go to ('' is the main one); a relay publishes one lane. */
  lane: string;
}

/** A write transaction retried while it fails retriably (a node changed concurrently). */
export function writeRetrying<T>(ctx: GraphContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retry(() => writeTx(ctx.db, work), {
    attempts: 8,
    baseMs: 20,
    maxMs: 1000,
    shouldRetry: isRetriable,
    onRetry: (err, attempt) => ctx.logger.debug({ err, attempt }, 'graph write retried'),
  });
}
