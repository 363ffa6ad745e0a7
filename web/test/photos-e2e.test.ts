// The photo pages in headless Chromium against the real stack: JPEGs generated here (EXIF date
// and camera written in, a portrait stored sideways with orientation 6 and GPS, a burst frame and
// its resized copy on another remote) on a local folder and an S3 bucket (S3Proxy), connected
// through GraphQL; the relay publishes the graph diffs and the photos worker (a real Kafka
// consumer) renders them and writes their metadata back. Then, signed in as the owner: the
// timeline grid in date-taken order with its second page loaded on scroll, a thumbnail that
// really decodes, the viewer's metadata panel (camera, date, size, place, and no place once the
// setting hides locations), an album made in the page and filled from both remotes, the
// near-duplicate group, and that group as a SIMILAR_PHOTOS report on the cleanup page, cleaned.
// The dashboard is built in a temp copy of web/ (startDashboardCopy).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { createKafka } from '@syncoxide/indexer';
import { FolderStore, PhotoConsumer, PhotoLibrary } from '@syncoxide/photos';
import { createProvider } from '@syncoxide/sync';
import { sharedS3Server } from '@syncoxide/sync/testing';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { PhotosService } from '../../gateway/src/photos/photos.service.js';
import { CONNECT } from '../../gateway/test/fixtures.js';
import { type Client, eventually, startTestGateway, type TestGateway } from '../../gateway/test/harness.js';
import { quadrantPixels, scene, withCameraExif } from '../../photos/test/helpers/images.js';
import { launchBrowser, startDashboardCopy } from './servers.js';

/** More than one page of the grid (60), so the second page has to come from scrolling. */
const FILLERS = 70;
const PORTRAIT_TAKEN = '2024:05:01 10:00:00';

let gw: TestGateway;
let alice: Client;
let worker: PhotoConsumer;
let cacheDir: string;
let web: Awaited<ReturnType<typeof startDashboardCopy>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const consoleErrors: string[] = [];
/** Every seeded photo's name, newest first by date taken: the order the grid must show. */
let expectedOrder: string[] = [];
const ids: Record<string, string> = {};

/** "YYYY:MM:DD HH:MM:SS" of an instant (EXIF's format; written with offset +00:00). */
const exifDate = (ms: number) =>
  new Date(ms).toISOString().slice(0, 19).replace('T', ' ').replaceAll('-', ':');

