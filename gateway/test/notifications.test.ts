// The notifications centre through GraphQL: stored unread until marked read (some or all),
// per-user settings of what to be told in the app and by email (delivered to a local SMTP
// sink), and nothing of another user's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { all, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';
import { emailOf, notificationsOf, shareWith, startSmtpSink } from './sharing-helpers.js';

let gw: TestGateway;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let alice: Client;
let bob: Client;
let files: { id: string; name: string }[];

before(async () => {
  smtp = await startSmtpSink();
  process.env.SYNCOXIDE_SMTP_URL = smtp.url;
  gw = await startTestGateway();
  delete process.env.SYNCOXIDE_SMTP_URL;
  alice = await gw.user('alice');
  bob = await gw.user('bob');
  const remote = await connectLocal(gw, alice, 'Disk', { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
  files = await all(alice, 'myDrive', `remoteId: "${remote.remoteId}"`, 10);
});
after(async () => {
  await gw?.close();
  await smtp?.close();
});

const fileId = (name: string) => files.find((f) => f.name === name)!.id;
const unread = async (c: Client) =>
  (await c.ok<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).unreadNotificationCount;

test('unread until marked read: some, then all; another user cannot mark them', async () => {
  const bobEmail = await emailOf(bob);
  await shareWith(alice, fileId('a.txt'), bobEmail, 'READ');
  await shareWith(alice, fileId('b.txt'), bobEmail, 'READ');
  assert.equal(await unread(bob), 2);
  const notes = await notificationsOf(bob);
  assert.deepEqual(
    notes.map((n) => n.kind),
    ['share.invited', 'share.invited'],
  );
  assert.ok(
    notes.every((n) => n.emailed),
    'emailed: SMTP is configured and invitations are emailed by default',
  );
  assert.equal(
    (
      await alice.ok<{ markNotificationsRead: number }>(
        'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
        {
          ids: [notes[0]!.id],
        },
      )
    ).markNotificationsRead,
    0,
    "alice cannot mark bob's",
  );
  const one = await bob.ok<{ markNotificationsRead: number }>(
    'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
    { ids: [notes[0]!.id] },
  );
  assert.equal(one.markNotificationsRead, 1);
  assert.equal(await unread(bob), 1);
  assert.equal((await notificationsOf(bob, true)).length, 1);
  const rest = await bob.ok<{ markNotificationsRead: number }>('mutation { markNotificationsRead }');
  assert.equal(rest.markNotificationsRead, 1);
  assert.equal(await unread(bob), 0);
  const bad = await bob.gql('mutation { markNotificationsRead(ids: ["garbage"]) }');
  assert.equal(bad.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  const anon = await gw.client().gql('{ unreadNotificationCount }');
  assert.equal(anon.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
});

test('settings decide what is stored and what is emailed', async () => {
  const settings = await bob.ok<{ notificationSettings: { kind: string; inApp: boolean; email: boolean }[] }>(
    '{ notificationSettings { kind about inApp email } emailNotificationsAvailable }',
  );
  const invited = settings.notificationSettings.find((s) => s.kind === 'SHARE_INVITED');
  assert.deepEqual({ inApp: invited?.inApp, email: invited?.email }, { inApp: true, email: true });
  const changed = settings.notificationSettings.find((s) => s.kind === 'SHARE_CHANGED');
  assert.equal(changed?.email, false, 'changes are not emailed unless asked for');

  const updated = await bob.ok<{
    updateNotificationSettings: { kind: string; inApp: boolean; email: boolean }[];
  }>(
    'mutation { updateNotificationSettings(settings: [{ kind: SHARE_INVITED, inApp: true, email: false }]) { kind inApp email } }',
  );
  assert.equal(updated.updateNotificationSettings.find((s) => s.kind === 'SHARE_INVITED')?.email, false);
  const bobEmail = await emailOf(bob);
  const before = smtp.mails.filter((m) => m.to.includes(bobEmail)).length;
  await shareWith(alice, fileId('c.txt'), bobEmail, 'READ_WRITE');
  const [latest] = await notificationsOf(bob);
  assert.equal(latest?.kind, 'share.invited');
  assert.equal(latest?.emailed, false);

  await bob.ok(
    'mutation { updateNotificationSettings(settings: [{ kind: SHARE_INVITED, inApp: false, email: true }]) { kind } }',
  );
  // With in-app off, a new invitation is emailed but not stored.
  const countBefore = (await notificationsOf(bob)).length;
  const other = await connectLocal(gw, alice, 'Disk2', { 'd.txt': 'd' });
  const dId = (await all(alice, 'myDrive', `remoteId: "${other.remoteId}"`, 10))[0]!.id;
  await shareWith(alice, dId, bobEmail, 'READ');
  assert.equal((await notificationsOf(bob)).length, countBefore);
  await smtp.waitFor((m) => m.to.includes(bobEmail) && /"d.txt"/.test(m.subject));
  assert.equal(
    smtp.mails.filter((m) => m.to.includes(bobEmail) && /"c.txt"/.test(m.subject)).length,
    0,
    'the one with email off was not emailed',
  );
  assert.ok(smtp.mails.filter((m) => m.to.includes(bobEmail)).length > before);

  const bad = await bob.gql(
    'mutation { updateNotificationSettings(settings: [{ kind: NOPE, inApp: true, email: true }]) { kind } }',
  );
  assert.ok(bad.errors?.length);
});
