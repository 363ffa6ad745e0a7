// Sharing between users across providers, end to end through GraphQL against the real stack:
// alice keeps her files on an S3-compatible server (S3Proxy), bob on SFTP (OpenSSH). A
// read-write share is accepted into a folder bob chooses and kept in sync both ways by the
// sync engine, with notifications (stored, live, emailed to a local SMTP sink); a concurrent
// edit ends as configured; a read-only share lets nothing flow back; revoke and leave; and a
// third user sees nothing of any of it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { isConflictName } from '@syncoxide/sync';
import { type SftpServer, sharedS3Server, startSftpServer } from '@syncoxide/sync/testing';
import { all, CONNECT } from './fixtures.js';
import { type Client, eventually, startTestGateway, subscribe, type TestGateway } from './harness.js';
import {
  emailOf,
  notificationsOf,
  SHARE_FIELDS,
  type ShareView,
  shareWith,
  startSmtpSink,
  syncShare,
} from './sharing-helpers.js';

let gw: TestGateway;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let sftp: SftpServer;
let alice: Client;
let bob: Client;
let carol: Client;
let aliceRemote: string;
let bobRemote: string;
let bobRoot: string;
let bobEmail: string;

async function aliceWrite(path: string, content: string) {
  const p = await gw.services.providers.get(alice.userId, rawRemote(aliceRemote));
  await p.write(path, Readable.from([Buffer.from(content)]));
}

async function aliceRead(path: string): Promise<string | null> {
  const p = await gw.services.providers.get(alice.userId, rawRemote(aliceRemote));
  if (!(await p.stat(path))) return null;
  return text(await p.read(path));
}

function rawRemote(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':').pop()!;
}

async function bobRead(path: string): Promise<string | null> {
  return readFile(join(bobRoot, path), 'utf8').catch(() => null);
}

async function idOf(c: Client, remote: string, path: string): Promise<string> {
  let items = await all(c, 'myDrive', `remoteId: "${remote}"`, 100);
  const parts = path.split('/');
  for (let i = 0; ; i++) {
    const hit = items.find((n) => n.name === parts[i]);
    if (!hit) throw new Error(`no ${parts[i]} in ${items.map((n) => n.name).join(', ')}`);
    if (i === parts.length - 1) return hit.id;
    items = (
      await c.ok<{ folder: { edges: { node: { id: string; name: string } }[] } }>(
        'query($id: ID!) { folder(id: $id, first: 100) { edges { node { id name path kind } } } }',
        { id: hit.id },
      )
    ).folder.edges.map((e) => e.node) as typeof items;
  }
}

const kinds = async (c: Client) => (await notificationsOf(c)).map((n) => n.kind);

