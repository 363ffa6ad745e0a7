// Edits (rotate, crop, resize) as a new image stream; the source is only read, so the original
// stays as it was. The result is meant to be saved as a new version through the sync journal.
import { PassThrough, type Readable } from 'node:stream';
import type { FormatEnum } from 'sharp';
import { type DecodeLimits, decodeError, withImage } from './decode.js';
import { type EditOp, type EditPlan, planEdits } from './edit-plan.js';

export type EditFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'tiff' | 'gif';

export interface EditOptions {
  /** Output format; default: the source's when it can be written, else JPEG (RAW, DNG). */
  format?: EditFormat;
  /** 1–100 for lossy formats (default 90: an edit is a master copy, not a preview). */
  quality?: number;
  /** Keep EXIF (date, camera, GPS) and the colour profile; default true. */
  keepMetadata?: boolean;
  limits?: DecodeLimits;
  label?: string;
}

export interface EditedImage {
  /** The encoded result; fails with a SyncoxideError if encoding fails. */
  stream: Readable;
  width: number;
  height: number;
  format: EditFormat;
  mime: string;
  plan: EditPlan;
}

const WRITABLE: Partial<Record<keyof FormatEnum, EditFormat>> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  tiff: 'tiff',
  gif: 'gif',
  heif: 'avif', // only AVIF decodes here, so a heif container is AVIF
};

const MIME: Record<EditFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  tiff: 'image/tiff',
  gif: 'image/gif',
};

/**
 * Reads `source` (streamed; the compressed bytes are held while decoding), applies `ops` to the
 * upright image and returns the encoded result as a stream, with its size known up front.
 */
export async function editImage(
  source: Readable,
  ops: readonly EditOp[],
  options: EditOptions = {},
): Promise<EditedImage> {
  const { input, meta } = await withImage(
    source,
    async (input) => ({ input, meta: await input.metadata() }),
    options,
  );
  const plan = planEdits(meta.autoOrient?.width ?? meta.width, meta.autoOrient?.height ?? meta.height, ops);
  const format = options.format ?? WRITABLE[meta.format] ?? 'jpeg';

  // sharp's own order is orient → rotate → extract → resize, the order planEdits folded into.
  input.autoOrient();
  if (plan.angle !== 0) input.rotate(plan.angle);
  const full = meta.autoOrient ?? meta;
  const rotatedWidth = plan.angle % 180 === 0 ? full.width : full.height;
  const rotatedHeight = plan.angle % 180 === 0 ? full.height : full.width;
  const { crop } = plan;
  if (crop.left !== 0 || crop.top !== 0 || crop.width !== rotatedWidth || crop.height !== rotatedHeight) {
    input.extract(crop);
  }
  if (plan.width !== crop.width || plan.height !== crop.height) {
    input.resize({ width: plan.width, height: plan.height, fit: 'fill' });
  }
  // The pixels are upright now, so the orientation tag is dropped (sharp does so when it orients).
  if (options.keepMetadata !== false) input.keepExif().keepIccProfile();
  const quality = options.quality ?? 90;
  input.toFormat(format, format === 'png' || format === 'gif' ? {} : { quality });

  const out = new PassThrough();
  input.once('error', (err) => out.destroy(decodeError(err, options.label)));
  input.pipe(out);
  return { stream: out, width: plan.width, height: plan.height, format, mime: MIME[format], plan };
}
