// Dates as cameras write them. EXIF stores local wall-clock time ("2024:05:01 12:34:56") and,
// since EXIF 2.31, its UTC offset in a separate tag; older files have no offset, and then the
// honest answer is a local time without a zone (the timeline orders those as if UTC).

/** ISO 8601 local time, with an offset when known: "2024-05-01T12:34:56.120+02:00". */
export type TakenAt = string;

const EXIF_DATE =
  /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** "+02:00" from "+02:00", "+0200" or "Z"; null when absent or malformed. */
export function normaliseOffset(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === 'Z') return '+00:00';
  const m = OFFSET.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${m[2]}:${m[3]}`;
}

/**
 * Parses an EXIF or XMP date (with optional sub-seconds and offset) into ISO 8601; null for
 * blanks and the "0000:00:00 00:00:00" placeholders cameras write when the clock was unset.
 */
export function parseExifDate(raw: unknown, subSec?: unknown, offset?: unknown): TakenAt | null {
  if (typeof raw !== 'string') return null;
  const m = EXIF_DATE.exec(raw.trim().replace(/\0+$/, ''));
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', frac, inlineOffset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1800 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 2023-02-30 and the like
  const fraction =
    frac ?? (typeof subSec === 'string' || typeof subSec === 'number' ? String(subSec).trim() : '');
  const millis = /^\d+$/.test(fraction) ? `.${fraction.padEnd(3, '0').slice(0, 3)}` : '';
  const zone = normaliseOffset(inlineOffset) ?? normaliseOffset(offset) ?? '';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${millis}${zone}`;
}

/** Epoch milliseconds of a TakenAt; a local time without offset is read as UTC. */
export function takenAtMillis(takenAt: TakenAt): number {
  const hasZone = /(?:[+-]\d{2}:\d{2}|Z)$/.test(takenAt);
  return Date.parse(hasZone ? takenAt : `${takenAt}Z`);
}

/**
 * The offset a local time had, from a UTC instant of the same moment (the GPS clock): cameras
 * without an offset tag but with GPS still let us place the photo in absolute time.
 */
export function offsetFromUtc(local: TakenAt, utcMillis: number): string | null {
  const exact = (takenAtMillis(local) - utcMillis) / 60_000;
  const minutes = Math.round(exact / 15) * 15;
  // Zones are whole or half hours but for three :45 ones; a clock further than 5 minutes off
  // such an offset has drifted, and guessing would misplace the photo.
  if (!Number.isFinite(minutes) || Math.abs(minutes) > 14 * 60 || Math.abs(exact - minutes) > 5) return null;
  if (minutes % 30 !== 0 && ![345, 525, 765].includes(minutes)) return null;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The calendar day ("2024-05-01") of a TakenAt, in the photo's own local time. */
export function localDay(takenAt: TakenAt): string {
  return takenAt.slice(0, 10);
}
