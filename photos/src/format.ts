// Recognition of photos and videos: a cheap guess from the name (so the worker does not open
// every file), then the truth from the first bytes (so a renamed or truncated file is not fed
// to the decoder as something it is not).

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif' | 'dng' | 'raw';
export type VideoFormat = 'mp4' | 'mov' | 'webm';
export type UnsupportedFormat = 'heic' | 'cr3' | 'raf' | 'jxl';

export type Recognition =
  | { kind: 'image'; format: ImageFormat; mime: string }
  | { kind: 'video'; format: VideoFormat; mime: string }
  /** A photo we know but cannot decode: listed as a photo, without thumbnails. */
  | { kind: 'unsupported'; format: UnsupportedFormat; mime: string; reason: string }
  | { kind: 'other'; reason: string };

/** Bytes to read from the start of a file to recognise it (ISO-BMFF brand lists need ~100). */
export const HEAD_BYTES = 256;

// TIFF-based camera RAWs: libvips reads them through its TIFF loader, which decodes the first
// image of the file (often the camera's embedded preview rather than the sensor data).
const TIFF_RAW_EXTENSIONS = new Set([
  'nef',
  'nrw',
  'cr2',
  'arw',
  'srf',
  'sr2',
  'pef',
  'orf',
  'rw2',
  '3fr',
  'erf',
]);

const EXTENSIONS: Record<string, Recognition['kind']> = {
  jpg: 'image',
  jpeg: 'image',
  jpe: 'image',
  jfif: 'image',
  png: 'image',
  webp: 'image',
  gif: 'image',
  tif: 'image',
  tiff: 'image',
  avif: 'image',
  dng: 'image',
  heic: 'unsupported',
  heif: 'unsupported',
  hif: 'unsupported',
  cr3: 'unsupported',
  raf: 'unsupported',
  jxl: 'unsupported',
  mp4: 'video',
  m4v: 'video',
  mov: 'video',
  qt: 'video',
  webm: 'video',
};
for (const ext of TIFF_RAW_EXTENSIONS) EXTENSIONS[ext] = 'image';

const MIME: Record<ImageFormat | VideoFormat | UnsupportedFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  avif: 'image/avif',
  dng: 'image/x-adobe-dng',
  raw: 'image/x-raw',
  heic: 'image/heic',
  cr3: 'image/x-canon-cr3',
  raf: 'image/x-fuji-raf',
  jxl: 'image/jxl',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
};

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Is this name (or mime type) worth reading the first bytes of? The worker asks this before
 * any I/O, so it errs on the side of yes for image and video mime types.
 */
export function mayBeMedia(name: string, mime?: string | null): boolean {
  if (EXTENSIONS[extensionOf(name)] !== undefined) return true;
  return typeof mime === 'string' && /^(image|video)\//.test(mime);
}

const ascii = (head: Uint8Array, start: number, end: number) =>
  Buffer.from(head.subarray(start, end)).toString('latin1');

function startsWith(head: Uint8Array, bytes: number[], at = 0): boolean {
  return head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
}

/** Major and compatible brands of an ISO base media file ('ftyp' box), or null. */
function isoBrands(head: Uint8Array): string[] | null {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return null;
  const boxSize = Buffer.from(head.subarray(0, 4)).readUInt32BE(0);
  const end = Math.min(head.length, Math.max(boxSize, 16));
  const brands = [ascii(head, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(head, at, at + 4));
  return brands;
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'dash',
  'M4V ',
  'M4VP',
  'mmp4',
]);

function fromIsoBrands(brands: string[]): Recognition | null {
  const major = brands[0]!;
  if (major === 'avif' || major === 'avis' || (major === 'mif1' && brands.includes('avif'))) {
    return image('avif');
  }
  if (major === 'crx ') return unsupported('cr3', 'Canon CR3 RAW cannot be decoded by libvips');
  if (HEIC_BRANDS.has(major)) {
    return unsupported(
      'heic',
      'HEIC/HEIF (HEVC-coded) images cannot be decoded: the bundled libheif has no HEVC decoder',
    );
  }
  if (major === 'qt  ') return video('mov');
  if (MP4_BRANDS.has(major) || brands.some((b) => MP4_BRANDS.has(b))) return video('mp4');
  return null;
}

function image(format: ImageFormat): Recognition {
  return { kind: 'image', format, mime: MIME[format] };
}
function video(format: VideoFormat): Recognition {
  return { kind: 'video', format, mime: MIME[format] };
}
function unsupported(format: UnsupportedFormat, reason: string): Recognition {
  return { kind: 'unsupported', format, mime: MIME[format], reason };
}

/** What the content is, from its first bytes (at least 32; HEAD_BYTES for ISO-BMFF brands). */
export function recogniseBytes(head: Uint8Array, name = ''): Recognition {
  const ext = extensionOf(name);
  if (startsWith(head, [0xff, 0xd8, 0xff])) return image('jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('png');
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return image('gif');
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return image('webp');
  if (ascii(head, 0, 15) === 'FUJIFILMCCD-RAW')
    return unsupported('raf', 'Fujifilm RAF RAW cannot be decoded by libvips');
  if (startsWith(head, [0xff, 0x0a]) || ascii(head, 4, 8) === 'JXL ') {
    return unsupported('jxl', 'JPEG XL is not in the bundled libvips');
  }
  // Classic TIFF (II*\0, MM\0*) and the TIFF-like RAWs of Olympus (IIRO) and Panasonic (IIU\0).
  if (
    startsWith(head, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]) ||
    ascii(head, 0, 4) === 'IIRO' ||
    startsWith(head, [0x49, 0x49, 0x55, 0x00])
  ) {
    if (ext === 'dng') return image('dng');
    if (TIFF_RAW_EXTENSIONS.has(ext)) return image('raw');
    return image('tiff');
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: WebM and Matroska share it; the doc type sits a few bytes in.
    if (ascii(head, 0, Math.min(head.length, 64)).includes('webm') || ext === 'webm') return video('webm');
    return { kind: 'other', reason: 'Matroska video is not a supported video type' };
  }
  const brands = isoBrands(head);
  if (brands) {
    const found = fromIsoBrands(brands);
    if (found) return found;
  }
  // Old QuickTime files have no ftyp box: their first atom is one of these.
  if (
    ['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(ascii(head, 4, 8)) &&
    (ext === 'mov' || ext === 'qt')
  ) {
    return video('mov');
  }
  if (EXTENSIONS[ext] !== undefined) {
    return { kind: 'other', reason: `content does not look like a .${ext} file` };
  }
  return { kind: 'other', reason: 'not a photo or video type' };
}
