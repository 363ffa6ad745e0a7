// Public endpoints of share links, under /s/:token (no account; a password buys a grant):
//   GET  /s/:token                    metadata (401 reason=password until unlocked; 410 when gone)
//   POST /s/:token/unlock             {"password": "..."} → {"grant": "..."}
//   GET  /s/:token/list?path=         one level of a shared folder
//   GET  /s/:token/preview?path=      inline, previewable types only, Range
//   GET  /s/:token/download?path=     attachment, Range, counted
//   GET  /s/:token/zip?path=          a folder as a streamed zip, counted
//   GET  /s/:token/torrent            .torrent (web seed = the download URL, our tracker)
//   POST /s/:token/pgp?path=          the file encrypted to the posted OpenPGP public key, counted
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { SyncoxideError } from '@syncoxide/core';
import type { Entry, Provider } from '@syncoxide/sync';
import type { ProviderPool } from '../remotes/providers.js';
import { grantOf, joinPath, publicBase, readBody, safeRelative, sendJson } from './http.js';
import { encryptStream, gpgCommand, MAX_KEY_BYTES, readRecipientKey } from './pgp.js';
import { downloadTypeOf, previewOf } from './preview-types.js';
import { linkRefusal } from './secrets.js';
import { contentDisposition, etagOfEntry, sendFile } from './send-file.js';
import type { OpenShareLink, ShareLinksService } from './share-links.service.js';
import { infoDict, magnetOf, pieceHashes, pieceLengthFor, torrentFile } from './torrent.js';
import { TRACKER_PATH, type Tracker } from './tracker.js';
import { sendZip } from './zip.js';

export interface ShareRouteDeps {
  links: ShareLinksService;
  providers: ProviderPool;
  tracker: Tracker;
  /** Origin of the public pages (may frame previews). */
  webOrigin: string;
}

const ACTIONS = new Set(['', 'unlock', 'list', 'preview', 'download', 'zip', 'torrent', 'pgp']);

const baseOf = publicBase;

