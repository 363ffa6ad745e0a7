// The timeline: photos in the order they were taken, falling back to the file's mtime when the
// file has no date, grouped by the day or month a person would file them under (the photo's
// own local date when the camera recorded one, not the viewer's).
import { localDay, takenAtMillis } from './exif-date.js';

export interface TimelineItem {
  id: string;
  /** PhotoMetadata.takenAt: ISO 8601 local time, offset when known. */
  takenAt: string | null;
  /** File modification time, epoch ms. */
  mtime: number | null;
}

export interface Placed<T extends TimelineItem> {
  item: T;
  /** The instant used for ordering, epoch ms; null: undated (listed last). */
  at: number | null;
  source: 'taken' | 'mtime' | 'none';
  /** "2024-05-01"; "" when undated. */
  day: string;
}

export interface TimelineOptions {
  /** Newest first (default), as photo libraries show. */
  order?: 'desc' | 'asc';
  /** IANA zone for the day of mtime-dated files (their mtime is an instant with no zone); default UTC. */
  timeZone?: string;
}

function dayIn(ms: number, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);
}

function place<T extends TimelineItem>(item: T, timeZone: string): Placed<T> {
  if (item.takenAt) {
    const at = takenAtMillis(item.takenAt);
    if (Number.isFinite(at)) return { item, at, source: 'taken', day: localDay(item.takenAt) };
  }
  if (item.mtime !== null && Number.isFinite(item.mtime)) {
    return { item, at: item.mtime, source: 'mtime', day: dayIn(item.mtime, timeZone) };
  }
  return { item, at: null, source: 'none', day: '' };
}

/** Items in timeline order; equal instants are ordered by id so pages never shuffle. */
export function orderTimeline<T extends TimelineItem>(
  items: readonly T[],
  options: TimelineOptions = {},
): Placed<T>[] {
  const sign = options.order === 'asc' ? 1 : -1;
  const timeZone = options.timeZone ?? 'UTC';
  return items
    .map((item) => place(item, timeZone))
    .sort((a, b) => {
      if (a.at === null || b.at === null) {
        if (a.at !== b.at) return a.at === null ? 1 : -1;
      } else if (a.at !== b.at) {
        return sign * (a.at - b.at);
      }
      return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
    });
}

export interface TimelineGroup<T extends TimelineItem> {
  /** "2024-05-01" or "2024-05"; "" for undated items. */
  key: string;
  items: Placed<T>[];
}

/** Timeline order, cut into days or months; groups in the same direction, undated last. */
export function groupTimeline<T extends TimelineItem>(
  items: readonly T[],
  by: 'day' | 'month',
  options: TimelineOptions = {},
): TimelineGroup<T>[] {
  const groups = new Map<string, Placed<T>[]>();
  for (const placed of orderTimeline(items, options)) {
    const key = by === 'month' ? placed.day.slice(0, 7) : placed.day;
    const group = groups.get(key);
    if (group) group.push(placed);
    else groups.set(key, [placed]);
  }
  const sign = options.order === 'asc' ? 1 : -1;
  return [...groups.entries()]
    .map(([key, grouped]) => ({ key, items: grouped }))
    .sort((a, b) => {
      if (a.key === '' || b.key === '') return a.key === b.key ? 0 : a.key === '' ? 1 : -1;
      return sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    });
}
