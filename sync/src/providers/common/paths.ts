// Provider paths: relative to the remote's root, '/'-separated, '' for the root. Every provider
// validates through here so that no input can name a place outside its root.
import { randomBytes } from 'node:crypto';
import { SyncoxideError } from '@syncoxide/core';

/**
 * Normalises a provider path (drops leading/trailing and doubled slashes and '.' segments) and
 * refuses what could escape the root or confuse a server: '..' segments and NUL bytes.
 */
export function normalizePath(path: string): string {
  if (typeof path !== 'string') throw new SyncoxideError('INVALID_INPUT', 'path must be a string');
  if (path.includes('\0')) throw new SyncoxideError('INVALID_INPUT', 'path contains a NUL byte', { path });
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') throw new SyncoxideError('INVALID_INPUT', "path must not contain '..'", { path });
    parts.push(segment);
  }
  return parts.join('/');
}

/** Like normalizePath, but the root itself is refused (for writes, deletes, moves). */
export function normalizeFilePath(path: string): string {
  const normal = normalizePath(path);
  if (normal === '') throw new SyncoxideError('INVALID_INPUT', 'path must name something below the root');
  return normal;
}

export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `path` is `ancestor` or below it. */
export function isWithin(path: string, ancestor: string): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}/`);
}

const TEMP_NAME = /^\.syncoxide-[A-Za-z0-9_-]+\.partial$/;

/** A fresh temporary name beside `path` (DESIGN-NOTES §4): same folder, so a rename finishes it. */
export function tempPathFor(path: string, label = randomBytes(8).toString('hex')): string {
  return joinPath(parentOf(path), `.syncoxide-${label}.partial`);
}

/** Temporary files of writes in flight are not content: listings leave them out. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** A path a caller may write: below the root, and not one of our temporary names. */
export function normalizeWritablePath(path: string): string {
  const normal = normalizeFilePath(path);
  if (isTempName(baseName(normal))) {
    throw new SyncoxideError('INVALID_INPUT', 'name is reserved for temporary files', { path: normal });
  }
  return normal;
}
