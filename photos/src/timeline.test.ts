import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupTimeline, orderTimeline } from './timeline.js';

const items = [
  { id: 'tokyo-evening', takenAt: '2024-05-01T23:30:00+09:00', mtime: null }, // 14:30Z
  { id: 'paris-noon', takenAt: '2024-05-01T12:00:00+02:00', mtime: null }, // 10:00Z
  { id: 'no-exif', takenAt: null, mtime: Date.UTC(2024, 4, 1, 12, 0) }, // 12:00Z
  { id: 'old', takenAt: '2023-12-31T10:00:00', mtime: Date.UTC(2024, 6, 1) },
  { id: 'bad-date', takenAt: 'garbage', mtime: Date.UTC(2024, 5, 2) },
  { id: 'undated', takenAt: null, mtime: null },
];

test('ordered by date taken (as instants), falling back to mtime; undated last', () => {
  const order = orderTimeline(items).map((p) => `${p.item.id}:${p.source}`);
  assert.deepEqual(order, [
    'bad-date:mtime',
    'tokyo-evening:taken',
    'no-exif:mtime',
    'paris-noon:taken',
    'old:taken',
    'undated:none',
  ]);
  assert.equal(orderTimeline(items, { order: 'asc' })[0]!.item.id, 'old');
});

test('grouped by the local day the photo was taken, and by month', () => {
  const days = groupTimeline(items, 'day').map((g) => [g.key, g.items.map((p) => p.item.id)]);
  assert.deepEqual(days, [
    ['2024-06-02', ['bad-date']],
    ['2024-05-01', ['tokyo-evening', 'no-exif', 'paris-noon']],
    ['2023-12-31', ['old']],
    ['', ['undated']],
  ]);
  const months = groupTimeline(items, 'month', { order: 'asc' }).map((g) => g.key);
  assert.deepEqual(months, ['2023-12', '2024-05', '2024-06', '']);
  // An mtime near midnight falls on the viewer's day in their zone.
  const late = [{ id: 'x', takenAt: null, mtime: Date.UTC(2024, 0, 1, 23, 30) }];
  assert.equal(groupTimeline(late, 'day', { timeZone: 'Asia/Tokyo' })[0]!.key, '2024-01-02');
});

test('ties keep a stable order by id', () => {
  const same = ['c', 'a', 'b'].map((id) => ({ id, takenAt: '2024-01-01T00:00:00Z', mtime: null }));
  assert.deepEqual(
    orderTimeline(same).map((p) => p.item.id),
    ['a', 'b', 'c'],
  );
});
