// Similar photos: groups of near-duplicate photos (bursts, resized or re-encoded copies) found by
// the photo library's perceptual hash, as a cleanup report. The groups come from the caller (the
// gateway asks the photo library); this builds the report: in each group the photo with the most
// pixels stays (then the largest file, then the oldest, then by remote and path), the others are
// what a cleanup would move to the trash.
import type { CleanupItem, CleanupReportData } from '../types.js';
import { type ItemDoc, itemOf } from './items.js';

/** A photo of a near-duplicate group: the file as the graph knows it and its displayed size. */
export type SimilarPhoto = ItemDoc & { width: number | null; height: number | null };

const pixels = (p: SimilarPhoto) => (p.width ?? 0) * (p.height ?? 0);

/** Orders a group best first: the copy worth keeping leads. */
function bestFirst(a: SimilarPhoto, b: SimilarPhoto): number {
  return (
    pixels(b) - pixels(a) ||
    (b.size ?? 0) - (a.size ?? 0) ||
    (a.mtime ?? Number.POSITIVE_INFINITY) - (b.mtime ?? Number.POSITIVE_INFINITY) ||
    a.remoteId.localeCompare(b.remoteId) ||
    a.path.localeCompare(b.path)
  );
}

/**
 * The report from near-duplicate groups: the group key is `photos:<the kept photo's node id>`,
 * groups that free the most bytes come first, and the item list holds whole groups up to `limit`
 * items (a group is never cut, so each listed photo's kept copy is listed too).
 */
export function similarPhotosReport(groups: SimilarPhoto[][], options: { limit: number }): CleanupReportData {
  const built: CleanupItem[][] = [];
  for (const group of groups) {
    if (group.length < 2) continue;
    const ordered = [...group].sort(bestFirst);
    const key = `photos:${ordered[0]!.nodeId}`;
    built.push(
      ordered.map((p, i) =>
        itemOf(p, { group: key, keep: i === 0, reclaimableBytes: i === 0 ? 0 : (p.size ?? 0) }),
      ),
    );
  }
  const reclaim = (g: CleanupItem[]) => g.reduce((s, i) => s + i.reclaimableBytes, 0);
  built.sort((a, b) => reclaim(b) - reclaim(a) || a[0]!.group!.localeCompare(b[0]!.group!));
  const items: CleanupItem[] = [];
  for (const g of built) {
    if (items.length + g.length > options.limit) break;
    items.push(...g);
  }
  const totalItems = built.reduce((s, g) => s + g.length, 0);
  return {
    kind: 'similar_photos',
    items,
    totalItems,
    groups: built.length,
    reclaimableBytes: built.reduce((s, g) => s + reclaim(g), 0),
    truncated: items.length < totalItems,
    notes: [
      'Photos that look alike (perceptual hash), not byte-identical: check a group before cleaning it. The kept one has the most pixels.',
    ],
  };
}
