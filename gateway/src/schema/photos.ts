// The photo library: File.photo (EXIF facts and rendition URLs), the timeline, albums mixing
// photos of any remote, near-duplicate groups, the hide-location setting, and edits. Only the
// owner sees a file's photo data, albums and renditions; favourites are stars (starFile).

import { SyncoxideError } from '@syncoxide/core';
import type { StoredNode } from '@syncoxide/graph';
import type { AlbumRecord, EditOp, Placed, TimelineEntry } from '@syncoxide/photos';
import { builder } from '../builder.js';
import { encodeGlobalId, rawId } from '../ids.js';
import { renditionUrl } from '../photos/thumbnails.route.js';
import { File } from './file.js';

const READ = { scope: 'files:read' } as const;
const WRITE = { scope: 'files:write' } as const;
const fileId = (v: unknown) => rawId(v, 'File');
const albumId = (v: unknown) => rawId(v, 'Album');

interface PhotoParent {
  node: StoredNode;
  photo: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const GeoPointRef = builder.objectRef<{ lat: number; lon: number }>('GeoPoint').implement({
  fields: (t) => ({ lat: t.exposeFloat('lat'), lon: t.exposeFloat('lon') }),
});

const PhotoRef = builder.objectRef<PhotoParent>('Photo').implement({
  description: "What the photos worker found in a file: EXIF facts, size, renditions. The owner's only.",
  fields: (t) => ({
    kind: t.string({ description: 'image, video or unsupported', resolve: (p) => String(p.photo.kind) }),
    format: t.string({ nullable: true, resolve: (p) => str(p.photo.format) }),
    note: t.string({
      nullable: true,
      description: 'Why there is no thumbnail (HEIC, video, undecodable).',
      resolve: (p) => str(p.photo.note),
    }),
    takenAt: t.string({
      nullable: true,
      description: 'Local time taken, ISO 8601, with its UTC offset when the file records one.',
      resolve: (p) => str(p.photo.takenAt),
    }),
    camera: t.string({ nullable: true, resolve: (p) => str(p.photo.camera) }),
    make: t.string({ nullable: true, resolve: (p) => str(p.photo.make) }),
    model: t.string({ nullable: true, resolve: (p) => str(p.photo.model) }),
    lens: t.string({ nullable: true, resolve: (p) => str(p.photo.lens) }),
    width: t.int({
      nullable: true,
      description: 'Displayed (after orientation).',
      resolve: (p) => num(p.photo.width),
    }),
    height: t.int({ nullable: true, resolve: (p) => num(p.photo.height) }),
    orientation: t.int({ nullable: true, resolve: (p) => num(p.photo.orientation) }),
    location: t.field({
      type: GeoPointRef,
      nullable: true,
      description: 'Null when the file has none or the owner hides locations.',
      resolve: (p) => {
        const l = p.photo.location as { lat?: unknown; lon?: unknown } | null;
        return l && typeof l.lat === 'number' && typeof l.lon === 'number'
          ? { lat: l.lat, lon: l.lon }
          : null;
      },
    }),
    altitude: t.float({ nullable: true, resolve: (p) => num(p.photo.altitude) }),
    iso: t.int({ nullable: true, resolve: (p) => num(p.photo.iso) }),
    exposureTime: t.float({
      nullable: true,
      description: 'Seconds.',
      resolve: (p) => num(p.photo.exposureTime),
    }),
    fNumber: t.float({ nullable: true, resolve: (p) => num(p.photo.fNumber) }),
    focalLength: t.float({
      nullable: true,
      description: 'Millimetres.',
      resolve: (p) => num(p.photo.focalLength),
    }),
    phash: t.string({
      nullable: true,
      description: '64-bit dHash, hex.',
      resolve: (p) => str(p.photo.phash),
    }),
    thumbnailUrl: t.string({
      nullable: true,
      description: '256 × 256 square; WebP or AVIF by Accept; cacheable forever (content-keyed ETag).',
      resolve: (p) => urlOf(p, 'thumb'),
    }),
    previewUrl: t.string({ nullable: true, description: 'Fits 1024.', resolve: (p) => urlOf(p, 'preview') }),
    largeUrl: t.string({ nullable: true, description: 'Fits 2048.', resolve: (p) => urlOf(p, 'large') }),
    albums: t.field({
      type: [AlbumRef],
      resolve: async (p, _a, ctx) => {
        const ids = await ctx.services.photos.library.albumsOf(p.node.ownerId, p.node.id);
        return Promise.all(ids.map((id) => ctx.services.photos.album(p.node.ownerId, id)));
      },
    }),
  }),
});

function urlOf(p: PhotoParent, size: 'thumb' | 'preview' | 'large'): string | null {
  const renditions = (p.photo.renditions ?? []) as Array<{ size?: unknown }>;
  return renditions.some((r) => r.size === size)
    ? renditionUrl(encodeGlobalId('File', p.node.id), size)
    : null;
}

builder.objectField(File, 'photo', (t) =>
  t.field({
    type: PhotoRef,
    nullable: true,
    description: 'Photo facts and renditions; null for other files and for files shared with you.',
    resolve: (n, _a, ctx) => {
      const photo = n.extra?.photo;
      if (n.ownerId !== ctx.caller?.userId || !photo || typeof photo !== 'object') return null;
      return { node: n, photo: photo as Record<string, unknown> };
    },
  }),
);

const TimelineItemRef = builder
  .objectRef<{ node: StoredNode; placed: Placed<TimelineEntry> }>('PhotoTimelineItem')
  .implement({
    fields: (t) => ({
      file: t.field({ type: File, resolve: (i) => i.node }),
      at: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'The instant it is ordered by; null: undated (listed last).',
        resolve: (i) => (i.placed.at === null ? null : new Date(i.placed.at)),
      }),
      source: t.string({ description: 'taken (EXIF), mtime or none', resolve: (i) => i.placed.source }),
      day: t.string({ description: "The photo's own local day, YYYY-MM-DD.", resolve: (i) => i.placed.day }),
    }),
  });

