// The exact instants where links stop working, with a fixed clock: expiry of share links and
// deadlines plus late windows of file requests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileRequestRow, LatePolicy } from './requests.repository.js';
import { RequestsService } from './requests.service.js';
import type { ShareLinkRow } from './share-links.repository.js';
import { ShareLinksService } from './share-links.service.js';

const NOW = Date.UTC(2026, 0, 15, 12);
const DAY = 24 * 3600_000;
const never = null as never;

test('a share link expires at its instant, not a millisecond before', () => {
  const links = new ShareLinksService(never, never, never, () => NOW);
  const link = (expiresAt: number | null, extra: Partial<ShareLinkRow> = {}) =>
    ({
      expiresAt: expiresAt === null ? null : new Date(expiresAt),
      revokedAt: null,
      maxDownloads: null,
      downloads: 0,
      ...extra,
    }) as ShareLinkRow;
  assert.equal(links.state(link(NOW + 1)), null);
  assert.equal(links.state(link(NOW)), 'expired');
  assert.equal(links.state(link(null)), null);
  assert.equal(links.state(link(null, { maxDownloads: 3, downloads: 2 })), null);
  assert.equal(links.state(link(null, { maxDownloads: 3, downloads: 3 })), 'exhausted');
  assert.equal(links.state(link(NOW + DAY, { revokedAt: new Date(NOW) })), 'revoked');
});

test('request deadlines: on time through the deadline, late inside the window, closed after', () => {
  const requests = new RequestsService(never, never, never, never, never, never, () => NOW);
  const req = (overMs: number, late: LatePolicy, closed = false) =>
    ({
      deadline: new Date(NOW - overMs),
      lateUploads: late,
      closedAt: closed ? new Date(NOW) : null,
    }) as FileRequestRow;
  assert.equal(requests.timing(req(0, 'none')), 'on-time');
  assert.equal(requests.timing(req(1, 'none')), 'closed');
  for (const [policy, days] of [
    ['1d', 1],
    ['2d', 2],
    ['7d', 7],
    ['30d', 30],
  ] as const) {
    assert.equal(requests.timing(req(1, policy)), 'late', policy);
    assert.equal(requests.timing(req(days * DAY, policy)), 'late', `${policy} last instant`);
    assert.equal(requests.timing(req(days * DAY + 1, policy)), 'closed', `${policy} after`);
  }
  assert.equal(requests.timing(req(3650 * DAY, 'always')), 'late');
  assert.equal(requests.timing(req(-DAY, 'always', true)), 'closed', 'closed by the owner');
  assert.equal(
    requests.timing({ deadline: null, lateUploads: 'none', closedAt: null } as unknown as FileRequestRow),
    'on-time',
  );
});