export function createShareRoutes(d: ShareRouteDeps) {
  async function target(
    open: OpenShareLink,
    url: URL,
  ): Promise<{ provider: Provider; entry: Entry; rel: string }> {
    const rel = open.link.kind === 'folder' ? safeRelative(url.searchParams.get('path')) : '';
    const provider = await d.providers.get(open.link.ownerId, open.node.remoteId);
    const entry = await provider.stat(joinPath(open.node.path, rel)).catch(() => null);
    if (!entry) throw linkRefusal(404, 'missing', 'no such file in this share');
    return { provider, entry, rel };
  }

  const file = (entry: Entry) => {
    if (entry.kind !== 'file') throw new SyncoxideError('INVALID_INPUT', 'that is a folder');
  };

  const downloadable = (open: OpenShareLink) => {
    if (open.link.previewOnly) throw linkRefusal(403, 'preview-only', 'this link allows preview only');
  };

  function urls(req: IncomingMessage, token: string, open: OpenShareLink) {
    const base = `${baseOf(req)}/s/${token}`;
    return {
      preview: `${base}/preview`,
      download: open.link.previewOnly || open.link.requirePgp ? null : `${base}/download`,
      zip:
        open.link.kind === 'folder' && !open.link.previewOnly && !open.link.requirePgp ? `${base}/zip` : null,
      torrent:
        open.link.kind === 'file' && !open.link.previewOnly && !open.link.requirePgp
          ? `${base}/torrent`
          : null,
      pgp: open.link.requirePgp ? `${base}/pgp` : null,
    };
  }

  async function metadata(req: IncomingMessage, res: ServerResponse, token: string, open: OpenShareLink) {
    await d.links.countView(open.link);
    const { link, node } = open;
    sendJson(res, 200, {
      name: node.name,
      kind: link.kind,
      size: node.size,
      mtime: node.mtime,
      note: link.note,
      preview: link.kind === 'file' ? (previewOf(node.name)?.kind ?? null) : null,
      previewOnly: link.previewOnly,
      requirePgp: link.requirePgp,
      expiresAt: link.expiresAt?.toISOString() ?? null,
      downloadsLeft: link.maxDownloads === null ? null : Math.max(0, link.maxDownloads - link.downloads),
      gpgCommand: link.requirePgp && link.kind === 'file' ? gpgCommand(node.name) : null,
      urls: urls(req, token, open),
    });
  }

  async function list(res: ServerResponse, open: OpenShareLink, url: URL) {
    if (open.link.kind !== 'folder') throw new SyncoxideError('INVALID_INPUT', 'this link is a file');
    const rel = safeRelative(url.searchParams.get('path'));
    const provider = await d.providers.get(open.link.ownerId, open.node.remoteId);
    const dir = joinPath(open.node.path, rel);
    const prefix = open.node.path ? `${open.node.path}/` : '';
    const items: unknown[] = [];
    for await (const e of provider.list(dir, { recursive: false })) {
      if (items.length >= 5000) break;
      const name = e.path.slice(e.path.lastIndexOf('/') + 1);
      if (name.startsWith('.syncoxide-')) continue;
      items.push({
        name,
        path: e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path,
        kind: e.kind,
        size: e.size,
        mtime: e.mtime,
        preview: e.kind === 'file' ? (previewOf(name)?.kind ?? null) : null,
      });
    }
    sendJson(res, 200, { path: rel, items });
  }

  async function torrent(req: IncomingMessage, res: ServerResponse, token: string, open: OpenShareLink) {
    downloadable(open);
    if (open.link.requirePgp)
      throw linkRefusal(403, 'pgp-required', 'this link delivers PGP-encrypted files only');
    if (open.link.kind !== 'file')
      throw new SyncoxideError('UNSUPPORTED', 'torrents are offered for single files');
    const provider = await d.providers.get(open.link.ownerId, open.node.remoteId);
    const entry = await provider.stat(open.node.path);
    if (entry?.kind !== 'file') throw linkRefusal(410, 'removed', 'the shared item is no longer there');
    const etag = etagOfEntry(entry);
    let made = await d.links.repository.torrent(open.link.id, etag);
    if (!made) {
      const pieceLength = pieceLengthFor(entry.size);
      const pieces = await pieceHashes(await provider.read(entry.path), pieceLength);
      made = infoDict(open.node.name, entry.size, pieceLength, pieces);
      await d.links.repository.saveTorrent(open.link.id, etag, made.info, made.infoHash);
    }
    await d.tracker.register(made.infoHash);
    const grant = grantOf(req, new URL(req.url ?? '/', 'http://x'));
    const seed = `${baseOf(req)}/s/${token}/download${grant ? `?grant=${grant}` : ''}`;
    const announce = `${baseOf(req)}${TRACKER_PATH}`;
    if (new URL(req.url ?? '/', 'http://x').searchParams.get('format') === 'magnet') {
      return sendJson(res, 200, { magnet: magnetOf(made.infoHash, open.node.name, announce, seed) });
    }
    const body = torrentFile(made.info, announce, seed);
    res.writeHead(200, {
      'access-control-allow-origin': '*',
      'content-type': 'application/x-bittorrent',
      'content-disposition': contentDisposition('attachment', `${open.node.name}.torrent`),
      'content-length': String(body.length),
      'x-magnet': magnetOf(made.infoHash, open.node.name, announce, seed),
    });
    res.end(body);
  }

  async function pgp(req: IncomingMessage, res: ServerResponse, open: OpenShareLink, url: URL) {
    downloadable(open);
    const body = await readBody(req, MAX_KEY_BYTES);
    const type = req.headers['content-type'] ?? '';
    const text = type.startsWith('application/x-www-form-urlencoded')
      ? (new URLSearchParams(body.toString('utf8')).get('publicKey') ?? '')
      : body.toString('utf8');
    const key = await readRecipientKey(text);
    const { provider, entry } = await target(open, url);
    file(entry);
    await d.links.countDownload(open.link);
    const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
    const encrypted = await encryptStream(await provider.read(entry.path), key, name);
    res.writeHead(200, {
      'access-control-allow-origin': '*',
      'content-type': 'application/pgp-encrypted',
      'content-disposition': contentDisposition('attachment', `${name}.gpg`),
      'cache-control': 'no-store',
    });
    await pipeline(encrypted, res);
  }

  /** Handles /s/...; false when the path is not a share link's. */
  return async function route(req: IncomingMessage, res: ServerResponse, url: URL, clientIp: string) {
    const m = /^\/s\/([^/]{1,100})(?:\/([a-z]+))?$/.exec(url.pathname);
    if (!m || !ACTIONS.has(m[2] ?? '')) return false;
    const token = m[1]!;
    const action = m[2] ?? '';
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (action === 'unlock' && req.method === 'POST') {
      const body = await readBody(req, 16 * 1024);
      let parsed: { password?: unknown };
      try {
        parsed = JSON.parse(body.toString('utf8')) as { password?: unknown };
      } catch {
        throw new SyncoxideError('INVALID_INPUT', 'send JSON: {"password": "..."}');
      }
      const grant = await d.links.unlock(token, parsed?.password, clientIp);
      sendJson(res, 200, { grant });
      return true;
    }
    if (action === 'pgp' && req.method !== 'POST')
      throw new SyncoxideError('INVALID_INPUT', 'POST the public key');
    if (action !== 'pgp' && !get) throw new SyncoxideError('INVALID_INPUT', 'method not allowed here');
    const open = await d.links.open(token, grantOf(req, url));
    switch (action) {
      case '':
        await metadata(req, res, token, open);
        return true;
      case 'list':
        await list(res, open, url);
        return true;
      case 'preview': {
        const { provider, entry } = await target(open, url);
        file(entry);
        const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
        const p = previewOf(name);
        if (!p) throw linkRefusal(415, 'no-preview', 'no preview for this type of file');
        await sendFile(req, res, provider, entry, {
          name,
          type: p.type,
          disposition: 'inline',
          frameAncestor: d.webOrigin,
        });
        return true;
      }
      case 'download': {
        downloadable(open);
        if (open.link.requirePgp)
          throw linkRefusal(403, 'pgp-required', 'this link delivers PGP-encrypted files only');
        const { provider, entry } = await target(open, url);
        file(entry);
        const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
        await sendFile(req, res, provider, entry, {
          name,
          type: downloadTypeOf(name),
          disposition: 'attachment',
          onFirstByte: () => d.links.countDownload(open.link),
        });
        return true;
      }
      case 'zip': {
        downloadable(open);
        if (open.link.requirePgp)
          throw linkRefusal(403, 'pgp-required', 'this link delivers PGP-encrypted files only');
        const { provider, entry, rel } = await target(open, url);
        if (entry.kind !== 'folder') throw new SyncoxideError('INVALID_INPUT', 'that is a file');
        await d.links.countDownload(open.link);
        const name = rel ? rel.slice(rel.lastIndexOf('/') + 1) : open.node.name;
        await sendZip(res, provider, entry.path, name);
        return true;
      }
      case 'torrent':
        await torrent(req, res, token, open);
        return true;
      case 'pgp':
        await pgp(req, res, open, url);
        return true;
    }
    return false;
  };
}
