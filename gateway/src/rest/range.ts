// HTTP Range (RFC 9110 §14): one `bytes=` range is served as 206; several ranges, or a header
// we cannot read, fall back to the whole file (allowed by the RFC); a range wholly beyond the
// end is 416.
export type RangeResult =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return { kind: 'full' };
  const [, a, b] = m;
  if (a === '' && b === '') return { kind: 'full' };
  let start: number;
  let end: number;
  if (a === '') {
    // Suffix range: the last N bytes.
    const n = Number(b);
    if (n === 0) return { kind: 'unsatisfiable' };
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
    if (b !== '' && Number(b) < start) return { kind: 'full' };
  }
  if (start >= size || size === 0) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

/** Strong ETag from the content hash when known, else from the revision and size. */
export function etagOf(node: {
  sha1: string | null;
  md5: string | null;
  revision: number;
  size: number | null;
  mtime: number | null;
}): string {
  if (node.sha1) return `"sha1-${node.sha1}"`;
  if (node.md5) return `"md5-${node.md5}"`;
  return `"r${node.revision}-${node.size ?? 0}-${node.mtime ?? 0}"`;
}

/** If-None-Match: a list of tags or `*`; weak comparison. */
export function matchesNone(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
