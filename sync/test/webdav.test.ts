// The WebDAV provider against `rclone serve webdav` (conformance suite), plus what is WebDAV's
// own: basic auth failures, a read-only server, PROPFIND parsing of other servers' answers.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isRetriable, uniqueName } from '@syncoxide/core';
import type { RemoteConfig } from '../src/providers/config.js';
import { createProvider } from '../src/providers/registry.js';
import type { Provider } from '../src/providers/types.js';
import { createWebdavProvider, type WebdavProvider } from '../src/providers/webdav/index.js';
import { entryFromProps, parseMultistatus } from '../src/providers/webdav/propfind.js';
import { freePort } from '../testing/net.js';
import { startWebdavServer, type WebdavServer } from '../testing/webdav-server.js';
import { rejectsWith } from './conformance/context.js';
import { readAll, text } from './conformance/data.js';
import { type ProviderFixture, runProviderSuite } from './conformance/suite.js';

type WebdavConfig = Extract<RemoteConfig, { type: 'webdav' }>;

let shared: Promise<WebdavServer> | null = null;
const server = () => {
  shared ??= startWebdavServer();
  return shared;
};
after(async () => {
  await (await shared)?.stop();
});

const configFor = (s: WebdavServer, root: string, extra: Partial<WebdavConfig> = {}): WebdavConfig => ({
  type: 'webdav',
  url: s.url,
  username: s.username,
  password: s.password,
  root,
  ...extra,
});

/** A fresh folder made through the server (rclone caches listings: no mkdir behind its back). */
async function freshFolder(s: WebdavServer, label: string): Promise<string> {
  const name = uniqueName(label);
  const top = await createWebdavProvider(configFor(s, ''));
  await top.mkdir(name);
  await top.close();
  return name;
}

async function webdavFixture(): Promise<ProviderFixture> {
  const s = await server();
  const name = await freshFolder(s, 'fx');
  const dir = join(s.root, name);
  const config = configFor(s, name);
  const opened: Provider[] = [];
  const open = async () => {
    const p = await createWebdavProvider(config);
    opened.push(p);
    return p;
  };
  const immutable: string[] = [];
  return {
    provider: await open(),
    config,
    rootDir: dir,
    reopen: open,
    denied: async () => {
      const path = `denied-${Date.now()}`;
      await opened[0]!.mkdir(path);
      // Tests run as root, whom file modes do not stop; the immutable flag does.
      execFileSync('chattr', ['+i', join(dir, path)]);
      immutable.push(join(dir, path));
      return {
        provider: opened[0]!,
        path,
        undo: async () => {
          execFileSync('chattr', ['-i', join(dir, path)]);
        },
      };
    },
    unreachable: async () =>
      createWebdavProvider({ ...config, url: `http://127.0.0.1:${await freePort()}/` }),
    cleanup: async () => {
      for (const p of opened) await p.close();
      for (const d of immutable) execFileSync('chattr', ['-i', d]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

runProviderSuite('webdav (rclone serve webdav)', webdavFixture, {
  // 10,000 PUT+MOVE pairs through one rclone process: the listing itself is what is tested.
  listingCount: 2_000,
  knownFailures: {},
});

describe('webdav specifics', () => {
  let s: WebdavServer;
  let root: string;
  const providers: Provider[] = [];
  const make = async (extra: Partial<WebdavConfig> = {}): Promise<WebdavProvider> => {
    const p = await createWebdavProvider(configFor(s, root, extra));
    providers.push(p);
    return p;
  };
  before(async () => {
    s = await server();
    root = await freshFolder(s, 'spec');
  });
  after(async () => {
    for (const p of providers) await p.close();
    await rm(join(s.root, root), { recursive: true, force: true });
  });

  it('builds through the registry; rclone serve webdav cannot set modtimes', async () => {
    const p = await createProvider(configFor(s, root));
    providers.push(p);
    assert.equal(p.type, 'webdav');
    assert.equal(p.capabilities.modtime.settable, false);
    assert.equal(p.capabilities.modtime.precisionMs, 1000);
    const entry = await p.write('reg/file.txt', text('registry'));
    assert.ok(entry.etag, 'etag reported');
    assert.equal((await readAll(await p.read('reg/file.txt'))).toString(), 'registry');
  });

  it('a wrong password is PERMISSION_DENIED saying so, not retriable', async () => {
    const p = await make({ password: 'wrong' });
    await assert.rejects(p.stat('x.txt'), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'PERMISSION_DENIED');
      assert.match(err.message, /refused the username\/password/);
      assert.ok(err.message.includes('x.txt'));
      assert.ok(!isRetriable(err));
      return true;
    });
  });

  it('a read-only server refuses writes with PERMISSION_DENIED and keeps nothing', async () => {
    const ro = await startWebdavServer({ root: s.root, readOnly: true });
    try {
      const p = await createWebdavProvider(configFor(ro, root));
      providers.push(p);
      await rejectsWith(
        p.write('ro/refused.txt', text('no')),
        ['PERMISSION_DENIED', 'UNSUPPORTED'],
        'ro/refused.txt',
      );
      assert.equal(await (await make()).stat('ro/refused.txt'), null);
    } finally {
      await ro.stop();
    }
  });

  it('parses ownCloud-style answers: prefixes, checksums, file ids, absolute hrefs', () => {
    const xml = `<?xml version="1.0"?>
      <d:multistatus xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
        <d:response><d:href>http://h/remote.php/dav/files/u/a%20b/caf%C3%A9.txt</d:href>
          <d:propstat><d:prop><d:resourcetype/><d:getcontentlength>5</d:getcontentlength>
            <d:getlastmodified>Wed, 01 Jan 2020 00:00:00 GMT</d:getlastmodified><d:getetag>"e1"</d:getetag>
            <oc:fileid>00000042</oc:fileid>
            <oc:checksums><oc:checksum>SHA1:${'a'.repeat(40)} MD5:${'b'.repeat(32)} ADLER32:0001</oc:checksum></oc:checksums>
          </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
          <d:propstat><d:prop><d:getcontenttype/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
        </d:response>
      </d:multistatus>`;
    const [resource] = parseMultistatus(xml, new URL('http://h/remote.php/dav/files/u/'));
    assert.deepEqual(resource!.segments.slice(-2), ['a b', 'café.txt']);
    const entry = entryFromProps('a b/café.txt', resource!.props);
    assert.equal(entry.kind, 'file');
    assert.equal(entry.size, 5);
    assert.equal(entry.mtime, Date.UTC(2020, 0, 1));
    assert.equal(entry.etag, '"e1"');
    assert.equal(entry.providerId, '00000042');
    assert.deepEqual(entry.hashes, { md5: 'b'.repeat(32), sha1: 'a'.repeat(40) });
  });
});