before(async () => {
  gw = await startTestGateway({ pipeline: true });
  // Renditions in this test's own folder; the gateway serves from the same one.
  cacheDir = await mkdtemp(join(tmpdir(), 'sox-photos-e2e-cache-'));
  const store = new FolderStore(cacheDir);
  const s = gw.services;
  s.photos = new PhotosService(
    new PhotoLibrary({ driver: gw.conn.neo4j, database: gw.config.neo4j.database }),
    store,
    s.graph,
    s.views,
    s.providers,
    s.events,
    s.ops,
  );
  alice = await gw.user('alice');
  worker = new PhotoConsumer({
    kafka: createKafka({ brokers: gw.config.kafka.brokers, clientId: 'photos-e2e' }),
    topicPrefix: `${gw.names.indexPrefix}.`,
    graph: s.graph,
    numPartitions: 1,
    backoff: { baseMs: 100, maxMs: 1000 },
    deps: {
      providerFor: (remoteId, _path, ownerId) => s.providers.get(ownerId, remoteId),
      store,
      hideLocation: (ownerId) => s.photos.library.hideLocation(ownerId),
    },
  });
  await worker.start();
  const building = startDashboardCopy(gw.base, 'photos');

  // Local remote: the portrait (stored turned back 90°, orientation 6, full EXIF with GPS), a
  // burst frame, and the fillers a day apart from 2020 on (small scenes: the grid needs many,
  // not large ones).
  const taken: [string, number][] = [];
  const localRoot = join(gw.localRoot, `Camera-${randomBytes(3).toString('hex')}`);
  await mkdir(join(localRoot, 'dcim'), { recursive: true });
  const stored = await sharp(quadrantPixels(600, 900), { raw: { width: 600, height: 900, channels: 3 } })
    .rotate(270)
    .png()
    .toBuffer();
  const portrait = await withCameraExif(
    sharp(stored).jpeg({ quality: 90 }),
    {
      make: 'Canon',
      model: 'Canon EOS R5',
      lens: 'RF24-105mm F4 L IS USM',
      dateTimeOriginal: PORTRAIT_TAKEN,
      offset: '+02:00',
      lat: 48.8584,
      lon: 2.2945,
    },
    6,
  ).toBuffer();
  await writeFile(join(localRoot, 'dcim/portrait.jpg'), portrait);
  taken.push(['portrait.jpg', Date.parse('2024-05-01T10:00:00+02:00')]);
  const burstAt = Date.parse('2023-07-14T18:00:00Z');
  const burst = await withCameraExif(scene(4242, 800, 600, { noise: 10 }).jpeg({ quality: 90 }), {
    make: 'FUJIFILM',
    model: 'X-T5',
    dateTimeOriginal: exifDate(burstAt),
    offset: '+00:00',
  }).toBuffer();
  await writeFile(join(localRoot, 'dcim/burst.jpg'), burst);
  taken.push(['burst.jpg', burstAt]);
  for (let i = 0; i < FILLERS; i++) {
    const at = Date.UTC(2020, 0, 1, 12) + i * 86_400_000;
    const name = `day-${String(i).padStart(3, '0')}.jpg`;
    const jpeg = await withCameraExif(scene(1000 + i, 160, 120, { noise: 8 }).jpeg({ quality: 85 }), {
      make: 'Google',
      model: 'Pixel 7',
      dateTimeOriginal: exifDate(at),
      offset: '+00:00',
    }).toBuffer();
    await writeFile(join(localRoot, 'dcim', name), jpeg);
    taken.push([name, at]);
  }

  // S3 remote: the burst frame's resized, re-encoded copy one second later (a near-duplicate)
  // and a photo of its own.
  const server = await sharedS3Server();
  const bucket = `sx-photos-e2e-${randomBytes(4).toString('hex')}`;
  await server.createBucket(bucket);
  const s3Config = {
    type: 's3' as const,
    endpoint: server.endpoint,
    region: server.region,
    bucket,
    prefix: '',
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
  };
  const s3 = await createProvider(s3Config);
  const copyAt = burstAt + 1000;
  const lakeAt = Date.parse('2022-03-03T09:00:00Z');
  const objects: [string, Buffer][] = [
    [
      'phone/burst-small.jpg',
      await withCameraExif(sharp(burst).resize(400).jpeg({ quality: 80 }), {
        make: 'FUJIFILM',
        model: 'X-T5',
        dateTimeOriginal: exifDate(copyAt),
        offset: '+00:00',
      }).toBuffer(),
    ],
    [
      'phone/lake.jpg',
      await withCameraExif(scene(77, 640, 480, { noise: 10 }).jpeg({ quality: 85 }), {
        make: 'Apple',
        model: 'iPhone 15',
        dateTimeOriginal: exifDate(lakeAt),
        offset: '+00:00',
      }).toBuffer(),
    ],
  ];
  for (const [path, bytes] of objects) await s3.write(path, Readable.from([bytes]), { size: bytes.length });
  await s3.close();
  taken.push(['burst-small.jpg', copyAt], ['lake.jpg', lakeAt]);
  expectedOrder = taken.sort((a, b) => b[1] - a[1]).map(([name]) => name);

  await alice.ok(CONNECT, { name: 'Camera', config: { type: 'local', root: localRoot } });
  await alice.ok(CONNECT, { name: 'Phone bucket', config: s3Config });

  // Every photo rendered by the worker before the browser looks.
  const listed = await eventually(async () => {
    const items: { file: { id: string; name: string; photo: { thumbnailUrl: string | null } | null } }[] = [];
    let after: string | null = null;
    do {
      const r: {
        photoTimeline: { items: typeof items; nextCursor: string | null };
      } = await alice.ok(
        // `first` as a variable: the cost limit multiplies a literal page size into the cost.
        `query($first: Int, $after: String) { photoTimeline(first: $first, after: $after) {
          items { file { id name photo { thumbnailUrl } } } nextCursor } }`,
        { first: 500, after },
      );
      items.push(...r.photoTimeline.items);
      after = r.photoTimeline.nextCursor;
    } while (after);
    return items.length === expectedOrder.length && items.every((i) => i.file.photo?.thumbnailUrl)
      ? items
      : undefined;
  }, 240_000);
  for (const i of listed) ids[i.file.name] = i.file.id;

  web = await building;
  browser = await launchBrowser();
  browser.context.setDefaultTimeout(30_000);
  const [name, ...value] = alice.cookie.split('=');
  await browser.context.addCookies([{ name: name!, value: value.join('='), url: web.base }]);
  page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
});

