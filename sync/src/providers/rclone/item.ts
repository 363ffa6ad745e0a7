// rclone's list/stat items (lsjson format) as provider entries, and rc paths.
import type { Entry, HashType } from '../types.js';

export interface RcItem {
  Path: string;
  Name: string;
  Size: number;
  MimeType?: string;
  ModTime: string;
  IsDir: boolean;
  Hashes?: Record<string, string>;
  ID?: string;
}

export function entryOfItem(path: string, item: RcItem): Entry {
  const hashes: Entry['hashes'] = {};
  for (const type of ['md5', 'sha1'] as HashType[]) {
    const value = item.Hashes?.[type];
    if (value) hashes[type] = value.toLowerCase();
  }
  const mtime = Date.parse(item.ModTime);
  return {
    path,
    kind: item.IsDir ? 'folder' : 'file',
    size: item.IsDir ? 0 : Math.max(item.Size, 0),
    mtime: Number.isNaN(mtime) ? null : mtime,
    hashes,
    providerId: item.ID ?? null,
    etag: null,
    mime: item.IsDir ? null : (item.MimeType ?? null),
  };
}

/** The rclone fs string of `root` inside `remote` (`name:`, `name:sub`, `:backend,opt=v:`). */
export function joinFs(remote: string, root: string): string {
  const clean = root.replace(/\/+$/g, '');
  if (clean === '') return remote;
  // After 'name:' the path is as given (absolute for local-like backends, relative otherwise).
  if (remote.endsWith(':')) return `${remote}${clean}`;
  return `${remote.replace(/\/+$/, '')}/${clean.replace(/^\/+/, '')}`;
}
