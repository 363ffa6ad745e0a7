// How the benchmark knows files are searchable: the search engine's count of the owner's live
// files, polled until it reaches the expected number.
import type { createSearchClient } from '@syncoxide/indexer';

export async function waitSearchable(
  search: ReturnType<typeof createSearchClient>,
  alias: string,
  ownerId: string,
  files: number,
  timeoutMs = 30 * 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const query = {
    bool: { filter: [{ term: { ownerId } }, { term: { kind: 'file' } }, { term: { deleted: false } }] },
  };
  for (;;) {
    const res = await search.count({ index: alias, body: { query } }).catch(() => null);
    const count = Number(res?.body?.count ?? 0);
    if (count >= files) return;
    if (Date.now() > deadline) throw new Error(`only ${count} of ${files} files searchable in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
