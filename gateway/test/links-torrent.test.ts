// The torrent of a share link: real aria2c (Debian) downloads a 100 MB shared file through the
// .torrent, from the BEP 19 web seed (the link's download URL), announcing to the gateway's
// tracker; the SHA-1 of what it wrote matches. The tracker itself answers compact peer lists.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import bencode from 'bencode';
import { CONNECT } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';
import { createLink, nodeId } from './links-helpers.js';

const SIZE = 100 * 1024 * 1024;
let gw: TestGateway;
let alice: Client;
let sha1 = '';
let fileId = '';

async function writeRandom(path: string, size: number): Promise<string> {
  const hash = createHash('sha1');
  const out = createWriteStream(path);
  for (let done = 0; done < size; ) {
    const chunk = randomBytes(Math.min(1 << 20, size - done));
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    done += chunk.length;
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return hash.digest('hex');
}

async function sha1Of(path: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  const root = join(gw.localRoot, 'big');
  await mkdir(root);
  sha1 = await writeRandom(join(root, 'big.bin'), SIZE);
  await alice.ok(CONNECT, { name: 'Big', config: { type: 'local', root } });
  fileId = await nodeId(alice, 'big.bin');
});
after(() => gw.close());

test('aria2c fetches a 100 MB file through the .torrent (web seed) and its SHA-1 matches', async () => {
  const link = await createLink(alice, fileId);
  const res = await fetch(`${gw.base}/s/${link.token}/torrent`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/x-bittorrent');
  const torrent = Buffer.from(await res.arrayBuffer());
  const meta = bencode.decode(torrent) as Record<string, Uint8Array | Record<string, unknown>>;
  assert.equal(Buffer.from(meta['url-list'] as Uint8Array).toString(), `${gw.base}/s/${link.token}/download`);
  assert.equal(Buffer.from(meta.announce as Uint8Array).toString(), `${gw.base}/tracker/announce`);
  assert.match(res.headers.get('x-magnet') ?? '', /^magnet:\?xt=urn:btih:[0-9a-f]{40}&/);

  const dir = await mkdtemp(join(tmpdir(), 'sox-aria-'));
  try {
    await writeFile(join(dir, 'big.torrent'), torrent);
    await promisify(execFile)(
      'aria2c',
      [
        `--dir=${join(dir, 'out')}`,
        '--seed-time=0',
        '--enable-dht=false',
        '--enable-dht6=false',
        '--bt-enable-lpd=false',
        '--enable-peer-exchange=false',
        '--file-allocation=none',
        '--summary-interval=0',
        '--console-log-level=error',
        '--check-integrity=true',
        join(dir, 'big.torrent'),
      ],
      { timeout: 300_000 },
    );
    assert.equal(await sha1Of(join(dir, 'out', 'big.bin')), sha1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // Same content, same torrent: the piece hashes were computed once.
  const again = Buffer.from(await (await fetch(`${gw.base}/s/${link.token}/torrent`)).arrayBuffer());
  const info = (b: Buffer) => bencode.encode((bencode.decode(b) as { info: unknown }).info);
  assert.deepEqual(info(again), info(torrent));
});

test('the tracker: compact peers of known torrents only', async () => {
  const link = await createLink(alice, fileId);
  const torrent = Buffer.from(await (await fetch(`${gw.base}/s/${link.token}/torrent`)).arrayBuffer());
  const meta = bencode.decode(torrent) as { info: unknown };
  const infoHash = createHash('sha1').update(bencode.encode(meta.info)).digest();
  const esc = (b: Buffer) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join('');
  const announce = async (hash: Buffer, port: number, left: number) => {
    const q = `info_hash=${esc(hash)}&peer_id=${esc(randomBytes(20))}&port=${port}&uploaded=0&downloaded=0&left=${left}&compact=1`;
    const r = await fetch(`${gw.base}/tracker/announce?${q}`);
    return bencode.decode(Buffer.from(await r.arrayBuffer())) as Record<string, unknown>;
  };
  const first = await announce(infoHash, 6881, 0);
  assert.equal(first.interval, 1800);
  const second = await announce(infoHash, 6882, SIZE);
  const peers = Buffer.from(second.peers as Uint8Array);
  assert.deepEqual([...peers], [127, 0, 0, 1, 6881 >> 8, 6881 & 0xff], 'the seed, not itself');
  assert.equal(second.complete, 1);
  assert.equal(second.incomplete, 1);
  const unknown = await announce(randomBytes(20), 6883, 1);
  assert.equal(Buffer.from(unknown['failure reason'] as Uint8Array).toString(), 'unknown torrent');
});
