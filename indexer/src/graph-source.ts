// Where `reindex` reads node states from in production: the graph's iterateNodeStates.
// Kept apart so reindex itself only knows an AsyncIterable of states.
import { type Config, SyncoxideError } from '@syncoxide/core';
import type { SourceNode } from './reindex.js';

export interface GraphSource {
  nodes: AsyncIterable<SourceNode>;
  close(): Promise<void>;
}

export async function graphSource(_config: Config): Promise<GraphSource> {
  // Loaded by name until @syncoxide/graph publishes iterateNodeStates.
  const name = '@syncoxide/graph';
  const graph = (await import(name).catch(() => ({}))) as Record<string, unknown>;
  if (typeof graph.iterateNodeStates !== 'function') {
    throw new SyncoxideError('UNSUPPORTED', '@syncoxide/graph does not export iterateNodeStates yet');
  }
  throw new SyncoxideError('UNSUPPORTED', 'graph source wiring pending');
}
