// Empty and near-empty folders: folders with at most `maxFiles` files anywhere below them.
// Only the topmost such folder is reported (its subfolders go with it), with the files and
// bytes below it as what removing it frees.
import type { Client } from '@opensearch-project/opensearch';
import { filesAlias } from '@syncoxide/indexer';
import { folderTotals } from '../folders.js';
import { LIVE, type Scope, scopeFilters } from '../scope.js';
import type { CleanupItem, CleanupReportData } from '../types.js';
import { allDocs, itemOf } from './items.js';

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

export async function emptyFoldersReport(
  client: Client,
  indexPrefix: string,
  scope: Scope,
  options: { limit: number; maxFiles: number },
): Promise<CleanupReportData> {
  const index = filesAlias(indexPrefix);
  const totals = new Map<string, { files: number; bytes: number }>();
  for await (const f of folderTotals(client, indexPrefix, scope)) {
    totals.set(`${f.remoteId}|${f.path}`, { files: f.files, bytes: f.bytes });
  }
  const folders = { bool: { filter: [...scopeFilters(scope), LIVE, { term: { kind: 'folder' } }] } };
  const qualifying = new Map<string, CleanupItem>();
  for await (const doc of allDocs(client, index, folders, [{ 'path.keyword': 'asc' }])) {
    const t = totals.get(`${doc.remoteId}|${doc.path}`) ?? { files: 0, bytes: 0 };
    if (t.files > options.maxFiles) continue;
    qualifying.set(
      `${doc.remoteId}|${doc.path}`,
      itemOf(doc, { files: t.files, size: t.bytes, reclaimableBytes: t.bytes }),
    );
  }
  // A folder whose parent qualifies goes with the parent.
  const top = [...qualifying.entries()]
    .filter(([, item]) => {
      const parent = parentOf(item.path);
      return parent === '' || !qualifying.has(`${item.remoteId}|${parent}`);
    })
    .map(([, item]) => item)
    .sort(
      (a, b) =>
        b.reclaimableBytes - a.reclaimableBytes ||
        a.remoteId.localeCompare(b.remoteId) ||
        a.path.localeCompare(b.path),
    );
  const items = top.slice(0, options.limit);
  return {
    kind: 'empty_folders',
    items,
    totalItems: top.length,
    groups: 0,
    reclaimableBytes: top.reduce((s, i) => s + i.reclaimableBytes, 0),
    truncated: items.length < top.length,
    notes: [],
  };
}
