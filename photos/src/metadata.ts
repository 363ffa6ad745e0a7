// EXIF (and a little XMP) to CaptureFacts. exifr parses the EXIF block sharp hands us (or the
// first bytes of a TIFF-based file); everything here tolerates missing and malformed tags,
// because a bad tag must cost the field, not the photo.
import exifr from 'exifr';
import { offsetFromUtc, parseExifDate, type TakenAt } from './exif-date.js';
import type { CaptureFacts, GeoPoint } from './types.js';

export type ExifTags = Record<string, unknown>;

const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false,
  // Raw values: dates stay strings (exifr would read them in the machine's zone), enums numbers.
  translateValues: false,
  reviveValues: false,
  mergeOutput: true,
};

/**
 * Tags of an EXIF block: sharp's `metadata().exif` ("Exif\0\0" + TIFF structure) or the start
 * of a TIFF-based file. Never a string: exifr would take it for a path and read a file.
 */
export async function readExif(block: Uint8Array | undefined | null): Promise<ExifTags | null> {
  if (!block || block.length < 8) return null;
  let data = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  if (data.subarray(0, 6).toString('latin1') === 'Exif\0\0') data = data.subarray(6);
  try {
    const tags = (await exifr.parse(data, EXIFR_OPTIONS)) as ExifTags | undefined;
    return tags ?? null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  const t = v.replace(/\0/g, '').trim();
  return t.length > 0 && t.length <= 256 ? t : null;
};

const num = (v: unknown): number | null => {
  const n = Array.isArray(v) ? v[0] : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
};

/** "Canon" + "Canon EOS R5" → "Canon EOS R5"; "NIKON CORPORATION" + "NIKON D850" → "NIKON D850". */
export function cameraName(make: string | null, model: string | null): string | null {
  if (!model) return make;
  if (!make) return model;
  const brand = make.split(/\s+/)[0]!.toLowerCase();
  return model.toLowerCase().startsWith(brand) ? model : `${make} ${model}`;
}

function gpsUtcMillis(tags: ExifTags): number | null {
  const date = text(tags.GPSDateStamp);
  const time = tags.GPSTimeStamp;
  if (!date || !Array.isArray(time) || time.length < 3) return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})$/.exec(date);
  if (!m) return null;
  const [h, mi, s] = time as number[];
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h!, mi!, 0) + s! * 1000;
  return Number.isFinite(ms) ? ms : null;
}

function takenAtOf(tags: ExifTags): TakenAt | null {
  const original = parseExifDate(tags.DateTimeOriginal, tags.SubSecTimeOriginal, tags.OffsetTimeOriginal);
  const taken =
    original ?? parseExifDate(tags.CreateDate, tags.SubSecTimeDigitized, tags.OffsetTimeDigitized);
  if (!taken || /[+-]\d{2}:\d{2}$/.test(taken)) return taken;
  const utc = gpsUtcMillis(tags);
  const offset = utc === null ? null : offsetFromUtc(taken, utc);
  return offset ? `${taken}${offset}` : taken;
}

/** Date taken from XMP (edited or exported files often carry only this). */
export function xmpTakenAt(xmp: string | null | undefined): TakenAt | null {
  if (!xmp) return null;
  for (const name of ['exif:DateTimeOriginal', 'photoshop:DateCreated', 'xmp:CreateDate']) {
    const m = new RegExp(`${name}(?:="([^"]+)"|>([^<]+)<)`).exec(xmp);
    const value = m?.[1] ?? m?.[2];
    const parsed = parseExifDate(value?.trim());
    if (parsed) return parsed;
  }
  return null;
}

function locationOf(tags: ExifTags): GeoPoint | null {
  const { latitude: lat, longitude: lon } = tags as { latitude?: unknown; longitude?: unknown };
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    return null;
  }
  // 0,0 is what some phones write without a fix; no photo library user lives in the Gulf of Guinea.
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null;
  return { lat: Math.round(lat * 1e7) / 1e7, lon: Math.round(lon * 1e7) / 1e7 };
}

function altitudeOf(tags: ExifTags): number | null {
  const alt = tags.GPSAltitude;
  if (typeof alt !== 'number' || !Number.isFinite(alt)) return null;
  return tags.GPSAltitudeRef === 1 ? -alt : alt;
}

export interface CaptureOptions {
  /** Leave location and altitude out (the owner's privacy setting). */
  hideLocation?: boolean;
}

/** CaptureFacts from EXIF tags and XMP; every field null when absent or malformed. */
export function captureFacts(
  tags: ExifTags | null,
  xmp?: string | null,
  options: CaptureOptions = {},
): CaptureFacts {
  const t = tags ?? {};
  const make = text(t.Make);
  const model = text(t.Model);
  const hide = options.hideLocation === true;
  return {
    takenAt: takenAtOf(t) ?? xmpTakenAt(xmp),
    camera: cameraName(make, model),
    make,
    model,
    lens: text(t.LensModel) ?? text(t.Lens),
    location: hide ? null : locationOf(t),
    altitude: hide ? null : altitudeOf(t),
    iso: num(t.ISO) ?? num(t.ISOSpeedRatings) ?? num(t.PhotographicSensitivity),
    exposureTime: num(t.ExposureTime),
    fNumber: num(t.FNumber),
    focalLength: num(t.FocalLength),
  };
}
