// A minimal TIFF writer for tests: uncompressed RGB with camera tags in IFD0, an EXIF IFD and a
// GPS IFD, the layout of a DNG or a TIFF-based RAW. libvips' TIFF writer cannot put these tags
// in, and they are what the worker must read from the start of such files.

type Type = 'byte' | 'ascii' | 'short' | 'long' | 'rational';
interface Tag {
  tag: number;
  type: Type;
  values: number[] | string;
}

const TYPE_CODE: Record<Type, number> = { byte: 1, ascii: 2, short: 3, long: 4, rational: 5 };
const TYPE_SIZE: Record<Type, number> = { byte: 1, ascii: 1, short: 2, long: 4, rational: 8 };

function encodeValues(t: Tag): Buffer {
  if (t.type === 'ascii') return Buffer.from(`${t.values as string}\0`, 'latin1');
  const values = t.values as number[];
  const out = Buffer.alloc(values.length * TYPE_SIZE[t.type]);
  values.forEach((v, i) => {
    if (t.type === 'byte') out.writeUInt8(v, i);
    else if (t.type === 'short') out.writeUInt16LE(v, i * 2);
    else if (t.type === 'long') out.writeUInt32LE(v, i * 4);
    else {
      // Rationals: six decimals are plenty for seconds of arc.
      out.writeUInt32LE(Math.round(v * 1e6), i * 8);
      out.writeUInt32LE(1e6, i * 8 + 4);
    }
  });
  return out;
}

/** Appends an IFD at `at` (values that do not fit inline go right after it); returns the bytes. */
function ifd(tags: Tag[], at: number): Buffer {
  const sorted = [...tags].sort((a, b) => a.tag - b.tag);
  const head = Buffer.alloc(2 + sorted.length * 12 + 4);
  head.writeUInt16LE(sorted.length, 0);
  const extra: Buffer[] = [];
  let extraAt = at + head.length;
  sorted.forEach((t, i) => {
    const data = encodeValues(t);
    const o = 2 + i * 12;
    head.writeUInt16LE(t.tag, o);
    head.writeUInt16LE(TYPE_CODE[t.type], o + 2);
    head.writeUInt32LE(data.length / TYPE_SIZE[t.type], o + 4);
    if (data.length <= 4) data.copy(head, o + 8);
    else {
      head.writeUInt32LE(extraAt, o + 8);
      const padded = data.length % 2 ? Buffer.concat([data, Buffer.alloc(1)]) : data;
      extra.push(padded);
      extraAt += padded.length;
    }
  });
  return Buffer.concat([head, ...extra]);
}

export interface TiffCamera {
  make: string;
  model: string;
  dateTimeOriginal: string;
  lat: number;
  lon: number;
  /** Adds DNGVersion, as a DNG's IFD0 has. */
  dng?: boolean;
}

/** An uncompressed RGB TIFF of `pixels` (width × height × 3) with camera, EXIF and GPS tags. */
export function cameraTiff(pixels: Buffer, width: number, height: number, camera: TiffCamera): Buffer {
  const dms = (v: number) => {
    const a = Math.abs(v);
    const d = Math.floor(a);
    const m = Math.floor((a - d) * 60);
    return [d, m, ((a - d) * 60 - m) * 60];
  };
  const exifTags: Tag[] = [{ tag: 36867, type: 'ascii', values: camera.dateTimeOriginal }];
  const gpsTags: Tag[] = [
    { tag: 1, type: 'ascii', values: camera.lat >= 0 ? 'N' : 'S' },
    { tag: 2, type: 'rational', values: dms(camera.lat) },
    { tag: 3, type: 'ascii', values: camera.lon >= 0 ? 'E' : 'W' },
    { tag: 4, type: 'rational', values: dms(camera.lon) },
  ];
  // Layout: header, IFD0 (+ its values), EXIF IFD, GPS IFD, pixels. Sizes do not depend on
  // offsets, so a first pass with zero offsets measures where everything goes.
  const ifd0Tags = (exifAt: number, gpsAt: number, stripAt: number): Tag[] => [
    { tag: 256, type: 'long', values: [width] },
    { tag: 257, type: 'long', values: [height] },
    { tag: 258, type: 'short', values: [8, 8, 8] },
    { tag: 259, type: 'short', values: [1] },
    { tag: 262, type: 'short', values: [2] },
    { tag: 271, type: 'ascii', values: camera.make },
    { tag: 272, type: 'ascii', values: camera.model },
    { tag: 273, type: 'long', values: [stripAt] },
    { tag: 274, type: 'short', values: [1] },
    { tag: 277, type: 'short', values: [3] },
    { tag: 278, type: 'long', values: [height] },
    { tag: 279, type: 'long', values: [pixels.length] },
    { tag: 284, type: 'short', values: [1] },
    ...(camera.dng ? [{ tag: 50706, type: 'byte' as const, values: [1, 4, 0, 0] }] : []),
    { tag: 34665, type: 'long', values: [exifAt] },
    { tag: 34853, type: 'long', values: [gpsAt] },
  ];
  const ifd0Size = ifd(ifd0Tags(0, 0, 0), 8).length;
  const exifAt = 8 + ifd0Size;
  const gpsAt = exifAt + ifd(exifTags, 0).length;
  const stripAt = gpsAt + ifd(gpsTags, 0).length;
  const header = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  return Buffer.concat([
    header,
    ifd(ifd0Tags(exifAt, gpsAt, stripAt), 8),
    ifd(exifTags, exifAt),
    ifd(gpsTags, gpsAt),
    pixels,
  ]);
}
