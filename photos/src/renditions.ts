// Thumbnails and previews from one streamed read and one decode: the source is oriented and
// shrunk once to the largest rendition's size (JPEG shrink-on-load makes that cheap), and every
// smaller rendition and the perceptual hash come from those pixels. Renditions carry no
// metadata (sharp strips it), so a hidden location never leaks through a thumbnail.
import type { Readable } from 'node:stream';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { type DecodeLimits, withImage } from './decode.js';
import { dhash, type PHash } from './phash.js';
import type { RenditionFormat, RenditionSize } from './types.js';

export interface RenditionSpec {
  size: RenditionSize;
  /** Longest edge; for square renditions the side. */
  edge: number;
  /** Centre-cropped square (grid thumbnails) rather than the whole picture. */
  square: boolean;
  formats: RenditionFormat[];
}

// AVIF is ~30% smaller than WebP at equal quality but several times slower to encode, so it is
// made for the sizes a grid and a viewer load most; "large" (zoom) is WebP only.
export const DEFAULT_RENDITIONS: RenditionSpec[] = [
  { size: 'thumb', edge: 256, square: true, formats: ['webp', 'avif'] },
  { size: 'preview', edge: 1024, square: false, formats: ['webp', 'avif'] },
  { size: 'large', edge: 2048, square: false, formats: ['webp'] },
];

export const MIME_OF: Record<RenditionFormat, string> = { webp: 'image/webp', avif: 'image/avif' };

export interface Rendition {
  size: RenditionSize;
  format: RenditionFormat;
  width: number;
  height: number;
  data: Buffer;
}

export interface DecodedImage {
  /** libvips' name of the container (jpeg, png, webp, gif, tiff, heif...). */
  container: Metadata['format'];
  /** Displayed size, after EXIF orientation. */
  width: number;
  height: number;
  orientation: number | null;
  /** Raw EXIF block ("Exif\0\0" + TIFF) when the container has one sharp can read. */
  exif: Buffer | undefined;
  xmp: string | undefined;
  pages: number;
}

export interface ProcessedImage {
  image: DecodedImage;
  renditions: Rendition[];
  phash: PHash;
}

export interface ProcessOptions {
  renditions?: RenditionSpec[];
  limits?: DecodeLimits;
  /** Path or name for error messages. */
  label?: string;
}

/** Decodes `source` once (streamed) and makes every rendition plus the perceptual hash. */
export async function processImage(source: Readable, options: ProcessOptions = {}): Promise<ProcessedImage> {
  const specs = options.renditions ?? DEFAULT_RENDITIONS;
  const maxEdge = Math.max(256, ...specs.map((s) => s.edge));
  const decoded = await withImage(
    source,
    async (input) => {
      // Both branches are set up before bytes arrive: a clone shares the one streamed input.
      const pixels = input
        .clone()
        .rotate()
        .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      const [meta, raw] = await Promise.all([input.metadata(), pixels]);
      return { meta, raw };
    },
    options,
  );
  const { meta, raw } = decoded;
  const rawInput = { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels } };
  const fromPixels = () => sharp(raw.data, rawInput);

  const renditions: Rendition[] = [];
  for (const spec of specs) {
    const sized = resizeFor(fromPixels(), spec, raw.info.width, raw.info.height);
    for (const format of spec.formats) {
      const { data, info } = await encode(sized.clone(), format).toBuffer({ resolveWithObject: true });
      renditions.push({ size: spec.size, format, width: info.width, height: info.height, data });
    }
  }
  return {
    image: {
      container: meta.format,
      width: meta.autoOrient?.width ?? meta.width,
      height: meta.autoOrient?.height ?? meta.height,
      orientation: meta.orientation ?? null,
      exif: meta.exif,
      xmp: meta.xmpAsString ?? meta.xmp?.toString('utf8'),
      pages: meta.pages ?? 1,
    },
    renditions,
    phash: await dhash(fromPixels()),
  };
}

function resizeFor(image: Sharp, spec: RenditionSpec, width: number, height: number): Sharp {
  if (spec.square) {
    const side = Math.min(spec.edge, width, height);
    return image.resize({ width: side, height: side, fit: 'cover', position: 'centre' });
  }
  return image.resize({ width: spec.edge, height: spec.edge, fit: 'inside', withoutEnlargement: true });
}

function encode(image: Sharp, format: RenditionFormat): Sharp {
  // Measured on 12 MP photos: WebP effort 3+ and AVIF effort 2+ cost about twice the time of
  // the efforts below for files within a few percent of the same size.
  return format === 'avif' ? image.avif({ quality: 50, effort: 1 }) : image.webp({ quality: 78, effort: 2 });
}
