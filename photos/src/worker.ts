// The photos worker's decision for one graph diff: is this a photo, did its content change,
// and if so, what renditions and facts does it have. Pure apart from the injected deps, so the
// Kafka consumer (wired elsewhere) only feeds events in and writes `extra` updates back.
import {
  type GraphDiffEvent,
  isRetriable,
  isSyncoxideError,
  type Logger,
  type NodeState,
  SyncoxideError,
} from '@syncoxide/core';
import type { Provider } from '@syncoxide/sync';
import { cacheKey, contentTagOf, PIPELINE_VERSION } from './cache/key.js';
import type { RenditionStore } from './cache/store.js';
import type { DecodeLimits } from './decode.js';
import { mayBeMedia, type Recognition } from './format.js';
import { captureFacts, type ExifTags, readExif } from './metadata.js';
import { DEFAULT_RENDITIONS, processImage, type RenditionSpec } from './renditions.js';
import { readHead, recognise } from './source.js';
import type { CaptureFacts, PhotoMetadata, RenditionRef } from './types.js';

export interface PhotoWorkerDeps {
  /** The provider holding a node's content (the worker only reads); the owner's remote. */
  providerFor: (remoteId: string, path: string, ownerId: string) => Provider | Promise<Provider>;
  store: RenditionStore;
  /** The owner's privacy setting: leave GPS out of what is published. */
  hideLocation?: (ownerId: string) => boolean | Promise<boolean>;
  renditions?: RenditionSpec[];
  limits?: DecodeLimits;
  logger?: Logger;
}

export type PhotoUpdate =
  | { action: 'skip'; nodeId: string; reason: string }
  /** Merge `extra` into the node (graph write, only if `revision` is still its newest). */
  | { action: 'update'; nodeId: string; revision: number; extra: { photo: PhotoMetadata | null } };

/** Bytes of a TIFF-based file read for EXIF when sharp exposes none (TIFF, DNG, RAW). */
const TIFF_EXIF_HEAD = 1024 * 1024;

const EMPTY_FACTS: CaptureFacts = {
  takenAt: null,
  camera: null,
  make: null,
  model: null,
  lens: null,
  location: null,
  altitude: null,
  iso: null,
  exposureTime: null,
  fNumber: null,
  focalLength: null,
};

/** The photo fields a node holds now, if they look like ours. */
export function currentPhoto(state: NodeState): PhotoMetadata | null {
  const photo = state.extra.photo as Partial<PhotoMetadata> | null | undefined;
  return photo && typeof photo === 'object' && typeof photo.contentTag === 'string'
    ? (photo as PhotoMetadata)
    : null;
}

function keysOf(nodeId: string, photo: PhotoMetadata): string[] {
  return (photo.renditions ?? []).map((r) =>
    cacheKey({ nodeId, contentTag: photo.contentTag, size: r.size, format: r.format }),
  );
}

export async function handleGraphDiff(event: GraphDiffEvent, deps: PhotoWorkerDeps): Promise<PhotoUpdate> {
  const { nodeId, state, revision } = event;
  const skip = (reason: string): PhotoUpdate => ({ action: 'skip', nodeId, reason });
  const previous = currentPhoto(state);

  if (state.kind !== 'file') return skip('not a file');
  if (event.kind === 'deleted') {
    if (!previous) return skip('deleted, had no photo data');
    await Promise.all(keysOf(nodeId, previous).map((k) => deps.store.delete(k)));
    return { action: 'update', nodeId, revision, extra: { photo: null } };
  }
  // Our own updates come back as 'metadata' diffs; moves keep the content. Neither needs work.
  if (event.kind === 'metadata' || event.kind === 'moved') return skip(`${event.kind}: content unchanged`);
  if (!mayBeMedia(state.name, state.mime)) {
    return previous ? clear(event, previous, deps) : skip('not a photo or video by name');
  }
  const contentTag = contentTagOf(state);
  if (previous && previous.contentTag === contentTag && previous.v === PIPELINE_VERSION) {
    return skip('content unchanged since last processed');
  }

  const provider = await deps.providerFor(state.remoteId, state.path, state.ownerId);
  // The event may be old: if the file changed since, a newer event will come for the new content.
  const entry = await provider.stat(state.path);
  if (!entry) return skip('file no longer exists');
  if (state.size !== null && entry.size !== state.size) return skip('file changed since this event');

  const recognition = await recognise(provider, state.path);
  if (recognition.kind === 'other') return previous ? clear(event, previous, deps) : skip(recognition.reason);

  const base = { v: PIPELINE_VERSION, contentTag, ...EMPTY_FACTS };
  let photo: PhotoMetadata;
  if (recognition.kind !== 'image') {
    const note = recognition.kind === 'video' ? 'video: no thumbnail yet' : recognition.reason;
    photo = {
      ...base,
      ...describe(recognition),
      note,
      width: null,
      height: null,
      orientation: null,
      phash: null,
      renditions: [],
    };
  } else {
    photo = await processPhoto(event, provider, recognition, contentTag, deps);
  }
  if (previous && previous.contentTag !== contentTag) {
    // The old content's renditions are unreachable now (keys hash the content tag).
    await Promise.all(keysOf(nodeId, previous).map((k) => deps.store.delete(k)));
  }
  deps.logger?.debug(
    { nodeId, revision, kind: photo.kind, renditions: photo.renditions.length },
    'photo processed',
  );
  return { action: 'update', nodeId, revision, extra: { photo } };
}

