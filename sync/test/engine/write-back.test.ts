// Graph write-back against the real Neo4j: after a run, the graph holds the destination's new
// provider versions (size, md5, etag) without a rescan; changes and deletes follow; a remote the
// graph does not know makes the write-back fail quietly, never the sync.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLogger, loadConfig, newId, uniqueName } from '@syncoxide/core';
import { createGraphDriver, createGraphStore, type GraphStore } from '@syncoxide/graph';

type Driver = ReturnType<typeof createGraphDriver>;

import { SyncEngine } from '../../src/engine/runner.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import type { Provider } from '../../src/providers/types.js';
import { type TestJournal, testJournal } from './pg.js';

const config = loadConfig();

describe('graph write-back (Neo4j)', () => {
  let db: TestJournal;
  let driver: Driver;
  let graph: GraphStore;
  let src: string;
  let dst: string;
  let engine: SyncEngine;
  const ownerId = `user-${newId()}`;
  const lane = uniqueName('sync-wb');
  let remoteId: string;
  let rule: Parameters<SyncEngine['run']>[0];

  const node = async (path: string) => {
    const r = await driver.executeQuery(
      'MATCH (n:Node {ownerId: $ownerId, remoteId: $remoteId, path: $path}) RETURN n',
      { ownerId, remoteId, path },
      { database: config.neo4j.database },
    );
    return r.records.map((x) => x.get('n').properties as Record<string, unknown>);
  };

  before(async () => {
    db = await testJournal('wb');
    driver = createGraphDriver(config);
    graph = createGraphStore({
      driver,
      database: config.neo4j.database,
      outboxLane: lane,
      logger: createLogger('sync-wb-test', { level: 'silent' }),
    });
    await graph.migrate();
    await graph.upsertUser({ id: ownerId, email: `${ownerId}@example.test`, name: 'Write-back' });
    remoteId = (
      await graph.upsertRemote({
        ownerId,
        type: 'local',
        name: 'Backup disk',
        root: '/tmp/backup',
        capabilities: { hashes: ['md5', 'sha1'], modtime: true, stableIds: true },
      })
    ).id;
    src = await mkdtemp(join(tmpdir(), 'syncoxide-wb-src-'));
    dst = await mkdtemp(join(tmpdir(), 'syncoxide-wb-dst-'));
    await mkdir(join(src, 'docs'), { recursive: true });
    for (let i = 0; i < 5; i++) await writeFile(join(src, 'docs', `n${i}.txt`), `note ${i}\n`);
    const providers = new Map<string, Provider>([
      ['disk', await createLocalProvider(src)],
      [remoteId, await createLocalProvider(dst)],
    ]);
    engine = new SyncEngine({ journal: db.journal, provider: (r) => providers.get(r)!, graph });
    rule = {
      id: 'wb-rule',
      ownerId,
      path1: { remote: 'disk', path: 'docs' },
      path2: { remote: remoteId, path: 'mirror' },
      mode: 'one-way',
      maxDelete: { percent: 100 },
    };
  });
  after(async () => {
    await driver
      ?.executeQuery(
        'MATCH (n) WHERE n.ownerId = $ownerId OR n.id = $ownerId OR n.lane = $lane DETACH DELETE n',
        { ownerId, lane },
        { database: config.neo4j.database },
      )
      .catch(() => {});
    await driver?.close();
    await db?.close();
    await rm(src, { recursive: true, force: true });
    await rm(dst, { recursive: true, force: true });
  });

  it('the graph learns the files a run wrote, with their new versions', async () => {
    const report = await engine.run(rule);
    assert.equal(report.result, 'ok');
    const [n3] = await node('mirror/n3.txt');
    assert.ok(n3, 'node written back');
    assert.equal(Number(n3.size), 'note 3\n'.length);
    assert.equal(n3.md5, createHash('md5').update('note 3\n').digest('hex'));
    assert.equal((await node('mirror')).length, 1, 'the folder too');
  });

  it('a changed file gets a new version, a deleted one leaves the graph', async () => {
    const [before_] = await node('mirror/n1.txt');
    await writeFile(join(src, 'docs', 'n1.txt'), 'note 1, longer now\n');
    await unlink(join(src, 'docs', 'n2.txt'));
    assert.equal((await engine.run(rule)).result, 'ok');
    const [after_] = await node('mirror/n1.txt');
    assert.equal(Number(after_!.size), 'note 1, longer now\n'.length);
    assert.notEqual(after_!.md5, before_!.md5);
    assert.ok(Number(after_!.revision) > Number(before_!.revision), 'a new revision');
    const gone = await node('mirror/n2.txt');
    assert.ok(gone.every((n) => n.trashed === true) || gone.length === 0, JSON.stringify(gone));
  });

  it('a remote the graph does not know fails the write-back, not the sync', async () => {
    const other = await mkdtemp(join(tmpdir(), 'syncoxide-wb-other-'));
    try {
      const providers = new Map<string, Provider>([
        ['disk', await createLocalProvider(src)],
        ['unknown-remote', await createLocalProvider(other)],
      ]);
      const e = new SyncEngine({ journal: db.journal, provider: (r) => providers.get(r)!, graph });
      const report = await e.run({
        ...rule,
        id: 'wb-unknown',
        path2: { remote: 'unknown-remote', path: '' },
      });
      assert.equal(report.result, 'ok');
      assert.equal(report.moved.files, 4);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
