import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type SimilarPhoto, similarPhotosReport } from './similar-photos.js';

const photo = (
  nodeId: string,
  path: string,
  size: number,
  width: number | null,
  height: number | null,
  mtime: number | null = 1000,
): SimilarPhoto => ({
  nodeId,
  remoteId: nodeId.startsWith('s') ? 'bucket' : 'disk',
  kind: 'file',
  path,
  name: path,
  size,
  mtime,
  md5: null,
  revision: 1,
  width,
  height,
});

test('keeps the photo with the most pixels; the rest of each group is reclaimable', () => {
  const report = similarPhotosReport(
    [
      [photo('s1', 'small.jpg', 40_000, 400, 300), photo('d1', 'full.jpg', 90_000, 800, 600)],
      [
        photo('d2', 'burst-1.jpg', 500_000, 4000, 3000, 2000),
        photo('d3', 'burst-2.jpg', 520_000, 4000, 3000, 1000),
        photo('d4', 'burst-3.jpg', 510_000, 4000, 3000, 3000),
      ],
    ],
    { limit: 100 },
  );
  assert.equal(report.kind, 'similar_photos');
  assert.equal(report.groups, 2);
  assert.equal(report.totalItems, 5);
  // The burst group frees more, so it comes first; equal pixels: the largest file stays.
  assert.deepEqual(
    report.items.map((i) => [i.path, i.keep, i.reclaimableBytes]),
    [
      ['burst-2.jpg', true, 0],
      ['burst-3.jpg', false, 510_000],
      ['burst-1.jpg', false, 500_000],
      ['full.jpg', true, 0],
      ['small.jpg', false, 40_000],
    ],
  );
  assert.equal(report.reclaimableBytes, 1_050_000);
  assert.equal(new Set(report.items.slice(0, 3).map((i) => i.group)).size, 1);
  assert.equal(report.items[0]!.group, 'photos:d3');
  assert.equal(report.truncated, false);
});

test('whole groups only up to the limit; single photos and empty input report nothing', () => {
  const groups = [
    [photo('d1', 'a.jpg', 300, 10, 10), photo('d2', 'b.jpg', 200, 10, 10), photo('d3', 'c.jpg', 100, 10, 10)],
    [photo('d4', 'x.jpg', 50, 10, 10), photo('d5', 'y.jpg', 40, 10, 10)],
  ];
  const cut = similarPhotosReport(groups, { limit: 4 });
  assert.deepEqual(
    cut.items.map((i) => i.path),
    ['a.jpg', 'b.jpg', 'c.jpg'],
  );
  assert.equal(cut.truncated, true);
  assert.equal(cut.totalItems, 5);
  assert.equal(cut.reclaimableBytes, 340, 'totals count every group, listed or not');
  const none = similarPhotosReport([[photo('d1', 'a.jpg', 1, 1, 1)]], { limit: 10 });
  assert.deepEqual([none.items, none.groups, none.reclaimableBytes, none.truncated], [[], 0, 0, false]);
});