function describe(
  r: Exclude<Recognition, { kind: 'other' }>,
): Pick<PhotoMetadata, 'kind' | 'format' | 'mime'> {
  return { kind: r.kind, format: r.format, mime: r.mime };
}

async function clear(
  event: GraphDiffEvent,
  previous: PhotoMetadata,
  deps: PhotoWorkerDeps,
): Promise<PhotoUpdate> {
  await Promise.all(keysOf(event.nodeId, previous).map((k) => deps.store.delete(k)));
  return { action: 'update', nodeId: event.nodeId, revision: event.revision, extra: { photo: null } };
}

async function processPhoto(
  event: GraphDiffEvent,
  provider: Provider,
  recognition: Extract<Recognition, { kind: 'image' }>,
  contentTag: string,
  deps: PhotoWorkerDeps,
): Promise<PhotoMetadata> {
  const { nodeId, state } = event;
  const base = { v: PIPELINE_VERSION, contentTag, ...describe(recognition) };
  let processed: Awaited<ReturnType<typeof processImage>>;
  try {
    const source = await provider.read(state.path);
    processed = await processImage(source, {
      renditions: deps.renditions ?? DEFAULT_RENDITIONS,
      limits: deps.limits,
      label: state.path,
    });
  } catch (err) {
    // A file that cannot be decoded stays a photo without thumbnails until its content changes;
    // only failures worth retrying (network, provider down) go back to the consumer.
    if (isRetriable(err) || !isSyncoxideError(err)) throw err;
    deps.logger?.warn({ nodeId, path: state.path, code: err.code, err: err.message }, 'photo not decodable');
    return {
      ...base,
      ...EMPTY_FACTS,
      note: err.message,
      width: null,
      height: null,
      orientation: null,
      phash: null,
      renditions: [],
    };
  }

  let tags: ExifTags | null = await readExif(processed.image.exif);
  if (!tags && ['tiff', 'dng', 'raw'].includes(recognition.format)) {
    // libvips' TIFF loader does not expose EXIF; the IFDs sit near the start of such files.
    tags = await readExif(await readHead(provider, state.path, TIFF_EXIF_HEAD));
  }
  const hideLocation = (await deps.hideLocation?.(state.ownerId)) ?? false;
  const facts = captureFacts(tags, processed.image.xmp, { hideLocation });

  const renditions: RenditionRef[] = await Promise.all(
    processed.renditions.map(async (r) => {
      await deps.store.put(cacheKey({ nodeId, contentTag, size: r.size, format: r.format }), r.data);
      return { size: r.size, format: r.format, width: r.width, height: r.height, bytes: r.data.length };
    }),
  ).catch((err: unknown) => {
    throw isSyncoxideError(err)
      ? err
      : new SyncoxideError('UNAVAILABLE', 'storing renditions failed', { cause: err });
  });
  return {
    ...base,
    ...facts,
    note: null,
    width: processed.image.width,
    height: processed.image.height,
    orientation: processed.image.orientation,
    phash: processed.phash,
    renditions,
  };
}
