// Lists one side of a rule: the rule's folder on its remote, paths made relative to it,
// filtered by the rule's include/exclude. A folder that does not exist yet lists empty (a
// first run creates it); the empty-side guard protects the baseline from that turning into
// deletes.
import { isSyncoxideError } from '@syncoxide/core';
import { joinPath } from '../providers/common/paths.js';
import type { Provider } from '../providers/types.js';
import type { PathFilter } from './filters.js';
import type { SyncEndpoint } from './rule.js';
import type { Listing } from './state.js';

export async function listSide(
  provider: Provider,
  endpoint: SyncEndpoint,
  filter: PathFilter,
): Promise<Listing> {
  const out: Listing = new Map();
  const prefix = endpoint.path === '' ? '' : `${endpoint.path}/`;
  try {
    for await (const e of provider.list(endpoint.path, { recursive: true })) {
      if (!e.path.startsWith(prefix) || e.path === endpoint.path) continue;
      const rel = e.path.slice(prefix.length);
      if (!filter.accepts(rel, e.kind)) continue;
      out.set(rel, { ...e, path: rel });
    }
  } catch (err) {
    if (isSyncoxideError(err, 'NOT_FOUND') && endpoint.path !== '') return out;
    throw err;
  }
  return out;
}

export function fullPath(endpoint: SyncEndpoint, rel: string): string {
  return joinPath(endpoint.path, rel);
}