const TimelinePageRef = builder
  .objectRef<{
    items: Array<{ node: StoredNode; placed: Placed<TimelineEntry> }>;
    nextCursor: string | null;
  }>('PhotoTimelinePage')
  .implement({
    fields: (t) => ({
      items: t.field({ type: [TimelineItemRef], resolve: (p) => p.items }),
      nextCursor: t.string({
        nullable: true,
        description: 'Pass as `after`; null on the last page.',
        resolve: (p) => p.nextCursor,
      }),
    }),
  });

const TimelineOrder = builder.enumType('PhotoTimelineOrder', {
  values: { NEWEST_FIRST: { value: 'desc' }, OLDEST_FIRST: { value: 'asc' } } as const,
});

const AlbumRef = builder.objectRef<AlbumRecord>('Album').implement({
  description: 'A set of photos from any of your remotes.',
  fields: (t) => ({
    id: t.id({ resolve: (a) => encodeGlobalId('Album', a.id) }),
    name: t.exposeString('name'),
    photoCount: t.exposeInt('photoCount'),
    cover: t.field({ type: File, nullable: true, resolve: (a) => a.coverId }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => new Date(a.createdAt) }),
    updatedAt: t.field({ type: 'DateTime', resolve: (a) => new Date(a.updatedAt) }),
    photos: t.field({
      type: TimelinePageRef,
      args: { first: t.arg.int({ defaultValue: 100 }), after: t.arg.string() },
      resolve: (a, args, ctx) =>
        ctx.services.photos.timeline(ctx.caller!.userId, {
          albumId: a.id,
          first: args.first ?? 100,
          after: args.after ?? null,
        }),
    }),
  }),
});

const DuplicateGroupRef = builder.objectRef<StoredNode[]>('PhotoDuplicateGroup').implement({
  description: 'Photos that look alike (bursts, resized or re-encoded copies), for cleanup.',
  fields: (t) => ({
    files: t.field({ type: [File], resolve: (g) => g }),
    bytes: t.float({
      description: 'Total size of the group.',
      resolve: (g) => g.reduce((s, n) => s + (n.size ?? 0), 0),
    }),
  }),
});

const PhotoSettingsRef = builder.objectRef<{ hideLocation: boolean }>('PhotoSettings').implement({
  fields: (t) => ({ hideLocation: t.exposeBoolean('hideLocation') }),
});

const EditKind = builder.enumType('PhotoEditKind', { values: ['ROTATE', 'CROP', 'RESIZE'] as const });

const EditInput = builder.inputType('PhotoEditInput', {
  description: 'One step; each works in the coordinates the previous steps left.',
  fields: (t) => ({
    kind: t.field({ type: EditKind, required: true }),
    degrees: t.int({ description: 'ROTATE: clockwise, a multiple of 90.' }),
    left: t.int(),
    top: t.int(),
    width: t.int({ description: 'CROP: required; RESIZE: the box to fit in (either side).' }),
    height: t.int(),
  }),
});

type EditArg = {
  kind: 'ROTATE' | 'CROP' | 'RESIZE';
  degrees?: number | null;
  left?: number | null;
  top?: number | null;
  width?: number | null;
  height?: number | null;
};

function editOps(input: EditArg[]): EditOp[] {
  return input.map((e) => {
    if (e.kind === 'ROTATE') {
      if (typeof e.degrees !== 'number') throw new SyncoxideError('INVALID_INPUT', 'ROTATE needs degrees');
      return { op: 'rotate', degrees: e.degrees };
    }
    if (e.kind === 'CROP') {
      const { left, top, width, height } = e;
      if ([left, top, width, height].some((v) => typeof v !== 'number')) {
        throw new SyncoxideError('INVALID_INPUT', 'CROP needs left, top, width and height');
      }
      return { op: 'crop', left: left!, top: top!, width: width!, height: height! };
    }
    if (typeof e.width !== 'number' && typeof e.height !== 'number') {
      throw new SyncoxideError('INVALID_INPUT', 'RESIZE needs width or height');
    }
    return {
      op: 'resize',
      ...(typeof e.width === 'number' ? { width: e.width } : {}),
      ...(typeof e.height === 'number' ? { height: e.height } : {}),
    };
  });
}