after(async () => {
  await browser?.close();
  await web?.stop();
  await worker?.stop();
  await gw?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

const gridNames = () =>
  page.locator('[data-testid="photo"] a').evaluateAll((links) => links.map((a) => a.getAttribute('title')));

/** The metadata panel's value for a label, or null when the panel has no such row. */
async function detail(label: string): Promise<string | null> {
  const row = page
    .getByRole('complementary', { name: 'Photo details' })
    .locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
  return (await row.count()) === 0 ? null : row.locator('dd').textContent();
}

test('the timeline grid is in date-taken order and loads its second page on scroll', async () => {
  await page.goto(`${web.base}/photos`);
  await page.getByRole('heading', { name: 'Photos', exact: true }).waitFor();
  await page.locator('[data-testid="photo"]').first().waitFor();
  // The first page only: the end of the grid is far below the fold.
  assert.deepEqual(await gridNames(), expectedOrder.slice(0, 60));
  // Scrolling to the end brings the rest, still in order.
  await page.locator('[data-testid="photo"]').last().scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="photo"]').length === n,
    expectedOrder.length,
  );
  assert.deepEqual(await gridNames(), expectedOrder);
  // Day headings follow the photos' own days: the first is the portrait's (1 May 2024).
  const firstDay = await page.locator('section h2').first().textContent();
  const expectedDay = await page.evaluate(() =>
    new Date('2024-05-01T12:00:00Z').toLocaleDateString(undefined, { dateStyle: 'full', timeZone: 'UTC' }),
  );
  assert.equal(firstDay, expectedDay);
});

test('a thumbnail really loads through the dashboard (decoded, 256 px square)', async () => {
  const img = page.locator('[data-testid="photo"] img[alt="portrait.jpg"]');
  await img.scrollIntoViewIfNeeded();
  const size = await eventually(async () => {
    const s = await img.evaluate((el: HTMLImageElement) =>
      el.complete ? { w: el.naturalWidth, h: el.naturalHeight } : null,
    );
    return s && s.w > 0 ? s : undefined;
  });
  assert.deepEqual(size, { w: 256, h: 256 });
});

test('the viewer shows the metadata panel; the location goes once the setting hides it', async () => {
  await page.locator('[data-testid="photo"] a[title="portrait.jpg"]').click();
  await page.getByRole('heading', { name: 'portrait.jpg' }).waitFor();
  assert.equal(await detail('Camera'), 'Canon EOS R5');
  assert.equal(await detail('Lens'), 'RF24-105mm F4 L IS USM');
  assert.equal(await detail('Size'), '600 × 900 px');
  const when = await page.evaluate(() => new Date('2024-05-01T10:00:00+02:00').toLocaleString());
  assert.equal(await detail('Taken'), when);
  assert.equal(await detail('Location'), '48.85840, 2.29450');
  // The preview is upright: the orientation-6 file displays as a portrait.
  const preview = page.getByRole('img', { name: 'portrait.jpg' });
  const dims = await eventually(async () => {
    const d = await preview.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);
    return d[0]! > 0 ? d : undefined;
  });
  assert.ok(dims[1]! > dims[0]!, `preview ${dims.join(' × ')} should be taller than wide`);

  // Hide locations on the timeline page, come back to the photo: no Location row.
  await page.getByRole('navigation', { name: 'Photos' }).getByRole('link', { name: 'Timeline' }).click();
  const setting = page.getByRole('checkbox', { name: 'Hide photo locations' });
  assert.equal(await setting.isChecked(), false);
  // The box follows the saved setting (it turns once the gateway has stored it).
  await setting.click();
  await eventually(async () => setting.isChecked());
  await page.locator('[data-testid="photo"] a[title="portrait.jpg"]').click();
  await page.getByRole('heading', { name: 'portrait.jpg' }).waitFor();
  await page.getByRole('complementary', { name: 'Photo details' }).getByText('Canon EOS R5').waitFor();
  assert.equal(await detail('Location'), null);
  // ...and the stored metadata no longer has it either.
  const stored = await alice.ok<{ node: { photo: { location: unknown } } }>(
    'query($id: ID!) { node(id: $id) { ... on File { photo { location { lat lon } } } } }',
    { id: ids['portrait.jpg'] },
  );
  assert.equal(stored.node.photo.location, null);
});

