// The photo facts the worker publishes in NodeState.extra.photo. The search indexer reads
// takenAt, camera, lens, width, height and location; the rest is for the gateway and dashboard.
import type { TakenAt } from './exif-date.js';
import type { ImageFormat, UnsupportedFormat, VideoFormat } from './format.js';
import type { PHash } from './phash.js';

export type RenditionSize = 'thumb' | 'preview' | 'large';
export type RenditionFormat = 'webp' | 'avif';

/** A rendition the cache holds for this content (its key is derived, see cacheKey). */
export interface RenditionRef {
  size: RenditionSize;
  format: RenditionFormat;
  width: number;
  height: number;
  bytes: number;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** What EXIF/XMP say about how the photo was taken; null where the file does not say. */
export interface CaptureFacts {
  /** Local time the photo was taken, ISO 8601, with the UTC offset when the file records one. */
  takenAt: TakenAt | null;
  /** "Make Model" without the make repeated ("Canon EOS R5"). */
  camera: string | null;
  make: string | null;
  model: string | null;
  lens: string | null;
  /** Omitted (null) when the owner hides locations. */
  location: GeoPoint | null;
  /** Metres above sea level; hidden with the location. */
  altitude: number | null;
  iso: number | null;
  /** Seconds. */
  exposureTime: number | null;
  fNumber: number | null;
  /** Millimetres. */
  focalLength: number | null;
}

export interface PhotoMetadata extends CaptureFacts {
  /** Version of the pipeline that made this; a newer pipeline regenerates. */
  v: number;
  /** The content these facts describe (hash, or size+mtime); unchanged tag: nothing to redo. */
  contentTag: string;
  kind: 'image' | 'video' | 'unsupported';
  format: ImageFormat | VideoFormat | UnsupportedFormat;
  mime: string;
  /** Why no thumbnail exists (HEIC without a decoder, video, ...). */
  note: string | null;
  /** Displayed size, after EXIF orientation. */
  width: number | null;
  height: number | null;
  /** EXIF orientation as stored (1–8); thumbnails are already upright. */
  orientation: number | null;
  phash: PHash | null;
  renditions: RenditionRef[];
}
