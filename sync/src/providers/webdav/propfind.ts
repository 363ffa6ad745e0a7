// PROPFIND: the request body, and the multistatus answer parsed into entries. Namespace
// prefixes differ between servers (D:, d:, none), so they are dropped before reading.
import { XMLParser } from 'fast-xml-parser';
import type { Entry, Hashes } from '../types.js';

export const PROPFIND_BODY = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
  <d:prop>
    <d:resourcetype/><d:getcontentlength/><d:getlastmodified/><d:getetag/><d:getcontenttype/>
    <oc:checksums/><oc:fileid/>
  </d:prop>
</d:propfind>`;

export const QUOTA_BODY = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:quota-used-bytes/><d:quota-available-bytes/></d:prop></d:propfind>`;

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'response' || name === 'propstat' || name === 'checksum',
});

type Props = Record<string, unknown>;

export interface DavResource {
  /** Decoded path segments of the href. */
  segments: string[];
  props: Props;
}

/** Every response of a multistatus body with the properties the server found (status 200). */
export function parseMultistatus(xml: string, base: URL): DavResource[] {
  const doc = parser.parse(xml) as { multistatus?: { response?: Props[] } };
  const out: DavResource[] = [];
  for (const response of doc.multistatus?.response ?? []) {
    const href = String(response.href ?? '');
    const pathname = new URL(href, base).pathname;
    const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const props: Props = {};
    for (const propstat of (response.propstat as Props[] | undefined) ?? []) {
      if (!/\s2\d\d\b/.test(String(propstat.status ?? ''))) continue;
      Object.assign(props, propstat.prop as Props);
    }
    out.push({ segments, props });
  }
  return out;
}

function text(value: unknown): string | null {
  if (value === undefined || value === null || typeof value === 'object') return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** ownCloud/Nextcloud `<oc:checksum>SHA1:… MD5:… ADLER32:…</oc:checksum>`. */
function checksums(value: unknown): Hashes {
  const list = (value as { checksum?: unknown[] } | undefined)?.checksum ?? [];
  const all = list.map((v) => String(v)).join(' ');
  const hashes: Hashes = {};
  const md5 = /MD5:([0-9a-f]{32})/i.exec(all);
  const sha1 = /SHA1:([0-9a-f]{40})/i.exec(all);
  if (md5) hashes.md5 = md5[1]!.toLowerCase();
  if (sha1) hashes.sha1 = sha1[1]!.toLowerCase();
  return hashes;
}

export function entryFromProps(path: string, props: Props): Entry {
  const type = props.resourcetype;
  const folder = typeof type === 'object' && type !== null && 'collection' in type;
  const modified = text(props.getlastmodified);
  const mtime = modified ? Date.parse(modified) : Number.NaN;
  return {
    path,
    kind: folder ? 'folder' : 'file',
    size: folder ? 0 : Number(text(props.getcontentlength) ?? 0),
    mtime: Number.isNaN(mtime) ? null : mtime,
    hashes: folder ? {} : checksums(props.checksums),
    providerId: text(props.fileid),
    etag: text(props.getetag),
    mime: folder ? null : text(props.getcontenttype),
  };
}

/** The number in a DAV quota property, or null when the server keeps none. */
export function quotaNumber(value: unknown): number | null {
  const s = text(value);
  if (s === null) return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : null;
}
