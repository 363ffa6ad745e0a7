// Bulk writes of search documents with the node's revision as an external version: the engine
// itself refuses a stale or replayed state (409), so writes are idempotent and need no order.
import type { Client } from '@opensearch-project/opensearch';
import { type RetryOptions, retry, SyncoxideError } from '@syncoxide/core';
import type { IndexOp } from './document.js';
import { searchEngineError } from './engine-errors.js';

export type ItemOutcome = 'applied' | 'stale' | 'rejected' | 'retry';

export interface BulkItemResponse {
  status: number;
  error?: { type?: string; reason?: string | null } | undefined;
}

/**
 * What one bulk item's answer means for the event behind it.
 * - 2xx applied; 409 a newer (or the same) revision is already there: success, nothing to do.
 * - 429, 5xx, a missing index (alias being set up), a cluster block (disk full): try later.
 * - any other 4xx (mapping rejection): this state can never be applied, dead-letter it.
 */
export function classifyItem(item: BulkItemResponse): ItemOutcome {
  const { status } = item;
  if (status >= 200 && status < 300) return 'applied';
  if (status === 409) return 'stale';
  if (status === 429 || status >= 500) return 'retry';
  const type = item.error?.type ?? '';
  if (type === 'index_not_found_exception' || type === 'cluster_block_exception') return 'retry';
  return 'rejected';
}

export interface Rejection<T extends IndexOp = IndexOp> {
  op: T;
  reason: string;
}

export interface BulkOutcome<T extends IndexOp = IndexOp> {
  applied: number;
  stale: number;
  rejected: Rejection<T>[];
  /** Ops to send again later, with the first reason. */
  retry: T[];
  retryReason: string | null;
}

export interface WriteOptions {
  /**
   * Target is an alias that must exist: without this a write to a missing alias would make
   * the engine create a concrete index of that name and the alias could never be created.
   */
  requireAlias?: boolean;
  /** Make the writes visible to search before returning (tests; never the consumer). */
  refresh?: boolean;
}

function describe(error: BulkItemResponse['error'], status: number): string {
  return `${status} ${error?.type ?? 'error'}: ${error?.reason ?? ''}`.trim();
}

/** One bulk request. Throws a SyncoxideError (retriable if the engine was unreachable). */
export async function bulkWriteOnce<T extends IndexOp>(
  client: Client,
  target: string,
  ops: readonly T[],
  options: WriteOptions = {},
): Promise<BulkOutcome<T>> {
  const outcome: BulkOutcome<T> = { applied: 0, stale: 0, rejected: [], retry: [], retryReason: null };
  if (ops.length === 0) return outcome;
  const body = ops.flatMap((op) => [
    { index: { _index: target, _id: op.nodeId, version: op.revision, version_type: 'external' as const } },
    op.doc,
  ]);
  let items: Array<Record<string, BulkItemResponse | undefined>>;
  try {
    const response = await client.bulk({
      body,
      require_alias: options.requireAlias ?? false,
      refresh: options.refresh ? 'true' : 'false',
    });
    items = response.body.items as unknown as typeof items;
  } catch (err) {
    throw searchEngineError(err, `bulk write of ${ops.length} documents to ${target}`);
  }
  if (items.length !== ops.length) {
    throw new SyncoxideError('INTERNAL', `bulk answered ${items.length} items for ${ops.length} writes`);
  }
  items.forEach((entry, i) => {
    const item = entry.index ?? { status: 500, error: { type: 'missing_item' } };
    const op = ops[i]!;
    switch (classifyItem(item)) {
      case 'applied':
        outcome.applied++;
        break;
      case 'stale':
        outcome.stale++;
        break;
      case 'retry':
        outcome.retry.push(op);
        outcome.retryReason ??= describe(item.error, item.status);
        break;
      case 'rejected':
        outcome.rejected.push({ op, reason: describe(item.error, item.status) });
        break;
    }
  });
  return outcome;
}

export interface BulkRetryOptions extends RetryOptions {
  /** Called before every attempt after the first (the consumer heartbeats here). */
  beforeRetry?: (attempt: number) => Promise<void>;
}

/**
 * Bulk write that keeps retrying what the engine could not take yet, with exponential
 * back-off; returns only when every op is applied, stale or rejected for good.
 */
export async function bulkWrite<T extends IndexOp>(
  client: Client,
  target: string,
  ops: readonly T[],
  options: WriteOptions & BulkRetryOptions = {},
): Promise<Omit<BulkOutcome<T>, 'retry' | 'retryReason'>> {
  const total = { applied: 0, stale: 0, rejected: [] as Rejection<T>[] };
  let pending = ops;
  await retry(async (attempt) => {
    if (attempt > 1) await options.beforeRetry?.(attempt);
    const outcome = await bulkWriteOnce(client, target, pending, options);
    total.applied += outcome.applied;
    total.stale += outcome.stale;
    total.rejected.push(...outcome.rejected);
    pending = outcome.retry;
    if (pending.length > 0) {
      throw new SyncoxideError(
        'UNAVAILABLE',
        `${pending.length} writes not taken yet (${outcome.retryReason})`,
        {
          retriable: true,
        },
      );
    }
  }, options);
  return total;
}