before(async () => {
  smtp = await startSmtpSink();
  process.env.SYNCOXIDE_SMTP_URL = smtp.url;
  gw = await startTestGateway();
  delete process.env.SYNCOXIDE_SMTP_URL;
  [alice, bob, carol] = [await gw.user('alice'), await gw.user('bob'), await gw.user('carol')];
  bobEmail = await emailOf(bob);

  const s3 = await sharedS3Server();
  const bucket = `share-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await s3.createBucket(bucket);
  aliceRemote = (
    await alice.ok<{ connectRemote: { remote: { id: string } } }>(CONNECT, {
      name: 'Alice S3',
      config: {
        type: 's3',
        endpoint: s3.endpoint,
        region: s3.region,
        bucket,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
        forcePathStyle: true,
      },
    })
  ).connectRemote.remote.id;
  await aliceWrite('project/plan.txt', 'the plan, v1');
  await aliceWrite('project/specs/api.md', '# api\n');
  await aliceWrite('notes.txt', 'private notes of alice');
  await alice.ok('mutation($id: ID!) { scanRemote(id: $id) { entries } }', { id: aliceRemote });

  sftp = await startSftpServer();
  bobRoot = await mkdtemp(join(sftp.root, 'bob-'));
  await writeFile(join(bobRoot, 'mine.txt'), 'bob keeps this');
  bobRemote = (
    await bob.ok<{ connectRemote: { remote: { id: string } } }>(CONNECT, {
      name: 'Bob SFTP',
      config: {
        type: 'sftp',
        host: sftp.host,
        port: sftp.port,
        username: sftp.username,
        privateKey: sftp.privateKey,
        hostKey: sftp.hostKeyFingerprint,
        root: bobRoot,
      },
    })
  ).connectRemote.remote.id;
});

after(async () => {
  await gw?.close();
  await sftp?.stop();
  await smtp?.close();
});

describe('a read-write share between S3 and SFTP', () => {
  let share: ShareView;

  test('alice shares a folder with bob, who is told (stored, live and by email)', async () => {
    const project = await idOf(alice, aliceRemote, 'project');
    const made = await shareWith(alice, project, bobEmail.toUpperCase(), 'READ_WRITE', {
      message: 'please review',
      sync: { keep: 'SHARER', compare: ['SIZE', 'MODTIME'] },
    });
    share = made.share;
    assert.equal(made.inviteUrl, null, 'bob has an account: no invitation link');
    assert.equal(share.state, 'PENDING');
    assert.equal(share.sharedWith.email, bobEmail);

    const [note] = await notificationsOf(bob);
    assert.equal(note?.kind, 'share.invited');
    assert.match(note!.message, /alice shared "project" with you \(read-write\): "please review"/);
    assert.equal(note!.read, false);
    const mail = await smtp.waitFor((m) => m.to.includes(bobEmail));
    assert.match(mail.subject, /alice shared "project" with you/);
    assert.match(mail.text, /please review/);

    const pending = await bob.ok<{ userSharesWithMe: ShareView[] }>(
      `{ userSharesWithMe(state: PENDING) { ${SHARE_FIELDS} } }`,
    );
    assert.equal(pending.userSharesWithMe.length, 1);
    assert.equal(pending.userSharesWithMe[0]!.file, null, 'nothing to read before accepting');
    assert.equal(pending.userSharesWithMe[0]!.sharedBy.name, 'alice');
  });

  test('bob refuses a non-empty folder, then accepts into a new one: the first sync brings the files', async (t) => {
    const busy = await bob.gql(
      'mutation($id: ID!, $r: ID!) { acceptShare(id: $id, placement: SYNC, remote: $r, path: "") { share { id } } }',
      { id: share.id, r: bobRemote },
    );
    assert.equal(busy.errors?.[0]?.extensions?.code, 'CONFLICT', 'his root holds mine.txt');

    const live = subscribe(alice, 'subscription { notifications { kind message } }');
    t.after(() => live.close()); // an open stream would hold the server's close
    await live.opened;
    await new Promise((r) => setTimeout(r, 500)); // the Redis SUBSCRIBE lands after the response starts
    const r = await bob.ok<{ acceptShare: { share: ShareView; firstSync: { toRecipient: string[] } } }>(
      `mutation($id: ID!, $r: ID!) { acceptShare(id: $id, placement: SYNC, remote: $r, path: "From Alice/project") {
        share { ${SHARE_FIELDS} } firstSync { result toRecipient toSharer } } }`,
      { id: share.id, r: bobRemote },
    );
    assert.equal(r.acceptShare.share.state, 'ACCEPTED');
    assert.deepEqual(r.acceptShare.share.location, { path: 'From Alice/project', remote: { id: bobRemote } });
    assert.deepEqual(r.acceptShare.firstSync.toRecipient, ['plan.txt', 'specs/api.md']);
    assert.equal(await bobRead('From Alice/project/plan.txt'), 'the plan, v1');
    assert.equal(await bobRead('From Alice/project/specs/api.md'), '# api\n');
    assert.equal(await bobRead('mine.txt'), 'bob keeps this');

    assert.ok((await kinds(alice)).includes('share.accepted'));
    await eventually(async () => live.events.length > 0);
    assert.deepEqual(
      (live.events[0] as { data: { notifications: { kind: string } } }).data.notifications.kind,
      'share.accepted',
    );
    await live.close();
    await smtp.waitFor((m) => /bob accepted "project"/.test(m.subject));

    const mine = await bob.ok<{ userSharesWithMe: ShareView[] }>(`{ userSharesWithMe { ${SHARE_FIELDS} } }`);
    assert.equal(
      mine.userSharesWithMe[0]!.file?.name,
      'project',
      'accepted: the original is readable in the app',
    );
    const byMe = await alice.ok<{ userSharesByMe: ShareView[] }>(`{ userSharesByMe { ${SHARE_FIELDS} } }`);
    assert.equal(byMe.userSharesByMe[0]!.state, 'ACCEPTED');
    assert.equal(byMe.userSharesByMe[0]!.lastSyncResult, 'ok');
    assert.deepEqual(byMe.userSharesByMe[0]!.location, { path: 'project', remote: { id: aliceRemote } });
    const views = await alice.ok<{ sharedByMe: { edges: { node: { name: string } }[] } }>(
      '{ sharedByMe(first: 10) { edges { node { name } } } }',
    );
    assert.deepEqual(
      views.sharedByMe.edges.map((e) => e.node.name),
      ['project'],
    );
    const withMe = await bob.ok<{ sharedWithMe: { edges: { node: { name: string } }[] } }>(
      '{ sharedWithMe(first: 10) { edges { node { name } } } }',
    );
    assert.deepEqual(
      withMe.sharedWithMe.edges.map((e) => e.node.name),
      ['project'],
    );
  });

  test("bob's edit reaches alice's S3, and alice is told", async () => {
    await writeFile(join(bobRoot, 'From Alice/project/plan.txt'), 'the plan, v2 by bob');
    const run = await syncShare(bob, share.id);
    assert.deepEqual(run.toSharer, ['plan.txt']);
    assert.deepEqual(run.toRecipient, []);
    assert.equal(await aliceRead('project/plan.txt'), 'the plan, v2 by bob');
    const [note] = await notificationsOf(alice);
    assert.equal(note?.kind, 'share.changed');
    assert.match(note!.message, /bob changed plan\.txt in "project"/);
  });

  test("alice's edit reaches bob's SFTP, and bob is told", async () => {
    await aliceWrite('project/plan.txt', 'the plan, v3 by alice, longer');
    const run = await syncShare(alice, share.id);
    assert.deepEqual(run.toRecipient, ['plan.txt']);
    assert.equal(await bobRead('From Alice/project/plan.txt'), 'the plan, v3 by alice, longer');
    const [note] = await notificationsOf(bob);
    assert.equal(note?.kind, 'share.changed');
    assert.match(note!.message, /alice changed plan\.txt/);
  });

  test('a change made through the app syncs by itself', async () => {
    await writeFile(join(bobRoot, 'From Alice/project/added-by-bob.txt'), 'new from bob');
    // Refreshing his remote in the app (a rescan) is a change the share listens to.
    await bob.ok('mutation($id: ID!) { scanRemote(id: $id) { entries } }', { id: bobRemote });
    await eventually(async () => (await aliceRead('project/added-by-bob.txt')) === 'new from bob', 60_000);
  });

  test("a concurrent edit keeps the sharer's version (as configured) and bob's beside it", async () => {
    await aliceWrite('project/specs/api.md', '# api by alice\n');
    await writeFile(join(bobRoot, 'From Alice/project/specs/api.md'), '# api by bob, concurrently\n');
    const run = await syncShare(bob, share.id);
    assert.deepEqual(run.conflicts, ['specs/api.md']);
    assert.equal(await aliceRead('project/specs/api.md'), '# api by alice\n');
    assert.equal(await bobRead('From Alice/project/specs/api.md'), '# api by alice\n');
    const copies = (await readdir(join(bobRoot, 'From Alice/project/specs'))).filter((n) =>
      isConflictName(n),
    );
    assert.equal(copies.length, 1, `one conflict copy: ${copies}`);
    assert.equal(await bobRead(`From Alice/project/specs/${copies[0]}`), '# api by bob, concurrently\n');
    assert.ok((await kinds(alice)).includes('share.conflict'));
    assert.ok((await kinds(bob)).includes('share.conflict'));
  });

  test('carol, a third user, sees nothing of it', async () => {
    for (const q of ['{ userSharesWithMe { id } }', '{ userSharesByMe { id } }']) {
      const r = await carol.ok<Record<string, unknown[]>>(q);
      assert.deepEqual(Object.values(r)[0], []);
    }
    assert.deepEqual(await notificationsOf(carol), []);
    for (const [q, v] of [
      ['query($id: ID!) { userShare(id: $id) { id } }', { id: share.id }],
      ['mutation($id: ID!) { syncShare(id: $id) { result } }', { id: share.id }],
      ['mutation($id: ID!) { revokeUserShare(id: $id, keepRecipientCopy: false) { id } }', { id: share.id }],
      ['mutation($id: ID!) { leaveShare(id: $id) { id } }', { id: share.id }],
      ['mutation($id: ID!) { declineShare(id: $id) { id } }', { id: share.id }],
      [
        'query($id: ID!) { file(id: $id) { id } }',
        { id: share.file?.id ?? (await idOf(alice, aliceRemote, 'project')) },
      ],
    ] as const) {
      const r = await carol.gql(q, v);
      assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND', q);
    }
    const bobsNotes = await notificationsOf(bob, true);
    const marked = await carol.ok<{ markNotificationsRead: number }>(
      'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
      { ids: bobsNotes.map((n) => n.id) },
    );
    assert.equal(marked.markNotificationsRead, 0);
    assert.equal((await notificationsOf(bob, true)).length, bobsNotes.length, "bob's stay unread");
    const c = await carol.ok<{ sharedWithMe: { edges: unknown[] } }>(
      '{ sharedWithMe(first: 10) { edges { cursor } } }',
    );
    assert.deepEqual(c.sharedWithMe.edges, []);
  });

  test('bob leaves, keeping his copy: syncing stops and alice is told', async () => {
    const left = await bob.ok<{ leaveShare: ShareView }>(
      `mutation($id: ID!) { leaveShare(id: $id) { ${SHARE_FIELDS} } }`,
      { id: share.id },
    );
    assert.equal(left.leaveShare.state, 'LEFT');
    assert.equal(left.leaveShare.keptCopy, true);
    assert.ok((await kinds(alice)).includes('share.left'));
    await aliceWrite('project/plan.txt', 'after bob left');
    const refused = await alice.gql('mutation($id: ID!) { syncShare(id: $id) { result } }', { id: share.id });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.equal(
      await bobRead('From Alice/project/plan.txt'),
      'the plan, v3 by alice, longer',
      'kept, no longer synced',
    );
    const gone = await bob.ok<{ sharedWithMe: { edges: unknown[] } }>(
      '{ sharedWithMe(first: 10) { edges { cursor } } }',
    );
    assert.deepEqual(gone.sharedWithMe.edges, [], 'no longer readable in the app');
  });
});

describe('a read-only share', () => {
  let share: ShareView;

  test("a shared file arrives, and bob's edits never flow back", async () => {
    const notes = await idOf(alice, aliceRemote, 'notes.txt');
    share = (await shareWith(alice, notes, bobEmail, 'READ')).share;
    const r = await bob.ok<{ acceptShare: { firstSync: { toRecipient: string[] } } }>(
      'mutation($id: ID!, $r: ID!) { acceptShare(id: $id, placement: SYNC, remote: $r, path: "ro") { firstSync { toRecipient } } }',
      { id: share.id, r: bobRemote },
    );
    assert.deepEqual(r.acceptShare.firstSync.toRecipient, ['notes.txt']);
    assert.equal(await bobRead('ro/notes.txt'), 'private notes of alice');
    assert.deepEqual(
      (await readdir(join(bobRoot, 'ro'))).sort(),
      ['notes.txt'],
      'only the shared file, none of its siblings',
    );

    await writeFile(join(bobRoot, 'ro/notes.txt'), 'bob tries to change them');
    const run = await syncShare(bob, share.id);
    assert.deepEqual(run.toSharer, []);
    assert.equal(await aliceRead('notes.txt'), 'private notes of alice');
    assert.equal(await aliceRead('project/notes.txt'), null);
  });

  test("alice revokes, removing bob's copy; bob is told", async () => {
    const r = await alice.ok<{ revokeUserShare: ShareView }>(
      `mutation($id: ID!) { revokeUserShare(id: $id, keepRecipientCopy: false) { ${SHARE_FIELDS} } }`,
      { id: share.id },
    );
    assert.equal(r.revokeUserShare.state, 'REVOKED');
    assert.equal(r.revokeUserShare.keptCopy, false);
    await assert.rejects(stat(join(bobRoot, 'ro/notes.txt')), /ENOENT/);
    const [note] = await notificationsOf(bob);
    assert.equal(note?.kind, 'share.revoked');
    assert.match(note!.message, /Your copy was removed/);
    const again = await alice.gql(
      'mutation($id: ID!) { revokeUserShare(id: $id, keepRecipientCopy: true) { id } }',
      {
        id: share.id,
      },
    );
    assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');
  });
});

describe('bad input', () => {
  test('clear errors, nothing made', async () => {
    const notes = await idOf(alice, aliceRemote, 'notes.txt');
    const cases: [Client, Record<string, unknown>, string][] = [
      [alice, { file: notes, email: 'not an email', access: 'READ' }, 'INVALID_INPUT'],
      [alice, { file: notes, email: await emailOf(alice), access: 'READ' }, 'INVALID_INPUT'],
      [carol, { file: notes, email: bobEmail, access: 'READ' }, 'NOT_FOUND'],
    ];
    for (const [c, v, code] of cases) {
      const r = await c.gql(
        'mutation($file: ID!, $email: String!, $access: ShareAccess!) { shareWithUser(file: $file, email: $email, access: $access) { inviteUrl } }',
        v,
      );
      assert.equal(r.errors?.[0]?.extensions?.code, code, JSON.stringify(v));
    }
    const made = await shareWith(alice, notes, bobEmail, 'READ');
    const dup = await alice.gql(
      'mutation($file: ID!, $email: String!) { shareWithUser(file: $file, email: $email, access: READ) { inviteUrl } }',
      { file: notes, email: bobEmail },
    );
    assert.equal(dup.errors?.[0]?.extensions?.code, 'ALREADY_EXISTS');
    const foreign = await bob.gql(
      'mutation($id: ID!, $r: ID!) { acceptShare(id: $id, placement: SYNC, remote: $r) { share { id } } }',
      { id: made.share.id, r: aliceRemote },
    );
    assert.equal(foreign.errors?.[0]?.extensions?.code, 'NOT_FOUND', "alice's remote is not bob's to choose");
    const declined = await bob.ok<{ declineShare: ShareView }>(
      'mutation($id: ID!) { declineShare(id: $id) { state } }',
      {
        id: made.share.id,
      },
    );
    assert.equal(declined.declineShare.state, 'DECLINED');
    assert.ok((await kinds(alice)).includes('share.declined'));
    const late = await bob.gql(
      'mutation($id: ID!) { acceptShare(id: $id, placement: VIEW) { share { id } } }',
      {
        id: made.share.id,
      },
    );
    assert.equal(late.errors?.[0]?.extensions?.code, 'CONFLICT');
  });
});
