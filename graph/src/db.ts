// Thin helpers around the neo4j driver: sessions on the configured database, conversions of
// the driver's 64-bit Integer objects, and counting what a statement wrote.
import neo4j, { type Driver, type Integer, type ManagedTransaction, type QueryResult } from 'neo4j-driver';

export interface Db {
  driver: Driver;
  database: string;
}

export type Tx = ManagedTransaction;

export async function readTx<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work);
  } finally {
    await session.close();
  }
}

/** Runs `work` in a write transaction; the driver retries it on transient errors (deadlocks). */
export async function writeTx<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

/** Integer-valued parameters go as Bolt integers: plain JS numbers would be stored as floats. */
export function int(value: number): Integer {
  return neo4j.int(value);
}

export function intOrNull(value: number | null | undefined): Integer | null {
  return value === null || value === undefined ? null : neo4j.int(value);
}

export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Everything a statement changed; 0 means it only read. */
export function writesOf(result: QueryResult): number {
  const u = result.summary.counters.updates();
  return (
    u.nodesCreated +
    u.nodesDeleted +
    u.relationshipsCreated +
    u.relationshipsDeleted +
    u.propertiesSet +
    u.labelsAdded +
    u.labelsRemoved
  );
}

/** An auto-commit statement: the only kind that may use CALL { … } IN TRANSACTIONS. */
export async function autoCommit(
  db: Db,
  query: string,
  params: Record<string, unknown>,
): Promise<QueryResult> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.run(query, params);
  } finally {
    await session.close();
  }
}
