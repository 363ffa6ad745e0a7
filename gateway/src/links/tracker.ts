/// <reference path="./bencode.d.ts" />
// An HTTP BitTorrent tracker (BEP 3 announce, BEP 23 compact peers) for the torrents of share
// links. Swarms live in Redis sorted sets (peer → last announce), so every gateway process
// answers for every swarm; peers that stop announcing age out. Unknown info hashes are refused.
import type { IncomingMessage, ServerResponse } from 'node:http';
import bencode from 'bencode';
import type { Redis } from 'ioredis';

export const TRACKER_PATH = '/tracker/announce';
const INTERVAL_SECONDS = 1800;
const PEER_TTL_MS = 2 * INTERVAL_SECONDS * 1000;
const MAX_PEERS = 50;

/** Query values as bytes: info_hash and peer_id are raw 20-byte strings, percent-encoded. */
export function rawQuery(url: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const q = url.indexOf('?');
  if (q < 0) return out;
  for (const part of url.slice(q + 1).split('&')) {
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    const bytes: number[] = [];
    for (let i = 0; i < v.length; i++) {
      if (v[i] === '%' && /^[0-9a-fA-F]{2}$/.test(v.slice(i + 1, i + 3))) {
        bytes.push(Number.parseInt(v.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(v[i] === '+' ? 0x20 : v.charCodeAt(i) & 0xff);
    }
    out.set(k, Buffer.from(bytes));
  }
  return out;
}

export class Tracker {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private swarm(infoHash: string) {
    return `${this.prefix}tracker:swarm:${infoHash}`;
  }

  /** Makes the tracker answer for a torrent we made. */
  async register(infoHash: string): Promise<void> {
    await this.redis.set(`${this.prefix}tracker:known:${infoHash}`, '1', 'EX', 90 * 24 * 3600);
  }

  async announce(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = (body: Record<string, unknown>) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end(Buffer.from(bencode.encode(body)));
    };
    const q = rawQuery(req.url ?? '');
    const hash = q.get('info_hash');
    const port = Number(q.get('port')?.toString('latin1'));
    if (hash?.length !== 20 || !Number.isInteger(port) || port < 1 || port > 65535)
      return reply({ 'failure reason': 'bad announce: info_hash and port are required' });
    const infoHash = hash.toString('hex');
    if (!(await this.redis.exists(`${this.prefix}tracker:known:${infoHash}`)))
      return reply({ 'failure reason': 'unknown torrent' });
    const ip = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
    const key = this.swarm(infoHash);
    const now = Date.now();
    const event = q.get('event')?.toString('latin1');
    const left = Number(q.get('left')?.toString('latin1') ?? 1);
    const member = v4
      ? Buffer.from([...v4.slice(1).map(Number), port >> 8, port & 0xff]).toString('hex')
      : null;
    const multi = this.redis.multi().zremrangebyscore(key, 0, now - PEER_TTL_MS);
    if (member && event === 'stopped') multi.zrem(key, member, `s${member}`);
    else if (member) {
      // Seeds are kept apart (prefix s) to report complete/incomplete counts.
      multi.zrem(key, left === 0 ? member : `s${member}`).zadd(key, now, left === 0 ? `s${member}` : member);
    }
    multi.pexpire(key, PEER_TTL_MS).zrange(key, 0, -1);
    const results = (await multi.exec()) ?? [];
    const all = (results[results.length - 1]?.[1] as string[]) ?? [];
    const peers = all
      .map((m) => m.replace(/^s/, ''))
      .filter((m) => m !== member)
      .slice(0, MAX_PEERS);
    const seeds = all.filter((m) => m.startsWith('s')).length;
    reply({
      interval: INTERVAL_SECONDS,
      complete: seeds,
      incomplete: all.length - seeds,
      peers: Buffer.from(peers.join(''), 'hex'),
    });
  }
}
