/// <reference path="./bencode.d.ts" />
// .torrent files for share links: BitTorrent v1 info dictionary with piece hashes computed by
// streaming the file from its provider (never buffered whole), a BEP 19 web seed (url-list) that
// is the link's own download URL, and the gateway's tracker as announce URL.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import bencode from 'bencode';

/** A power of two between 256 KiB and 16 MiB keeping the piece count near 1,000 or fewer. */
export function pieceLengthFor(size: number): number {
  let len = 256 * 1024;
  while (len < 16 * 1024 * 1024 && size / len > 1000) len *= 2;
  return len;
}

/** SHA-1 of each `pieceLength` bytes of the stream, concatenated (the `pieces` field). */
export async function pieceHashes(stream: Readable, pieceLength: number): Promise<Buffer> {
  const out: Buffer[] = [];
  let hash = createHash('sha1');
  let filled = 0;
  for await (const chunk of stream) {
    let buf = chunk as Buffer;
    while (buf.length > 0) {
      const take = Math.min(pieceLength - filled, buf.length);
      hash.update(buf.subarray(0, take));
      filled += take;
      buf = buf.subarray(take);
      if (filled === pieceLength) {
        out.push(hash.digest());
        hash = createHash('sha1');
        filled = 0;
      }
    }
  }
  if (filled > 0) out.push(hash.digest());
  return Buffer.concat(out);
}

/** The bencoded info dictionary of a single-file torrent and its info hash (hex). */
export function infoDict(name: string, length: number, pieceLength: number, pieces: Buffer) {
  const info = Buffer.from(bencode.encode({ length, name, 'piece length': pieceLength, pieces }));
  return { info, infoHash: createHash('sha1').update(info).digest('hex') };
}

export function torrentFile(info: Buffer, announce: string, webSeed: string): Buffer {
  // The info dictionary is spliced in as stored: re-encoding could change the info hash.
  const outer = Buffer.from(
    bencode.encode({
      announce,
      'created by': 'syncoxide',
      'creation date': Math.floor(Date.now() / 1000),
      info: 0,
      'url-list': webSeed,
    }),
  );
  const marker = Buffer.from('4:infoi0e');
  const at = outer.indexOf(marker);
  return Buffer.concat([outer.subarray(0, at + 6), info, outer.subarray(at + marker.length)]);
}

export function magnetOf(infoHash: string, name: string, announce: string, webSeed: string): string {
  const q = new URLSearchParams({ dn: name, tr: announce, ws: webSeed });
  return `magnet:?xt=urn:btih:${infoHash}&${q.toString()}`;
}
