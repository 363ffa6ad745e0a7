// @syncoxide/photos: recognition, renditions (thumbnails/previews), EXIF facts, perceptual
// hashes and near-duplicates, the timeline, edits, and the worker's per-event decision.

export { FolderStore } from './cache/folder-store.js';
export { cacheKey, contentTagOf, PIPELINE_VERSION, parseCacheKey, type RenditionId } from './cache/key.js';
export { ProviderStore } from './cache/provider-store.js';
export { keyPath, type RenditionStore, type StoredRendition } from './cache/store.js';
export { ProviderCache, photosCacheDir, photoWorkerFromConfig } from './consumer/from-config.js';
export {
  PhotoConsumer,
  type PhotoConsumerOptions,
  type PhotoConsumerStats,
  type PhotoSink,
} from './consumer/photo-worker.js';
export { DEFAULT_LIMITS, type DecodeLimits, decodeError } from './decode.js';
export { DEFAULT_DUPLICATE_THRESHOLD, groupNearDuplicates, type Hashed } from './duplicates.js';
export { type EditedImage, type EditFormat, type EditOptions, editImage } from './edit.js';
export { type EditOp, type EditPlan, planEdits } from './edit-plan.js';
export { localDay, parseExifDate, type TakenAt, takenAtMillis } from './exif-date.js';
export {
  HEAD_BYTES,
  type ImageFormat,
  mayBeMedia,
  type Recognition,
  recogniseBytes,
  type UnsupportedFormat,
  type VideoFormat,
} from './format.js';
export {
  MAX_PAGE,
  PhotoLibrary,
  type TimelineEntry,
  type TimelinePage,
  type TimelineQuery,
} from './library/library.js';
export {
  type AlbumRecord,
  type GraphDb,
  LibraryRepository,
  type PhotoRow,
} from './library/library.repository.js';
export { type CaptureOptions, captureFacts, type ExifTags, readExif } from './metadata.js';
export { dhash, hamming, type PHash } from './phash.js';
export {
  DEFAULT_RENDITIONS,
  type DecodedImage,
  type ProcessedImage,
  type ProcessOptions,
  processImage,
  type Rendition,
  type RenditionSpec,
} from './renditions.js';
export { IMMUTABLE_CACHE_CONTROL, negotiateFormat, type ServeOptions, serveThumbnail } from './serve.js';
export { readHead, recognise } from './source.js';
export {
  groupTimeline,
  orderTimeline,
  type Placed,
  type TimelineGroup,
  type TimelineItem,
  type TimelineOptions,
} from './timeline.js';
export type {
  CaptureFacts,
  GeoPoint,
  PhotoMetadata,
  RenditionFormat,
  RenditionRef,
  RenditionSize,
} from './types.js';
export { currentPhoto, handleGraphDiff, type PhotoUpdate, type PhotoWorkerDeps } from './worker.js';
