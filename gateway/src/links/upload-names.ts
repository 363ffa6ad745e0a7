// Names outsiders upload with: a relative path ('folder/sub/file.txt') whose every part must be
// a plain name. Anything that could leave the destination, hide, or break another system is
// refused: separators and .., absolute paths, NUL and control characters, names over 255 bytes,
// Windows' reserved device names, trailing dots/spaces, and our own temp-file prefix.
import { SyncoxideError } from '@syncoxide/core';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
export const MAX_PATH_BYTES = 1024;
export const MAX_DEPTH = 32;

function bad(why: string): SyncoxideError {
  return new SyncoxideError('INVALID_INPUT', `bad file name: ${why}`);
}

export function checkUploadPath(raw: unknown): string[] {
  if (typeof raw !== 'string' || raw.length === 0) throw bad('missing');
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw bad('absolute paths are not allowed');
  if (raw.includes('\\')) throw bad('backslashes are not allowed');
  if (Buffer.byteLength(raw) > MAX_PATH_BYTES) throw bad(`path over ${MAX_PATH_BYTES} bytes`);
  const parts = raw.split('/');
  if (parts.length > MAX_DEPTH) throw bad(`more than ${MAX_DEPTH} levels`);
  for (const p of parts) {
    if (p === '' || p === '.' || p === '..') throw bad('empty, . or .. parts are not allowed');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
    if (/[\u0000-\u001f\u007f]/.test(p)) throw bad('control characters are not allowed');
    if (Buffer.byteLength(p) > 255) throw bad('a name over 255 bytes');
    if (RESERVED.test(p)) throw bad(`"${p}" is a reserved name`);
    if (/[. ]$/.test(p) || /^\s/.test(p))
      throw bad('names cannot start with a space or end with a dot or space');
    if (/[<>:"|?*]/.test(p)) throw bad('characters < > : " | ? * are not allowed');
    if (p.toLowerCase().startsWith('.syncoxide-')) throw bad('reserved prefix');
  }
  return parts;
}

/** `name (n).ext` — the suffix that keeps an existing file from being overwritten. */
export function withSuffix(name: string, n: number): string {
  if (n === 0) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/** Does a name match the request's allowed types (extensions like "pdf"/".pdf", or "image/*")? */
export function typeAllowed(name: string, allowed: string[], typeOf: (name: string) => string): boolean {
  if (allowed.length === 0) return true;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const type = typeOf(name);
  return allowed.some((a) => {
    const t = a.trim().toLowerCase();
    if (t.includes('/')) return t.endsWith('/*') ? type.startsWith(t.slice(0, -1)) : type === t;
    return ext !== '' && ext === t.replace(/^\./, '');
  });
}
