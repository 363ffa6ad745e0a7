// Where the CLI's `reindex` and `purge` read the graph: a driver over the configured Neo4j.
// Kept apart so reindex and purge themselves only know an iterable and a callback.
import { type Config, isSyncoxideError } from '@syncoxide/core';
import { createGraphDriver, createGraphStore, iterateNodeStates } from '@syncoxide/graph';
import type { SourceNode } from './reindex.js';

export interface GraphAccess {
  /** Every current node, in batches. */
  nodes(): AsyncIterable<SourceNode>;
  /** Whether the graph still holds the node (its owner can read it). */
  exists(nodeId: string, ownerId: string): Promise<boolean>;
  close(): Promise<void>;
}

export function graphAccess(config: Config): GraphAccess {
  const driver = createGraphDriver(config);
  const database = config.neo4j.database;
  const store = createGraphStore({ driver, database });
  return {
    nodes: () => iterateNodeStates({ driver, database }),
    async exists(nodeId, ownerId) {
      try {
        await store.node(ownerId, nodeId);
        return true;
      } catch (err) {
        if (isSyncoxideError(err, 'NOT_FOUND')) return false;
        throw err;
      }
    },
    close: () => driver.close(),
  };
}
