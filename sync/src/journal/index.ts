// The sync journal in PostgreSQL: operations (write-ahead log), baselines, rule leases, status.
import type pg from 'pg';
import { BaselineRepository } from './baseline.repository.js';
import { RuleLockRepository } from './lock.repository.js';
import { OpsRepository } from './ops.repository.js';
import { RunsRepository } from './runs.repository.js';

export { BaselineRepository } from './baseline.repository.js';
export { RuleLockRepository } from './lock.repository.js';
export { type NewOp, type OpRow, type OpState, OpsRepository } from './ops.repository.js';
export { type OpCounts, type RunState, RunsRepository } from './runs.repository.js';
export { inTransaction, migrateJournal } from './schema.js';

export interface Journal {
  pool: pg.Pool;
  schema: string;
  ops: OpsRepository;
  baselines: BaselineRepository;
  locks: RuleLockRepository;
  runs: RunsRepository;
}

export function createJournal(pool: pg.Pool, schema = 'syncoxide'): Journal {
  return {
    pool,
    schema,
    ops: new OpsRepository(pool, schema),
    baselines: new BaselineRepository(pool, schema),
    locks: new RuleLockRepository(pool, schema),
    runs: new RunsRepository(pool, schema),
  };
}
