// The worker's decision for graph diffs, against a real provider and a real rendition store.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { GraphDiffEvent, type NodeState } from '@syncoxide/core';
import {
  cacheKey,
  FolderStore,
  handleGraphDiff,
  type PhotoMetadata,
  type PhotoUpdate,
  type PhotoWorkerDeps,
} from '../src/index.js';
import { quadrantPixels, quadrants, scene, withCameraExif } from './helpers/images.js';
import { type TempRemote, tempRemote } from './helpers/provider.js';
import { cameraTiff } from './helpers/tiff.js';

let remote: TempRemote;
let cacheDir: string;
let deps: PhotoWorkerDeps;
const hidden = new Set(['private-owner']);

before(async () => {
  remote = await tempRemote('worker');
  cacheDir = await mkdtemp(join(tmpdir(), 'syncoxide-photos-worker-cache-'));
  deps = {
    providerFor: (remoteId) => {
      assert.equal(remoteId, 'remote-1');
      return remote.provider;
    },
    store: new FolderStore(cacheDir),
    hideLocation: (ownerId) => hidden.has(ownerId),
  };
});
after(async () => {
  await remote.cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

/** Writes a file to the remote and returns the node state a scan would report for it. */
async function put(path: string, data: Buffer, ownerId = 'owner-1'): Promise<NodeState> {
  const entry = await remote.provider.write(path, Readable.from([data]));
  return {
    kind: 'file',
    ownerId,
    remoteId: 'remote-1',
    path,
    name: path.slice(path.lastIndexOf('/') + 1),
    size: entry.size,
    mtime: entry.mtime,
    md5: null,
    sha1: createHash('sha1').update(data).digest('hex'),
    mime: null,
    providerId: null,
    logicalId: null,
    starred: false,
    trashed: false,
    sharedWith: [],
    extra: {},
  };
}

let revision = 1;
function diff(kind: GraphDiffEvent['kind'], nodeId: string, state: NodeState): GraphDiffEvent {
  return GraphDiffEvent.parse({
    schema: 'syncoxide.graph-diff',
    version: 1,
    id: randomUUID(),
    kind,
    nodeId,
    revision: revision++,
    state,
    at: new Date().toISOString(),
    cause: { type: 'scan', ref: null },
  });
}

function photoOf(update: PhotoUpdate): PhotoMetadata {
  assert.equal(update.action, 'update', JSON.stringify(update));
  assert.ok(update.action === 'update' && update.extra.photo);
  return update.extra.photo;
}

const keysOf = (nodeId: string, photo: PhotoMetadata) =>
  photo.renditions.map((r) =>
    cacheKey({ nodeId, contentTag: photo.contentTag, size: r.size, format: r.format }),
  );

describe('a photo through its life', () => {
  const nodeId = 'node-photo';
  let first: PhotoMetadata;

  test('created: renditions stored, facts published for the indexer', async () => {
    const jpeg = await withCameraExif(scene(30, 1600, 1200).jpeg(), {
      make: 'SONY',
      model: 'ILCE-7M4',
      lens: 'FE 35mm F1.8',
      dateTimeOriginal: '2022:08:20 07:15:00',
      offset: '-04:00',
      lat: 40.6892,
      lon: -74.0445,
    }).toBuffer();
    const state = await put('DCIM/DSC00001.JPG', jpeg);
    first = photoOf(await handleGraphDiff(diff('created', nodeId, state), deps));
    assert.equal(first.kind, 'image');
    assert.equal(first.format, 'jpeg');
    assert.equal(first.contentTag, `sha1:${state.sha1}`);
    assert.equal(first.takenAt, '2022-08-20T07:15:00-04:00');
    assert.equal(first.camera, 'SONY ILCE-7M4');
    assert.equal(first.lens, 'FE 35mm F1.8');
    assert.deepEqual([first.width, first.height], [1600, 1200]);
    assert.deepEqual(first.location, { lat: 40.6892, lon: -74.0445 });
    assert.match(first.phash!, /^[0-9a-f]{16}$/);
    assert.deepEqual(
      first.renditions.map((r) => `${r.size}/${r.format}/${r.width}x${r.height}`),
      [
        'thumb/webp/256x256',
        'thumb/avif/256x256',
        'preview/webp/1024x768',
        'preview/avif/1024x768',
        'large/webp/1600x1200',
      ],
    );
    for (const key of keysOf(nodeId, first)) assert.equal(await deps.store.has(key), true, key);
  });

  test('the same content again, a metadata change, a move: nothing to do', async () => {
    const state = await put(
      'DCIM/DSC00001.JPG',
      await remote.provider.read('DCIM/DSC00001.JPG').then(readAll),
    );
    const withPhoto = { ...state, extra: { photo: first } };
    assert.equal((await handleGraphDiff(diff('modified', nodeId, withPhoto), deps)).action, 'skip');
    assert.equal(
      (await handleGraphDiff(diff('metadata', nodeId, { ...withPhoto, starred: true }), deps)).action,
      'skip',
    );
    assert.equal((await handleGraphDiff(diff('moved', nodeId, withPhoto), deps)).action, 'skip');
  });

  test('modified content: new renditions, the old ones removed', async () => {
    const state = await put('DCIM/DSC00001.JPG', await quadrants(900, 600).jpeg().toBuffer());
    const second = photoOf(
      await handleGraphDiff(diff('modified', nodeId, { ...state, extra: { photo: first } }), deps),
    );
    assert.notEqual(second.contentTag, first.contentTag);
    assert.deepEqual([second.width, second.height, second.takenAt], [900, 600, null]);
    for (const key of keysOf(nodeId, second)) assert.equal(await deps.store.has(key), true);
    for (const key of keysOf(nodeId, first)) assert.equal(await deps.store.has(key), false);
    first = second;
  });

  test('deleted: renditions removed and the photo fields cleared', async () => {
    const state = { ...(await put('DCIM/gone.jpg', Buffer.from('x'))), extra: { photo: first } };
    const update = await handleGraphDiff(diff('deleted', nodeId, state), deps);
    assert.deepEqual(update.action === 'update' && update.extra, { photo: null });
    for (const key of keysOf(nodeId, first)) assert.equal(await deps.store.has(key), false);
  });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('what is not a decodable photo', () => {
  test('the owner hiding locations gets no GPS', async () => {
    const jpeg = await withCameraExif(scene(31, 300, 200).jpeg(), {
      lat: 1.5,
      lon: 2.5,
      make: 'X',
    }).toBuffer();
    const state = await put('private/p.jpg', jpeg, 'private-owner');
    const photo = photoOf(await handleGraphDiff(diff('created', 'node-private', state), deps));
    assert.equal(photo.location, null);
    assert.equal(photo.camera, 'X');
  });

  test('HEIC is listed as an unsupported photo with the reason; video as video', async () => {
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic'),
      Buffer.alloc(200),
    ]);
    const photo = photoOf(
      await handleGraphDiff(diff('created', 'node-heic', await put('IMG_0001.HEIC', heic)), deps),
    );
    assert.deepEqual([photo.kind, photo.format, photo.renditions.length], ['unsupported', 'heic', 0]);
    assert.match(photo.note!, /HEVC/);
    const mp4 = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypisom\0\0\0\0isomavc1'),
      Buffer.alloc(200),
    ]);
    const video = photoOf(
      await handleGraphDiff(diff('created', 'node-mp4', await put('clip.mp4', mp4)), deps),
    );
    assert.deepEqual([video.kind, video.format, video.mime], ['video', 'mp4', 'video/mp4']);
  });

  test('a broken JPEG is a photo without thumbnails, not a failure', async () => {
    const jpeg = await scene(32, 400, 300, { noise: 20 }).jpeg().toBuffer();
    const state = await put('broken.jpg', jpeg.subarray(0, jpeg.length / 2));
    const photo = photoOf(await handleGraphDiff(diff('created', 'node-broken', state), deps));
    assert.deepEqual([photo.kind, photo.renditions.length], ['image', 0]);
    assert.match(photo.note!, /could not be decoded/);
  });

  test('skips: folders, other names, fake photos, stale events', async () => {
    const text = await put('notes.txt', Buffer.from('hello'));
    assert.equal((await handleGraphDiff(diff('created', 'n-txt', text), deps)).action, 'skip');
    const fake = await put('fake.jpg', Buffer.from('this is not a jpeg, just text'));
    const update = await handleGraphDiff(diff('created', 'n-fake', fake), deps);
    assert.deepEqual(update, {
      action: 'skip',
      nodeId: 'n-fake',
      reason: 'content does not look like a .jpg file',
    });
    const folder = { ...text, kind: 'folder' as const };
    assert.equal((await handleGraphDiff(diff('created', 'n-dir', folder), deps)).action, 'skip');
    const stale = { ...(await put('stale.png', await quadrants(64, 64).png().toBuffer())), size: 1 };
    assert.deepEqual(await handleGraphDiff(diff('created', 'n-stale', stale), deps), {
      action: 'skip',
      nodeId: 'n-stale',
      reason: 'file changed since this event',
    });
  });
});

describe('TIFF-based camera files', () => {
  test('a DNG is thumbnailed and its EXIF read from the first bytes', async () => {
    const dng = cameraTiff(quadrantPixels(600, 400), 600, 400, {
      make: 'Leica Camera AG',
      model: 'LEICA Q2',
      dateTimeOriginal: '2020:10:10 10:10:10',
      lat: 46.5197,
      lon: 6.6323,
      dng: true,
    });
    const photo = photoOf(
      await handleGraphDiff(diff('created', 'node-dng', await put('L1000001.DNG', dng)), deps),
    );
    assert.deepEqual([photo.kind, photo.format, photo.mime], ['image', 'dng', 'image/x-adobe-dng']);
    assert.deepEqual([photo.width, photo.height, photo.renditions.length], [600, 400, 5]);
    assert.equal(photo.camera, 'LEICA Q2'); // the make's brand is already in the model
    assert.equal(photo.takenAt, '2020-10-10T10:10:10');
    assert.deepEqual(photo.location, { lat: 46.5197, lon: 6.6323 });
  });
});
