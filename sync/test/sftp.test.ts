// The SFTP provider against OpenSSH's sshd (conformance suite), plus what is SFTP's own: key and
// password auth, host key pinning, server-side hashes, resuming over a torn temp file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isRetriable } from '@syncoxide/core';
import type { RemoteConfig } from '../src/providers/config.js';
import { createProvider } from '../src/providers/registry.js';
import { createSftpProvider, type SftpProvider } from '../src/providers/sftp/index.js';
import { RemoteHasher } from '../src/providers/sftp/remote-hash.js';
import type { Provider } from '../src/providers/types.js';
import { freePort } from '../testing/net.js';
import { type SftpServer, startRcloneSftpServer, startSftpServer } from '../testing/sftp-server.js';
import { rejectsWith } from './conformance/context.js';
import { digest, pattern, patternDigest, readAll, systemHash, text } from './conformance/data.js';
import { type ProviderFixture, runProviderSuite } from './conformance/suite.js';

type SftpConfig = Extract<RemoteConfig, { type: 'sftp' }>;

let shared: Promise<SftpServer> | null = null;
const server = () => {
  shared ??= startSftpServer();
  return shared;
};
after(async () => {
  await (await shared)?.stop();
});

function configFor(s: SftpServer, root: string, extra: Partial<SftpConfig> = {}): SftpConfig {
  return {
    type: 'sftp',
    host: s.host,
    port: s.port,
    username: s.username,
    privateKey: s.privateKey,
    password: s.password,
    hostKey: s.hostKeyFingerprint,
    root,
    ...extra,
  };
}

async function sftpFixture(): Promise<ProviderFixture> {
  const s = await server();
  const root = await mkdtemp(join(s.root, 'fx-'));
  const config = configFor(s, root);
  const opened: Provider[] = [];
  const open = () => {
    const p = createSftpProvider(config);
    opened.push(p);
    return p;
  };
  const immutable: string[] = [];
  return {
    provider: open(),
    config,
    rootDir: root,
    reopen: async () => open(),
    // Tests run as root, whom file modes do not stop; the immutable flag does.
    denied: async () => {
      const path = `denied-${Date.now()}`;
      await mkdir(join(root, path));
      execFileSync('chattr', ['+i', join(root, path)]);
      immutable.push(join(root, path));
      return {
        provider: opened[0]!,
        path,
        undo: async () => {
          execFileSync('chattr', ['-i', join(root, path)]);
        },
      };
    },
    unreachable: async () => createSftpProvider({ ...config, port: await freePort() }),
    cleanup: async () => {
      for (const p of opened) await p.close();
      for (const dir of immutable) execFileSync('chattr', ['-i', dir]);
      await rm(root, { recursive: true, force: true });
    },
  };
}

runProviderSuite('sftp (OpenSSH)', sftpFixture, { knownFailures: {} });