test('an album made in the page holds photos from both remotes', async () => {
  await page.getByRole('navigation', { name: 'Photos' }).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('heading', { name: 'Albums' }).waitFor();
  await page.getByLabel('New album').fill('Summer trip');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('link', { name: /Summer trip/ }).waitFor();

  // One photo from the local folder, one from the bucket, each added in its viewer.
  for (const name of ['burst.jpg', 'lake.jpg']) {
    await page.goto(`${web.base}/photos/view/${encodeURIComponent(ids[name]!)}`);
    await page.getByRole('heading', { name }).waitFor();
    const album = page.getByRole('combobox', { name: 'Album' });
    await album.locator('option', { hasText: 'Summer trip' }).waitFor({ state: 'attached' });
    await album.selectOption({ label: 'Summer trip' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Added to the album').waitFor();
    await eventually(async () => (await detail('Albums')) === 'Summer trip');
  }

  await page.goto(`${web.base}/photos/albums`);
  const card = page.getByRole('listitem').filter({ hasText: 'Summer trip' });
  await card.getByText('2 photos').waitFor();
  await card.getByRole('link').click();
  await page.getByRole('heading', { name: 'Summer trip' }).waitFor();
  await page.locator('[data-testid="photo"]').nth(1).waitFor();
  // Newest first, as on the timeline: the burst (July 2023, local) before the lake (March 2022, S3).
  assert.deepEqual(await gridNames(), ['burst.jpg', 'lake.jpg']);
});

test('the duplicates page shows the burst frame and its resized copy as one group', async () => {
  await page.getByRole('navigation', { name: 'Photos' }).getByRole('link', { name: 'Duplicates' }).click();
  await page.getByRole('heading', { name: 'Near-duplicate photos' }).waitFor();
  const group = page.locator('section', { has: page.locator('img[alt="burst.jpg"]') });
  await group.waitFor();
  const names = await group
    .locator('img')
    .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')).sort());
  assert.deepEqual(names, ['burst-small.jpg', 'burst.jpg']);
  assert.match((await group.locator('p').textContent()) ?? '', /^2 photos, /);
});

test('the cleanup page reports the near-duplicates as similar photos and cleans the copy away', async () => {
  await page.goto(`${web.base}/cleanup`);
  await page.getByLabel('Find').selectOption({ label: 'Similar photos' });
  await page.getByRole('button', { name: 'Make report' }).click();
  await page.getByRole('heading', { name: 'Report' }).waitFor();
  assert.match((await page.getByText(/items in \d+ groups/).textContent()) ?? '', /^2 items in 1 groups, /);
  const item = (path: string) => page.locator('.cleanup-items li', { hasText: path });
  assert.match((await item('dcim/burst.jpg').textContent()) ?? '', /\(kept copy\)/, 'more pixels: kept');
  assert.doesNotMatch((await item('phone/burst-small.jpg').textContent()) ?? '', /kept copy/);
  assert.equal(await item('phone/burst-small.jpg').getByRole('checkbox').isChecked(), true);
  await page.getByRole('button', { name: /^Dry run/ }).click();
  await page.getByText('Move to trash: phone/burst-small.jpg').waitFor();
  await page.getByRole('button', { name: 'Execute' }).click();
  assert.match((await page.getByRole('status').textContent()) ?? '', /from 1 files/);
  // The copy is in the trash: no group left on the duplicates page.
  await page.goto(`${web.base}/photos/duplicates`);
  await page.getByText('No near-duplicates found').waitFor();
});

test('no console errors on the photo pages', () => {
  assert.deepEqual(consoleErrors, []);
});
