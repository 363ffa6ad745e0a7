// The credential store against the real PostgreSQL on loopback, in a schema of its own.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isSyncoxideError } from '@syncoxide/core';
import pg from 'pg';
import {
  KeyRing,
  loadSecretKey,
  migrateCredentials,
  RemoteCredentialStore,
} from '../src/providers/credentials.js';

const schema = `cred_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const pool = new pg.Pool({
  connectionString: process.env.SYNCOXIDE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
});
const SECRET = `s3cr3t-${randomBytes(8).toString('hex')}`;
const s3 = {
  type: 's3',
  endpoint: 'http://127.0.0.1:9000',
  bucket: 'photos',
  accessKeyId: 'AKIAEXAMPLE',
  secretAccessKey: SECRET,
};

before(async () => {
  // Twice at once: the migration must be idempotent and safe under concurrency.
  await Promise.all([migrateCredentials(pool, schema), migrateCredentials(pool, schema)]);
  await migrateCredentials(pool, schema);
});

after(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

test('round-trips a config, and the table holds no secret in clear', async () => {
  const store = new RemoteCredentialStore(pool, new KeyRing(randomBytes(32)), { schema });
  await store.save('alice', 'r1', s3);
  const loaded = await store.load('alice', 'r1');
  assert.equal(loaded.type, 's3');
  assert.equal(loaded.type === 's3' && loaded.secretAccessKey, SECRET);
  assert.equal(loaded.type === 's3' && loaded.partSize, 16 * 1024 * 1024, 'defaults applied');
  const { rows } = await pool.query(`SELECT * FROM "${schema}".remote_credentials`);
  const dump = JSON.stringify(rows) + rows.map((r) => Buffer.from(r.ciphertext).toString('latin1')).join('');
  assert.ok(!dump.includes(SECRET), 'secret not in the table');
  assert.ok(!dump.includes('AKIAEXAMPLE'), 'access key not in the table');
  assert.deepEqual(await store.list('alice'), [{ remoteId: 'r1', type: 's3' }]);
});

test("another owner's remote is NOT_FOUND", async () => {
  const store = new RemoteCredentialStore(pool, new KeyRing(randomBytes(32)), { schema });
  await store.save('alice', 'r2', { type: 'local', root: '/srv/a' });
  await assert.rejects(store.load('mallory', 'r2'), (e: unknown) => isSyncoxideError(e, 'NOT_FOUND'));
  await assert.rejects(store.delete('mallory', 'r2'), (e: unknown) => isSyncoxideError(e, 'NOT_FOUND'));
  await store.delete('alice', 'r2');
  await assert.rejects(store.load('alice', 'r2'), (e: unknown) => isSyncoxideError(e, 'NOT_FOUND'));
});

test('a sealed row copied to another owner does not decrypt', async () => {
  const store = new RemoteCredentialStore(pool, new KeyRing(randomBytes(32)), { schema });
  await store.save('alice', 'r3', s3);
  await pool.query(
    `INSERT INTO "${schema}".remote_credentials (owner_id, remote_id, type, key_id, format, iv, tag, ciphertext)
     SELECT 'mallory', remote_id, type, key_id, format, iv, tag, ciphertext FROM "${schema}".remote_credentials
     WHERE owner_id = 'alice' AND remote_id = 'r3'`,
  );
  await assert.rejects(store.load('mallory', 'r3'), (e: unknown) => isSyncoxideError(e, 'CORRUPTED'));
});

test('a wrong key is a clear error that leaks nothing; rotation re-seals', async () => {
  const oldKey = randomBytes(32);
  const store = new RemoteCredentialStore(pool, new KeyRing(oldKey), { schema });
  await store.save('bob', 'r4', s3);
  const wrong = new RemoteCredentialStore(pool, new KeyRing(randomBytes(32)), { schema });
  await assert.rejects(wrong.load('bob', 'r4'), (e: unknown) => {
    assert.ok(isSyncoxideError(e, 'CORRUPTED'));
    assert.match(e.message, /sealed with key [0-9a-f]{16}.*does not have/);
    assert.ok(!e.message.includes(SECRET));
    return true;
  });
  const rotated = new RemoteCredentialStore(pool, new KeyRing(randomBytes(32), [oldKey]), { schema });
  assert.ok((await rotated.reencrypt()) >= 1);
  assert.equal((await rotated.load('bob', 'r4')).type, 's3');
  await assert.rejects(store.load('bob', 'r4'), (e: unknown) => isSyncoxideError(e, 'CORRUPTED'));
});

test('bad configs are refused naming the field', async () => {
  const store = new RemoteCredentialStore(pool, new KeyRing(randomBytes(32)), { schema });
  await assert.rejects(store.save('alice', 'bad', { type: 's3', bucket: 'b' }), (e: unknown) => {
    assert.ok(isSyncoxideError(e, 'INVALID_INPUT'));
    assert.match(e.message, /accessKeyId/);
    return true;
  });
});

test('the key file is generated once with mode 0600, and a bad secretKey is refused', async () => {
  const home = await mkdtemp(join(tmpdir(), 'syncoxide-key-'));
  try {
    const first = await loadSecretKey({ secretKey: '', home });
    const again = await loadSecretKey({ secretKey: '', home });
    assert.deepEqual(first, again);
    assert.equal((await stat(join(home, 'secret.key'))).mode & 0o777, 0o600);
    assert.equal(Buffer.from((await readFile(join(home, 'secret.key'), 'utf8')).trim(), 'base64').length, 32);
    const given = randomBytes(32);
    assert.deepEqual(await loadSecretKey({ secretKey: given.toString('base64'), home }), given);
    await assert.rejects(loadSecretKey({ secretKey: 'dG9vIHNob3J0', home }), (e: unknown) =>
      isSyncoxideError(e, 'INVALID_INPUT'),
    );
  } finally {
    await rm(home, { recursive: true, force: true });
  }
});

test('logging a config through the core logger or redactRemoteConfig shows no secret', () => {
  // The core logger writes to stdout: run it in a child and read what it printed.
  const script = `
    import { createLogger } from '@syncoxide/core';
    import { redactRemoteConfig } from './src/providers/credentials.ts';
    const remote = JSON.parse(process.env.REMOTE);
    const log = createLogger('credentials-test');
    log.info({ remote }, 'raw config');
    log.info({ remote: redactRemoteConfig(remote) }, 'redacted config');
    log.info(redactRemoteConfig({ type: 'rclone', remote: 'x:', root: '', rcloneConfig: process.env.SECRET }), 'rclone');
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, REMOTE: JSON.stringify(s3), SECRET, SYNCOXIDE_LOG_LEVEL: 'info' },
    encoding: 'utf8',
  });
  assert.match(out, /raw config/);
  assert.match(out, /redacted config/);
  assert.ok(!out.includes(SECRET), 'no secret in the log');
  assert.ok(!out.includes('AKIAEXAMPLE'), 'no access key id in the log');
});
