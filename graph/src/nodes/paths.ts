// Paths inside a remote: '/'-separated, relative to the remote's root, no leading slash;
// '' is the root itself. Bad paths are refused before they reach the graph.
import { SyncoxideError } from '@syncoxide/core';

export function normalizePath(raw: string): string {
  const path = raw.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  const parts = path.split('/');
  if (path === '' || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'))) {
    throw new SyncoxideError('INVALID_INPUT', 'not a valid path inside a remote', { path: raw });
  }
  return path;
}

/** Parent path; '' for a node at the root. */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function depthOf(path: string): number {
  let depth = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) depth++;
  return depth;
}

/** Every ancestor folder path, nearest first, without the root. */
export function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let p = parentOf(path); p !== ''; p = parentOf(p)) out.push(p);
  return out;
}

/** Is `path` inside folder `folder` (strictly below it)? */
export function isBelow(path: string, folder: string): boolean {
  return path.length > folder.length + 1 && path.startsWith(folder) && path.charCodeAt(folder.length) === 47;
}

/** `path` with its leading `from` folder replaced by `to`. */
export function rebase(path: string, from: string, to: string): string {
  return to + path.slice(from.length);
}