builder.queryField('photoTimeline', (t) =>
  t.field({
    type: TimelinePageRef,
    description: 'Your photos from every remote by date taken (else modification time).',
    authScopes: READ,
    args: {
      first: t.arg.int({ defaultValue: 100 }),
      after: t.arg.string(),
      favourites: t.arg.boolean({ defaultValue: false, description: 'Starred photos only.' }),
      albumId: t.arg.id(),
      order: t.arg({ type: TimelineOrder, defaultValue: 'desc' }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.photos.timeline(ctx.caller!.userId, {
        first: a.first ?? 100,
        after: a.after ?? null,
        favourites: a.favourites ?? false,
        albumId: a.albumId ? albumId(a.albumId) : null,
        order: a.order ?? 'desc',
      }),
  }),
);

builder.queryField('albums', (t) =>
  t.field({
    type: [AlbumRef],
    authScopes: READ,
    resolve: (_r, _a, ctx) => ctx.services.photos.albums(ctx.caller!.userId),
  }),
);

builder.queryField('album', (t) =>
  t.field({
    type: AlbumRef,
    authScopes: READ,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.photos.album(ctx.caller!.userId, albumId(a.id)),
  }),
);

builder.queryField('photoDuplicates', (t) =>
  t.field({
    type: [DuplicateGroupRef],
    description: 'Groups of near-duplicate photos (perceptual hash within `threshold` bits of 64).',
    authScopes: READ,
    args: { threshold: t.arg.int({ defaultValue: 10 }) },
    resolve: (_r, a, ctx) => ctx.services.photos.duplicates(ctx.caller!.userId, a.threshold ?? 10),
  }),
);

builder.queryField('photoSettings', (t) =>
  t.field({
    type: PhotoSettingsRef,
    authScopes: READ,
    resolve: async (_r, _a, ctx) => ({
      hideLocation: await ctx.services.photos.library.hideLocation(ctx.caller!.userId),
    }),
  }),
);

builder.mutationField('setPhotoSettings', (t) =>
  t.field({
    type: PhotoSettingsRef,
    description: 'hideLocation: GPS is left out of photo data (and removed from what is stored now).',
    authScopes: WRITE,
    args: { hideLocation: t.arg.boolean({ required: true }) },
    resolve: async (_r, a, ctx) => ({
      hideLocation: await ctx.services.photos.setHideLocation(ctx.caller!.userId, a.hideLocation),
    }),
  }),
);

builder.mutationField('createAlbum', (t) =>
  t.field({
    type: AlbumRef,
    authScopes: WRITE,
    args: { name: t.arg.string({ required: true }), photoIds: t.arg.idList({ defaultValue: [] }) },
    resolve: (_r, a, ctx) =>
      ctx.services.photos.library.createAlbum(ctx.caller!.userId, a.name, (a.photoIds ?? []).map(fileId)),
  }),
);

builder.mutationField('renameAlbum', (t) =>
  t.field({
    type: AlbumRef,
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) =>
      ctx.services.photos.library.renameAlbum(ctx.caller!.userId, albumId(a.id), a.name),
  }),
);

builder.mutationField('deleteAlbum', (t) =>
  t.boolean({
    description: 'Deletes the album; the photos stay where they are.',
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, a, ctx) => {
      await ctx.services.photos.library.deleteAlbum(ctx.caller!.userId, albumId(a.id));
      return true;
    },
  }),
);

builder.mutationField('addPhotosToAlbum', (t) =>
  t.field({
    type: AlbumRef,
    description: 'All or nothing: an id that is not one of your photos adds none.',
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }), photoIds: t.arg.idList({ required: true }) },
    resolve: (_r, a, ctx) =>
      ctx.services.photos.library.addToAlbum(ctx.caller!.userId, albumId(a.id), a.photoIds.map(fileId)),
  }),
);

builder.mutationField('removePhotosFromAlbum', (t) =>
  t.field({
    type: AlbumRef,
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }), photoIds: t.arg.idList({ required: true }) },
    resolve: (_r, a, ctx) =>
      ctx.services.photos.library.removeFromAlbum(ctx.caller!.userId, albumId(a.id), a.photoIds.map(fileId)),
  }),
);

builder.mutationField('editPhoto', (t) =>
  t.field({
    type: File,
    description:
      'Rotates, crops, resizes. The first edit keeps the untouched file beside it as "<name> (original)"; the edit becomes the new version of the file.',
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }), edits: t.arg({ type: [EditInput], required: true }) },
    resolve: (_r, a, ctx) =>
      ctx.services.photos.edit(ctx.caller!.userId, fileId(a.id), editOps(a.edits as EditArg[])),
  }),
);
