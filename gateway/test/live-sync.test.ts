// The live sync against the real stack (gateway + outbox relay + Kafka + watchers): edits made
// straight on a provider — not through the gateway — reach the other side of a real-time rule
// and of a share between users within seconds, with no rescan and no "sync now".
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { sharedS3Server } from '@syncoxide/sync/testing';
import { all, CONNECT, connectLocal } from './fixtures.js';
import { type Client, eventually, startTestGateway, type TestGateway } from './harness.js';
import { emailOf, notificationsOf, SHARE_FIELDS, type ShareView, shareWith } from './sharing-helpers.js';

let gw: TestGateway;
let alice: Client;
let bob: Client;

function rawRemote(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':').pop()!;
}

async function connectS3(c: Client, name: string): Promise<string> {
  const s3 = await sharedS3Server();
  const bucket = `live-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await s3.createBucket(bucket);
  const r = await c.ok<{ connectRemote: { remote: { id: string } } }>(CONNECT, {
    name,
    config: {
      type: 's3',
      endpoint: s3.endpoint,
      region: s3.region,
      bucket,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    },
  });
  return r.connectRemote.remote.id;
}

async function readOn(c: Client, remote: string, path: string): Promise<string | null> {
  const p = await gw.services.providers.get(c.userId, rawRemote(remote));
  if ((await p.stat(path))?.kind !== 'file') return null;
  return text(await p.read(path));
}

/** Names in a folder of a remote, as the graph has them. */
async function namesIn(c: Client, remote: string, folder: string): Promise<string[]> {
  const top = await all(c, 'myDrive', `remoteId: "${remote}"`, 100);
  const hit = top.find((n) => n.name === folder);
  if (!hit) return [];
  const r = await c.ok<{ folder: { edges: { node: { name: string } }[] } }>(
    'query($id: ID!) { folder(id: $id, first: 100) { edges { node { name } } } }',
    { id: hit.id },
  );
  return r.folder.edges.map((e) => e.node.name).sort();
}

before(async () => {
  gw = await startTestGateway({ liveSync: true });
  [alice, bob] = [await gw.user('alice'), await gw.user('bob')];
});
after(() => gw?.close());

describe('a real-time rule', () => {
  let disk: { remoteId: string; root: string };
  let bucket: string;
  let ruleId: string;

  test('the first run copies the folder', async () => {
    disk = await connectLocal(gw, alice, 'Laptop', { 'docs/a.txt': 'first', 'other/x.txt': 'not synced' });
    bucket = await connectS3(alice, 'Bucket');
    const made = await alice.ok<{ createSyncRule: { id: string } }>(
      'mutation($rule: JSON!) { createSyncRule(name: "docs to S3", rule: $rule) { id } }',
      {
        rule: {
          mode: 'one-way',
          realTime: true,
          path1: { remote: disk.remoteId, path: 'docs' },
          path2: { remote: bucket, path: 'docs' },
        },
      },
    );
    ruleId = made.createSyncRule.id;
    await alice.ok('mutation($id: ID!) { runSyncRule(id: $id) { result } }', { id: ruleId });
    assert.equal(await readOn(alice, bucket, 'docs/a.txt'), 'first');
  });

  test('a file written straight on the disk reaches S3, and the graph knows both copies, without a rescan', async () => {
    await writeFile(join(disk.root, 'docs/new.txt'), 'made on the disk');
    await eventually(async () => (await readOn(alice, bucket, 'docs/new.txt')) === 'made on the disk');
    await eventually(async () => (await namesIn(alice, bucket, 'docs')).includes('new.txt'));
    await eventually(async () => (await namesIn(alice, disk.remoteId, 'docs')).includes('new.txt'));
  });

  test('an edit and a delete on the disk follow; a change outside the rule’s folder does not', async () => {
    await writeFile(join(disk.root, 'docs/a.txt'), 'second version, edited on the disk');
    await eventually(
      async () => (await readOn(alice, bucket, 'docs/a.txt')) === 'second version, edited on the disk',
    );
    await rm(join(disk.root, 'docs/new.txt'));
    await eventually(async () => (await readOn(alice, bucket, 'docs/new.txt')) === null);
    await writeFile(join(disk.root, 'other/y.txt'), 'outside');
    await eventually(async () => (await namesIn(alice, disk.remoteId, 'other')).includes('y.txt'));
    assert.equal(await readOn(alice, bucket, 'other/y.txt'), null, 'only docs/ is synced');
    const history = await alice.ok<{ syncRule: { history: { state: string }[] } }>(
      'query($id: ID!) { syncRule(id: $id) { history(first: 20) { state } } }',
      { id: ruleId },
    );
    assert.ok(history.syncRule.history.length >= 3, 'the live runs are in the journal');
  });

  test('a paused rule stops following the disk', async () => {
    await alice.ok('mutation($id: ID!) { setSyncRuleEnabled(id: $id, enabled: false) { enabled } }', {
      id: ruleId,
    });
    await gw.services.liveSync!.refresh();
    assert.equal(gw.services.liveSync!.watching(disk.remoteId), false, 'no live rule needs the disk now');
    await writeFile(join(disk.root, 'docs/late.txt'), 'after the pause');
    await new Promise((r) => setTimeout(r, 4000)); // feed + debounce + a run, had there been one
    assert.equal(await readOn(alice, bucket, 'docs/late.txt'), null);
  });
});

describe('a share between users', () => {
  let share: ShareView;
  let aliceDisk: { remoteId: string; root: string };
  let bobBucket: string;

  test('bob accepts alice’s folder into his S3 bucket', async () => {
    aliceDisk = await connectLocal(gw, alice, 'Projects', { 'project/plan.txt': 'plan v1' });
    bobBucket = await connectS3(bob, 'Bob S3');
    const folder = (await all(alice, 'myDrive', `remoteId: "${aliceDisk.remoteId}"`, 50)).find(
      (n) => n.name === 'project',
    )!;
    share = (await shareWith(alice, folder.id, await emailOf(bob), 'READ_WRITE')).share;
    await bob.ok(
      `mutation($id: ID!, $r: ID!) { acceptShare(id: $id, placement: SYNC, remote: $r, path: "From Alice") {
        share { ${SHARE_FIELDS} } } }`,
      { id: share.id, r: bobBucket },
    );
    assert.equal(await readOn(bob, bobBucket, 'From Alice/plan.txt'), 'plan v1');
  });

  test('alice edits on her disk, outside the app: bob’s copy follows and he is told', async () => {
    await writeFile(join(aliceDisk.root, 'project/plan.txt'), 'plan v2, typed in a text editor');
    await eventually(
      async () => (await readOn(bob, bobBucket, 'From Alice/plan.txt')) === 'plan v2, typed in a text editor',
    );
    await eventually(async () =>
      (await notificationsOf(bob)).some((n) => n.kind === 'share.changed' && /plan\.txt/.test(n.message)),
    );
  });

  test('bob writes straight into his bucket (polled): alice’s disk gets it and she is told', async () => {
    const p = await gw.services.providers.get(bob.userId, rawRemote(bobBucket));
    await p.write(
      'From Alice/reply.txt',
      Readable.from([Buffer.from('written by bob with another S3 client')]),
    );
    await eventually(
      async () =>
        (await readOn(alice, aliceDisk.remoteId, 'project/reply.txt')) ===
        'written by bob with another S3 client',
      45_000,
    );
    await eventually(async () =>
      (await notificationsOf(alice)).some((n) => n.kind === 'share.changed' && /reply\.txt/.test(n.message)),
    );
  });
});