describe('sftp specifics', () => {
  let s: SftpServer;
  let root: string;
  const providers: Provider[] = [];
  const make = (extra: Partial<SftpConfig> = {}): SftpProvider => {
    const p = createSftpProvider(configFor(s, root, extra));
    providers.push(p);
    return p;
  };
  before(async () => {
    s = await server();
    root = mkdtempSync(join(s.root, 'spec-'));
  });
  after(async () => {
    for (const p of providers) await p.close();
    await rm(root, { recursive: true, force: true });
  });

  it('builds through the registry from a stored config', async () => {
    const p = await createProvider(configFor(s, root));
    providers.push(p);
    assert.equal(p.type, 'sftp');
    await p.write('registry.txt', text('via registry'));
    assert.equal((await readAll(await p.read('registry.txt'))).toString(), 'via registry');
  });

  it('a refused key is PERMISSION_DENIED saying authentication failed, not retriable', async () => {
    const work = mkdtempSync(join(tmpdir(), 'syncoxide-key-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(work, 'k')]);
    const { readFileSync } = await import('node:fs');
    const p = make({ privateKey: readFileSync(join(work, 'k'), 'utf8') });
    await rejectsWith(p.stat('x.txt'), 'PERMISSION_DENIED', 'x.txt');
    await assert.rejects(
      p.stat('x.txt'),
      (err: Error) => /authentication failed/i.test(err.message) && !isRetriable(err),
    );
    await rm(work, { recursive: true, force: true });
  });

  it('a host key other than the pinned one is refused with both fingerprints named', async () => {
    const wrong = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const p = make({ hostKey: wrong });
    await assert.rejects(p.stat('x.txt'), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'PERMISSION_DENIED');
      assert.match(err.message, /host key mismatch/);
      assert.ok(err.message.includes(s.hostKeyFingerprint!) && err.message.includes(wrong), err.message);
      assert.ok(!isRetriable(err));
      return true;
    });
  });

  it('hashes are computed by the server (md5sum/sha1sum over exec) and match local tools', async () => {
    const p = make();
    const size = 3_000_001;
    await p.write('remote-hash.bin', pattern(size, { seed: 5 }));
    const hasher = new RemoteHasher(p.conn);
    const abs = join(root, 'remote-hash.bin');
    const md5 = execFileSync('md5sum', [abs], { encoding: 'utf8' }).split(' ')[0];
    const sha1 = execFileSync('sha1sum', [abs], { encoding: 'utf8' }).split(' ')[0];
    assert.equal(await hasher.hash(abs, 'md5'), md5);
    assert.equal(await hasher.hash(abs, 'sha1'), sha1);
    assert.equal(await p.hash('remote-hash.bin', 'md5'), md5);
    // A name that needs shell quoting still hashes the right file.
    const odd = "it's $(not) a `command`; really.bin";
    await p.write(odd, text('quoted'));
    assert.equal(await hasher.hash(join(root, odd), 'md5'), await systemHash('md5sum', text('quoted')));
  });

  it('resume cuts a torn temp file back and still produces the exact content', async () => {
    const p = make();
    const size = 6 * 1024 * 1024;
    const session = await p.beginUpload('torn/file.bin', { size });
    await session.append(pattern(2 * 1024 * 1024, { seed: 9 }));
    const saved = JSON.parse(JSON.stringify(session.state));
    // A crashed writer left bytes past the persisted offset, some of them wrong.
    const temp = readdirSync(join(root, 'torn')).find((n) => n.endsWith('.partial'))!;
    appendFileSync(join(root, 'torn', temp), Buffer.alloc(300_000, 0x55));
    const resumed = await make().resumeUpload(saved);
    const offset = resumed.state.offset;
    assert.ok(offset >= saved.offset, `offset ${offset} >= ${saved.offset}`);
    await resumed.append(pattern(size, { seed: 9, start: offset }));
    const entry = await resumed.commit();
    const expected = await patternDigest(size, 9);
    assert.equal(entry.hashes.sha1, expected.sha1);
    assert.deepEqual(await digest(await p.read('torn/file.bin')), expected);
  });

  it('paths cannot leave the root', async () => {
    const p = make();
    await rejectsWith(p.write('../escape.txt', text('no')), 'INVALID_INPUT');
    await rejectsWith(p.read('a/../../etc/passwd'), 'INVALID_INPUT');
  });

  it('the polling change feed reports upserts and deletes after its cursor', async () => {
    const p = make();
    await p.write('feed/before.txt', text('before'));
    const controller = new AbortController();
    const feed = p
      .changes({ cursor: null, signal: controller.signal, pollIntervalMs: 100 })
      [Symbol.asyncIterator]();
    const first = feed.next();
    await new Promise((r) => setTimeout(r, 500));
    await p.write('feed/new.txt', text('new'));
    await p.delete('feed/before.txt');
    const batch = (await first).value as { cursor: string; changes: { type: string; path: string }[] };
    const seen = batch.changes.map((c) => `${c.type} ${c.path}`).sort();
    assert.ok(batch.cursor.startsWith('poll1:'));
    // The two changes can land in one poll or two; the first batch has at least one of them.
    assert.ok(
      seen.includes('upsert feed/new.txt') || seen.includes('delete feed/before.txt'),
      seen.join(', '),
    );
    controller.abort();
    await feed.return?.(undefined);
  });

  it('usage comes from statvfs', async () => {
    const usage = await make().usage();
    assert.ok(usage && usage.total! > 0 && usage.free! >= 0 && usage.used >= 0);
  });
});

describe('sftp with password auth (rclone serve sftp)', () => {
  let s: SftpServer;
  let p: SftpProvider;
  before(async () => {
    s = await startRcloneSftpServer();
    p = createSftpProvider(configFor(s, s.remoteRoot));
  });
  after(async () => {
    await p?.close();
    await s?.stop();
  });

  it('writes, lists and reads with a password', async () => {
    const entry = await p.write('dir/hello.txt', text('hello over password'), {
      mtime: Date.UTC(2022, 0, 1),
    });
    assert.equal(entry.size, 19);
    assert.equal(entry.mtime, Date.UTC(2022, 0, 1));
    assert.equal((await readAll(await p.read('dir/hello.txt'))).toString(), 'hello over password');
    assert.equal(
      await p.hash('dir/hello.txt', 'md5'),
      await systemHash('md5sum', text('hello over password')),
    );
  });

  it('a wrong password is PERMISSION_DENIED', async () => {
    const bad = createSftpProvider(configFor(s, s.remoteRoot, { password: 'wrong' }));
    try {
      await rejectsWith(bad.stat('x'), 'PERMISSION_DENIED');
    } finally {
      await bad.close();
    }
  });
});
