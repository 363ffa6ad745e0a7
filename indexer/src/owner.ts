// Account removal: the graph drops an owner's data without an event per node, so the index
// drops the owner's documents by ownerId in one request.
import type { Client } from '@opensearch-project/opensearch';
import { searchEngineError } from './engine-errors.js';
import { filesAlias } from './names.js';

/** Deletes every document (tombstones included) of an owner; returns how many. */
export async function dropOwnerDocuments(
  client: Client,
  indexPrefix: string,
  ownerId: string,
): Promise<number> {
  try {
    const response = await client.deleteByQuery({
      index: filesAlias(indexPrefix),
      // A document written meanwhile is deleted by the next call; do not fail the whole run on it.
      conflicts: 'proceed',
      refresh: true,
      body: { query: { term: { ownerId } } },
    });
    return Number((response.body as { deleted?: number }).deleted ?? 0);
  } catch (err) {
    const wrapped = searchEngineError(err, `drop documents of owner ${ownerId}`);
    if (wrapped.code === 'NOT_FOUND') return 0;
    throw wrapped;
  }
}
