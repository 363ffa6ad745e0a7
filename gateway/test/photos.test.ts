// The photo library end to end: images generated here (EXIF written in, orientation 6, a 12000 ×
// 2000 panorama, a resized copy) on two remotes (a local folder and an S3 bucket on S3Proxy),
// connected through GraphQL; the relay publishes the graph diffs, the photos worker (a real
// Kafka consumer) renders and reads them and writes the metadata back to the graph, the
// indexer puts it into OpenSearch. Then: metadata, thumbnails (size, orientation, caching),
// timeline order and pages, albums across both remotes, favourites, near-duplicates, the
// hide-location setting, an edit (new version, original kept) — and another user sees none.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { createKafka, filesAlias } from '@syncoxide/indexer';
import { FolderStore, PhotoConsumer, PhotoLibrary } from '@syncoxide/photos';
import { createProvider } from '@syncoxide/sync';
import { sharedS3Server } from '@syncoxide/sync/testing';
import sharp from 'sharp';
import {
  near,
  pixelAt,
  QUADRANTS,
  quadrantPixels,
  scene,
  withCameraExif,
} from '../../photos/test/helpers/images.js';
import { PhotosService } from '../src/photos/photos.service.js';
import { CONNECT } from './fixtures.js';
import { type Client, eventually, startTestGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let alice: Client;
let bob: Client;
let worker: PhotoConsumer;
let cacheDir: string;
const ids: Record<string, string> = {};
let localRoot = '';
const originalBytes: Record<string, Buffer> = {};

const PHOTO_FIELDS = `id name path size sha1 starred photo { kind takenAt camera make model lens width height
  orientation location { lat lon } iso phash note thumbnailUrl previewUrl largeUrl albums { id name } }`;

interface PhotoFile {
  id: string;
  name: string;
  path: string;
  sha1: string | null;
  starred: boolean;
  photo: {
    kind: string;
    takenAt: string | null;
    camera: string | null;
    lens: string | null;
    width: number | null;
    height: number | null;
    orientation: number | null;
    location: { lat: number; lon: number } | null;
    phash: string | null;
    thumbnailUrl: string | null;
    previewUrl: string | null;
    albums: { id: string; name: string }[];
  } | null;
}

interface TimelinePage {
  items: { file: PhotoFile; source: string; day: string }[];
  nextCursor: string | null;
}

const TIMELINE = `query($first: Int, $after: String, $fav: Boolean, $album: ID) {
  photoTimeline(first: $first, after: $after, favourites: $fav, albumId: $album) {
    items { source day file { ${PHOTO_FIELDS} } } nextCursor } }`;

async function timeline(c: Client, vars: Record<string, unknown> = {}): Promise<TimelinePage> {
  return (await c.ok<{ photoTimeline: TimelinePage }>(TIMELINE, { first: 100, ...vars })).photoTimeline;
}

async function fileByName(c: Client, name: string): Promise<PhotoFile> {
  const page = await timeline(c);
  const item = page.items.find((i) => i.file.name === name);
  if (!item) throw new Error(`${name} not on the timeline`);
  return item.file;
}

/** A camera-like JPEG of a scene with EXIF; orientation 6 stores it turned (displayed as given). */
async function cameraJpeg(
  seed: number,
  width: number,
  height: number,
  exif: Parameters<typeof withCameraExif>[1],
): Promise<Buffer> {
  return withCameraExif(scene(seed, width, height, { noise: 12 }).jpeg({ quality: 90 }), exif).toBuffer();
}

before(async () => {
  gw = await startTestGateway({ pipeline: true });
  // The renditions of this test live in its own folder; the gateway serves from the same one.
  cacheDir = await mkdtemp(join(tmpdir(), 'sox-photos-cache-'));
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
  bob = await gw.user('bob');
  worker = new PhotoConsumer({
    kafka: createKafka({ brokers: gw.config.kafka.brokers, clientId: 'photos-test' }),
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

  // Local remote: a portrait photo stored sideways (orientation 6) with full EXIF, a scene,
  // a PNG with no EXIF (its mtime dates it), and a text file.
  localRoot = join(gw.localRoot, `Disk-${randomBytes(3).toString('hex')}`);
  await mkdir(join(localRoot, 'camera'), { recursive: true });
  // Quadrants as displayed: 600 × 900 portrait; stored turned back 90° (landscape 900 × 600).
  const displayed = quadrantPixels(600, 900);
  const stored = await sharp(displayed, { raw: { width: 600, height: 900, channels: 3 } })
    .rotate(270)
    .png()
    .toBuffer();
  const portrait = await withCameraExif(
    sharp(stored).jpeg({ quality: 95 }),
    {
      make: 'Canon',
      model: 'Canon EOS R5',
      lens: 'RF24-105mm F4 L IS USM',
      dateTimeOriginal: '2024:05:01 10:00:00',
      offset: '+02:00',
      lat: 48.8584,
      lon: 2.2945,
      iso: 200,
    },
    6,
  ).toBuffer();
  originalBytes['portrait.jpg'] = portrait;
  await writeFile(join(localRoot, 'camera/portrait.jpg'), portrait);
  const beach = await cameraJpeg(7, 800, 600, {
    make: 'FUJIFILM',
    model: 'X-T5',
    dateTimeOriginal: '2023:01:01 12:00:00',
    offset: '+00:00',
  });
  await writeFile(join(localRoot, 'camera/beach.jpg'), beach);
  await writeFile(join(localRoot, 'drawing.png'), await scene(11, 320, 240).png().toBuffer());
  const june2021 = new Date('2021-06-01T08:00:00Z');
  await utimes(join(localRoot, 'drawing.png'), june2021, june2021);
  await writeFile(join(localRoot, 'notes.txt'), 'not a photo');

  // S3 remote: a resized copy of the beach photo (a near duplicate, one second later) and a
  // 12000 × 2000 panorama.
  const server = await sharedS3Server();
  const bucket = `sx-photos-gw-${randomBytes(4).toString('hex')}`;
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
  const beachSmall = await withCameraExif(sharp(beach).resize(400).jpeg({ quality: 80 }), {
    make: 'FUJIFILM',
    model: 'X-T5',
    dateTimeOriginal: '2023:01:01 12:00:01',
    offset: '+00:00',
  }).toBuffer();
  const pano = await withCameraExif(
    sharp(await scene(3, 240, 40).png().toBuffer())
      .resize(12000, 2000, { kernel: 'cubic' })
      .jpeg({ quality: 85 }),
    { make: 'Apple', model: 'iPhone 15', dateTimeOriginal: '2022:08:15 18:30:00', offset: '-07:00' },
  ).toBuffer();
  for (const [path, bytes] of [
    ['trip/beach-small.jpg', beachSmall],
    ['trip/panorama.jpg', pano],
  ] as const) {
    await s3.write(path, Readable.from([bytes]), { size: bytes.length });
  }
  await s3.close();

  await alice.ok(CONNECT, { name: 'Disk', config: { type: 'local', root: localRoot } });
  await alice.ok(CONNECT, { name: 'Bucket', config: s3Config });

  // Everything rendered by the worker: five photos, each with a thumbnail.
  const page = await eventually(async () => {
    const p = await timeline(alice);
    return p.items.length === 5 && p.items.every((i) => i.file.photo?.thumbnailUrl) ? p : undefined;
  }, 120_000);
  for (const i of page.items) ids[i.file.name] = i.file.id;
});

after(async () => {
  await worker?.stop();
  await gw?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

test('EXIF facts reach the graph: date with offset, camera, lens, oriented size, GPS, hash', async () => {
  const p = await fileByName(alice, 'portrait.jpg');
  assert.equal(p.photo?.kind, 'image');
  assert.equal(p.photo?.takenAt, '2024-05-01T10:00:00+02:00');
  assert.equal(p.photo?.camera, 'Canon EOS R5');
  assert.equal(p.photo?.lens, 'RF24-105mm F4 L IS USM');
  assert.equal(p.photo?.orientation, 6);
  assert.deepEqual([p.photo?.width, p.photo?.height], [600, 900], 'displayed size, after orientation');
  assert.ok(
    Math.abs(p.photo!.location!.lat - 48.8584) < 1e-3 && Math.abs(p.photo!.location!.lon - 2.2945) < 1e-3,
  );
  assert.match(p.photo?.phash ?? '', /^[0-9a-f]{16}$/);
  const pano = await fileByName(alice, 'panorama.jpg');
  assert.deepEqual([pano.photo?.width, pano.photo?.height], [12000, 2000]);
  assert.equal(pano.photo?.camera, 'Apple iPhone 15');
});

test('the indexer carries photo fields into the search engine (search and facets)', async () => {
  const doc = await eventually(async () => {
    const r = await gw.conn.search.search({
      index: filesAlias(gw.names.indexPrefix),
      body: {
        query: {
          bool: {
            filter: [{ term: { ownerId: alice.userId } }, { term: { 'photo.camera': 'Canon EOS R5' } }],
          },
        },
      },
    });
    const hits = (
      r.body as { hits: { hits: { _source: { name: string; photo: Record<string, unknown> } }[] } }
    ).hits.hits;
    return hits[0]?._source;
  });
  assert.equal(doc.name, 'portrait.jpg');
  assert.equal(doc.photo.takenAt, '2024-05-01T10:00:00+02:00');
  assert.equal(doc.photo.width, 600);
});

test('thumbnails: 256 square, EXIF orientation applied, cached forever by content, 304 on revalidation', async () => {
  const p = await fileByName(alice, 'portrait.jpg');
  const res = await alice.fetch(p.photo!.thumbnailUrl!, { headers: { accept: 'image/webp' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/webp');
  assert.match(res.headers.get('cache-control') ?? '', /immutable/);
  const etag = res.headers.get('etag');
  assert.ok(etag);
  const bytes = Buffer.from(await res.arrayBuffer());
  const meta = await sharp(bytes).metadata();
  assert.deepEqual([meta.width, meta.height], [256, 256]);
  // Upright: each corner shows the quadrant colour the displayed image has there.
  assert.ok(near(await pixelAt(bytes, 20, 20), QUADRANTS[0]!), 'top-left');
  assert.ok(near(await pixelAt(bytes, 235, 20), QUADRANTS[1]!), 'top-right');
  assert.ok(near(await pixelAt(bytes, 20, 235), QUADRANTS[2]!), 'bottom-left');
  const again = await alice.fetch(p.photo!.thumbnailUrl!, {
    headers: { accept: 'image/webp', 'if-none-match': etag },
  });
  assert.equal(again.status, 304);
  const avif = await alice.fetch(p.photo!.thumbnailUrl!, { headers: { accept: 'image/avif,image/webp' } });
  assert.equal(avif.headers.get('content-type'), 'image/avif');
  await avif.arrayBuffer();

  const pano = await fileByName(alice, 'panorama.jpg');
  const preview = await alice.fetch(pano.photo!.previewUrl!, { headers: { accept: 'image/webp' } });
  const pm = await sharp(Buffer.from(await preview.arrayBuffer())).metadata();
  assert.deepEqual([pm.width, pm.height], [1024, 171], 'the panorama fits 1024 wide');
});

test('timeline: by date taken (offsets honoured), mtime when undated, same order across pages', async () => {
  const page = await timeline(alice);
  assert.deepEqual(
    page.items.map((i) => [i.file.name, i.source]),
    [
      ['portrait.jpg', 'taken'],
      ['beach-small.jpg', 'taken'],
      ['beach.jpg', 'taken'],
      ['panorama.jpg', 'taken'],
      ['drawing.png', 'mtime'],
    ],
  );
  assert.equal(page.items[4]!.day, '2021-06-01');
  const paged: string[] = [];
  let after: string | null = null;
  do {
    const p: TimelinePage = await timeline(alice, { first: 2, after });
    assert.ok(p.items.length <= 2);
    paged.push(...p.items.map((i) => i.file.name));
    after = p.nextCursor;
  } while (after);
  assert.deepEqual(
    paged,
    page.items.map((i) => i.file.name),
  );
  const bad = await alice.gql(TIMELINE, { first: 2, after: 'garbage' });
  assert.equal(bad.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
});

test('albums mix photos of both remotes; add, remove, rename, delete; bad ids add nothing', async () => {
  const created = await alice.ok<{ createAlbum: { id: string; photoCount: number } }>(
    'mutation($n: String!, $p: [ID!]) { createAlbum(name: $n, photoIds: $p) { id photoCount } }',
    { n: 'Holidays', p: [ids['portrait.jpg'], ids['panorama.jpg']] },
  );
  const albumId = created.createAlbum.id;
  assert.equal(created.createAlbum.photoCount, 2);
  await alice.ok('mutation($a: ID!, $p: [ID!]!) { addPhotosToAlbum(id: $a, photoIds: $p) { id } }', {
    a: albumId,
    p: [ids['beach-small.jpg']],
  });
  const inAlbum = await timeline(alice, { album: albumId });
  assert.deepEqual(inAlbum.items.map((i) => i.file.name).sort(), [
    'beach-small.jpg',
    'panorama.jpg',
    'portrait.jpg',
  ]);
  const remotes = new Set(inAlbum.items.map((i) => i.file.path.split('/')[0]));
  assert.ok(remotes.has('trip') && remotes.has('camera'), 'photos of the S3 bucket and of the local disk');
  assert.deepEqual(
    (await fileByName(alice, 'panorama.jpg')).photo?.albums.map((a) => a.name),
    ['Holidays'],
  );

  // A non-photo file of alice's and a made-up id: refused, and the album is unchanged.
  const notes = await alice.ok<{ myDrive: { edges: { node: { id: string; name: string } }[] } }>(
    '{ myDrive(first: 50) { edges { node { id name } } } }',
  );
  const notesId = notes.myDrive.edges.find((e) => e.node.name === 'notes.txt')?.node.id;
  if (notesId) {
    const r = await alice.gql(
      'mutation($a: ID!, $p: [ID!]!) { addPhotosToAlbum(id: $a, photoIds: $p) { id } }',
      {
        a: albumId,
        p: [ids['beach.jpg'], notesId],
      },
    );
    assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  }
  const blank = await alice.gql('mutation($a: ID!) { renameAlbum(id: $a, name: "  ") { id } }', {
    a: albumId,
  });
  assert.equal(blank.errors?.[0]?.extensions?.code, 'INVALID_INPUT');

  await alice.ok('mutation($a: ID!, $p: [ID!]!) { removePhotosFromAlbum(id: $a, photoIds: $p) { id } }', {
    a: albumId,
    p: [ids['portrait.jpg']],
  });
  const renamed = await alice.ok<{ renameAlbum: { name: string; photoCount: number } }>(
    'mutation($a: ID!) { renameAlbum(id: $a, name: "Summer") { name photoCount } }',
    { a: albumId },
  );
  assert.deepEqual(renamed.renameAlbum, { name: 'Summer', photoCount: 2 });
  const listed = await alice.ok<{ albums: { name: string }[] }>('{ albums { name } }');
  assert.deepEqual(
    listed.albums.map((a) => a.name),
    ['Summer'],
  );

  // Bob sees no album of alice's and cannot change it.
  assert.deepEqual((await bob.ok<{ albums: unknown[] }>('{ albums { id } }')).albums, []);
  const peek = await bob.gql('query($a: ID!) { album(id: $a) { name } }', { a: albumId });
  assert.equal(peek.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  const add = await bob.gql(
    'mutation($a: ID!, $p: [ID!]!) { addPhotosToAlbum(id: $a, photoIds: $p) { id } }',
    {
      a: albumId,
      p: [ids['beach.jpg']],
    },
  );
  assert.equal(add.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  const del = await bob.gql('mutation($a: ID!) { deleteAlbum(id: $a) }', { a: albumId });
  assert.equal(del.errors?.[0]?.extensions?.code, 'NOT_FOUND');

  await alice.ok('mutation($a: ID!) { deleteAlbum(id: $a) }', { a: albumId });
  assert.deepEqual((await alice.ok<{ albums: unknown[] }>('{ albums { id } }')).albums, []);
  assert.equal((await timeline(alice)).items.length, 5, 'deleting an album deletes no photo');
});

test('near-duplicates: the resized copy on S3 groups with the original on disk, nothing else', async () => {
  const r = await alice.ok<{ photoDuplicates: { files: { name: string }[] }[] }>(
    '{ photoDuplicates { files { name } } }',
  );
  assert.deepEqual(
    r.photoDuplicates.map((g) => g.files.map((f) => f.name).sort()),
    [['beach-small.jpg', 'beach.jpg']],
  );
  assert.deepEqual(
    (await bob.ok<{ photoDuplicates: unknown[] }>('{ photoDuplicates { bytes } }')).photoDuplicates,
    [],
  );
});

test('favourites are stars', async () => {
  await alice.ok('mutation($id: ID!) { starFile(id: $id) { id } }', { id: ids['panorama.jpg'] });
  const fav = await timeline(alice, { fav: true });
  assert.deepEqual(
    fav.items.map((i) => i.file.name),
    ['panorama.jpg'],
  );
});

test('another user sees no photo, no photo data and no thumbnail', async () => {
  assert.deepEqual((await timeline(bob)).items, []);
  const p = await fileByName(alice, 'portrait.jpg');
  for (const url of [p.photo!.thumbnailUrl!, p.photo!.previewUrl!]) {
    const res = await bob.fetch(url);
    assert.equal(res.status, 404);
    await res.arrayBuffer();
  }
  const anonymous = await gw.client().fetch(p.photo!.thumbnailUrl!);
  assert.equal(anonymous.status, 401);
  await anonymous.arrayBuffer();
  const node = await bob.gql('query($id: ID!) { node(id: $id) { ... on File { photo { camera } } } }', {
    id: p.id,
  });
  assert.ok(node.errors?.length || (node.data as { node: unknown }).node === null);
  const edit = await bob.gql(
    'mutation($id: ID!) { editPhoto(id: $id, edits: [{ kind: ROTATE, degrees: 90 }]) { id } }',
    {
      id: p.id,
    },
  );
  assert.equal(edit.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  assert.deepEqual(await readFile(join(localRoot, 'camera/portrait.jpg')), originalBytes['portrait.jpg']);
});

test('an edit becomes a new version of the file; the original is kept beside it', async () => {
  const before = await fileByName(alice, 'portrait.jpg');
  // A crop outside the image: refused, nothing written.
  const bad = await alice.gql(
    'mutation($id: ID!) { editPhoto(id: $id, edits: [{ kind: CROP, left: 500, top: 0, width: 400, height: 100 }]) { id } }',
    { id: before.id },
  );
  assert.equal(bad.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
  assert.deepEqual(await readFile(join(localRoot, 'camera/portrait.jpg')), originalBytes['portrait.jpg']);

  const edited = await alice.ok<{ editPhoto: { id: string; sha1: string; revision: number } }>(
    'mutation($id: ID!) { editPhoto(id: $id, edits: [{ kind: ROTATE, degrees: 90 }, { kind: RESIZE, width: 300 }]) { id sha1 revision } }',
    { id: before.id },
  );
  assert.equal(edited.editPhoto.id, before.id, 'the same file, a new version');
  const now = await readFile(join(localRoot, 'camera/portrait.jpg'));
  assert.equal(edited.editPhoto.sha1, createHash('sha1').update(now).digest('hex'));
  const m = await sharp(now).metadata();
  // Displayed 600 × 900, turned a quarter clockwise → 900 × 600, fitted to 300 wide.
  assert.deepEqual([m.width, m.height, m.orientation ?? 1], [300, 200, 1]);
  // Turned clockwise: the displayed bottom-left quadrant is now top-left.
  assert.ok(near(await pixelAt(now, 10, 10), QUADRANTS[2]!));
  const kept = await readFile(join(localRoot, 'camera/portrait (original).jpg'));
  assert.deepEqual(kept, originalBytes['portrait.jpg'], 'the original bytes, untouched');

  // The worker renders the new version: new size, new thumbnail key; the original is a photo too.
  const after = await eventually(async () => {
    const f = await fileByName(alice, 'portrait.jpg');
    return f.photo?.width === 300 && f.photo.thumbnailUrl ? f : undefined;
  }, 60_000);
  assert.equal(after.photo?.height, 200);
  assert.equal(after.photo?.camera, 'Canon EOS R5', 'EXIF kept through the edit');
  const thumb = await alice.fetch(after.photo!.thumbnailUrl!, { headers: { accept: 'image/webp' } });
  assert.equal(thumb.status, 200);
  const t = Buffer.from(await thumb.arrayBuffer());
  assert.ok(near(await pixelAt(t, 20, 20), QUADRANTS[2]!), 'the thumbnail shows the edit');
  const original = await eventually(async () => {
    const p = await timeline(alice);
    return p.items.find((i) => i.file.name === 'portrait (original).jpg')?.file.photo?.width ? p : undefined;
  }, 60_000);
  assert.equal(original.items.length, 6);
});

test('hiding locations removes GPS from stored photo data', async () => {
  assert.ok((await fileByName(alice, 'portrait.jpg')).photo?.location);
  const r = await alice.ok<{ setPhotoSettings: { hideLocation: boolean } }>(
    'mutation { setPhotoSettings(hideLocation: true) { hideLocation } }',
  );
  assert.equal(r.setPhotoSettings.hideLocation, true);
  const page = await timeline(alice);
  assert.ok(page.items.every((i) => i.file.photo?.location === null));
  const settings = await bob.ok<{ photoSettings: { hideLocation: boolean } }>(
    '{ photoSettings { hideLocation } }',
  );
  assert.equal(settings.photoSettings.hideLocation, false, "bob's own setting");
});

test('an edit on the S3 bucket: the object is replaced atomically, the original copied beside it', async () => {
  const pano = await fileByName(alice, 'panorama.jpg');
  const r = await alice.ok<{ editPhoto: { id: string; contentUrl: string } }>(
    'mutation($id: ID!) { editPhoto(id: $id, edits: [{ kind: CROP, left: 5000, top: 500, width: 2000, height: 1000 }]) { id contentUrl } }',
    { id: pano.id },
  );
  const res = await alice.fetch(r.editPhoto.contentUrl);
  assert.equal(res.status, 200);
  const m = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
  assert.deepEqual([m.width, m.height], [2000, 1000]);
  const page = await eventually(async () => {
    const p = await timeline(alice);
    const original = p.items.find((i) => i.file.name === 'panorama (original).jpg');
    const edited = p.items.find((i) => i.file.name === 'panorama.jpg');
    return original?.file.photo?.width === 12000 && edited?.file.photo?.width === 2000 ? p : undefined;
  }, 60_000);
  assert.ok(page.items.find((i) => i.file.name === 'panorama (original).jpg')?.file.path.startsWith('trip/'));
});

test('near-duplicates feed the cleanup reports: SIMILAR_PHOTOS keeps the larger, cleaning trashes the copy', async () => {
  const REPORT = `mutation { makeCleanupReport(kind: SIMILAR_PHOTOS) { id kind totalItems groups reclaimableBytes
    truncated items(first: 50) { id path size group keep reclaimableBytes } } }`;
  type Report = {
    id: string;
    kind: string;
    totalItems: number;
    groups: number;
    reclaimableBytes: number;
    items: {
      id: string;
      path: string;
      size: number;
      group: string;
      keep: boolean;
      reclaimableBytes: number;
    }[];
  };
  const PLAN = `mutation($reportId: ID!, $itemIds: [ID!]) { planCleanup(reportId: $reportId, itemIds: $itemIds) {
    id files bytes items { action item { path } kept { path } } } }`;
  type Plan = {
    id: string;
    files: number;
    bytes: number;
    items: { action: string; item: { path: string }; kept: { path: string } | null }[];
  };
  const EXECUTE = `mutation($planId: ID!) { executeCleanup(planId: $planId) {
    files freedBytes done { item { path } } skipped { reason item { path } } } }`;
  type Result = {
    files: number;
    freedBytes: number;
    done: { item: { path: string } }[];
    skipped: { reason: string; item: { path: string } }[];
  };

  const small = await fileByName(alice, 'beach-small.jpg');
  const smallSize = (
    await alice.ok<{ node: { size: number } }>('query($id: ID!) { node(id: $id) { ... on File { size } } }', {
      id: small.id,
    })
  ).node.size;
  const report = (await alice.ok<{ makeCleanupReport: Report }>(REPORT)).makeCleanupReport;
  assert.equal(report.kind, 'SIMILAR_PHOTOS');
  // One group: the 800 × 600 original on disk is kept, the 400 × 300 copy on S3 is reclaimable.
  assert.deepEqual([report.groups, report.totalItems], [1, 2]);
  assert.deepEqual(
    report.items.map((i) => [i.path, i.keep, i.reclaimableBytes]),
    [
      ['camera/beach.jpg', true, 0],
      ['trip/beach-small.jpg', false, smallSize],
    ],
  );
  assert.equal(report.reclaimableBytes, smallSize);
  assert.equal(new Set(report.items.map((i) => i.group)).size, 1);
  // Bob has no photos: an empty report, and alice's report is not his to plan.
  const bobs = (await bob.ok<{ makeCleanupReport: Report }>(REPORT)).makeCleanupReport;
  assert.deepEqual([bobs.totalItems, bobs.reclaimableBytes], [0, 0]);
  const foreign = await bob.gql(PLAN, { reportId: report.id });
  assert.equal(foreign.errors?.[0]?.extensions?.code, 'NOT_FOUND');

  // The dry run names the copy and what it keeps; naming the kept photo plans nothing away.
  const plan = (await alice.ok<{ planCleanup: Plan }>(PLAN, { reportId: report.id })).planCleanup;
  assert.deepEqual(
    plan.items.map((i) => [i.action, i.item.path, i.kept?.path]),
    [['TRASH', 'trip/beach-small.jpg', 'camera/beach.jpg']],
  );
  assert.deepEqual([plan.files, plan.bytes], [1, smallSize]);
  const keeperOnly = (
    await alice.ok<{ planCleanup: Plan }>(PLAN, { reportId: report.id, itemIds: [report.items[0]!.id] })
  ).planCleanup;
  assert.deepEqual([keeperOnly.items, keeperOnly.bytes], [[], 0]);
  const second = (await alice.ok<{ planCleanup: Plan }>(PLAN, { reportId: report.id })).planCleanup;

  const done = (await alice.ok<{ executeCleanup: Result }>(EXECUTE, { planId: plan.id })).executeCleanup;
  assert.deepEqual(
    [done.files, done.freedBytes, done.done.map((d) => d.item.path), done.skipped],
    [1, smallSize, ['trip/beach-small.jpg'], []],
  );
  // A plan runs once; another plan of the same report finds the copy already gone.
  const again = await alice.gql(EXECUTE, { planId: plan.id });
  assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');
  const stale = (await alice.ok<{ executeCleanup: Result }>(EXECUTE, { planId: second.id })).executeCleanup;
  assert.deepEqual(
    stale.skipped.map((s) => [s.item.path, s.reason]),
    [['trip/beach-small.jpg', 'already-trashed']],
  );
  assert.equal(stale.freedBytes, 0);

  // Trashed: off the timeline, out of the groups and the next report; the kept photo stays.
  const names = (await timeline(alice)).items.map((i) => i.file.name);
  assert.ok(!names.includes('beach-small.jpg'));
  assert.ok(names.includes('beach.jpg'));
  const dups = await alice.ok<{ photoDuplicates: unknown[] }>('{ photoDuplicates { bytes } }');
  assert.deepEqual(dups.photoDuplicates, []);
  const after = (await alice.ok<{ makeCleanupReport: Report }>(REPORT)).makeCleanupReport;
  assert.deepEqual([after.totalItems, after.reclaimableBytes], [0, 0]);
});

test('renditions lost from the cache are remade on request', async () => {
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  const drawing = await fileByName(alice, 'drawing.png');
  const [a, b] = await Promise.all(
    ['thumb', 'preview'].map((size) =>
      alice.fetch(drawing.photo!.thumbnailUrl!.replace(/thumb$/, size), {
        headers: { accept: 'image/webp' },
      }),
    ),
  );
  for (const res of [a!, b!]) {
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/webp');
  }
  const preview = await sharp(Buffer.from(await b!.arrayBuffer())).metadata();
  assert.deepEqual([preview.width, preview.height], [320, 240], 'never enlarged');
  await a!.arrayBuffer();
  // Bob's request for the same URL regenerates nothing and shows nothing.
  const bobs = await bob.fetch(drawing.photo!.thumbnailUrl!);
  assert.equal(bobs.status, 404);
  await bobs.arrayBuffer();
});
