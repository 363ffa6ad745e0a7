// Invitations for an email without an account: the link is emailed (to a local SMTP sink) and
// shown once to the sharer; it works once, only until it expires, and binds the share to
// whoever redeems it, who then accepts view-only (read in the app) like any share.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { all, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';
import {
  notificationsOf,
  SHARE_FIELDS,
  type ShareView,
  shareWith,
  startSmtpSink,
} from './sharing-helpers.js';

let gw: TestGateway;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let alice: Client;
let files: { id: string; name: string }[];

before(async () => {
  smtp = await startSmtpSink();
  process.env.SYNCOXIDE_SMTP_URL = smtp.url;
  gw = await startTestGateway();
  delete process.env.SYNCOXIDE_SMTP_URL;
  alice = await gw.user('alice');
  const remote = await connectLocal(gw, alice, 'Disk', { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
  files = await all(alice, 'myDrive', `remoteId: "${remote.remoteId}"`, 10);
});
after(async () => {
  await gw?.close();
  await smtp?.close();
});

const REDEEM = `mutation($t: String!) { redeemShareInvitation(token: $t) { ${SHARE_FIELDS} } }`;
const tokenOf = (url: string) => url.split('/invite/')[1]!;
const fileId = (name: string) => files.find((f) => f.name === name)!.id;

test('an emailed invitation is redeemed once, then accepted view-only', async () => {
  const email = `dave-${Math.random().toString(36).slice(2)}@example.test`;
  const made = await shareWith(alice, fileId('a.txt'), email, 'READ', { message: 'for you' });
  assert.ok(made.inviteUrl, 'the sharer is shown the link once');
  const token = tokenOf(made.inviteUrl);
  assert.ok(Buffer.from(token, 'base64url').length >= 16, 'at least 128 random bits');
  assert.equal(made.share.sharedWith.id, null);

  const mail = await smtp.waitFor((m) => m.to.includes(email));
  assert.match(mail.subject, /alice shared "a.txt" with you/);
  assert.ok(mail.text.includes(made.inviteUrl), 'the email carries the link');
  assert.match(mail.text, /for you/);

  const stored = await gw.conn.pool.query(
    `SELECT invite_token_hash FROM "${gw.names.pgSchema}".user_shares WHERE invite_token_hash IS NOT NULL`,
  );
  assert.ok(
    stored.rows.every((r: { invite_token_hash: string }) => r.invite_token_hash !== token),
    'only a hash of the token is stored',
  );

  const dave = await gw.user('dave');
  const redeemed = await dave.ok<{ redeemShareInvitation: ShareView }>(REDEEM, { t: token });
  assert.equal(redeemed.redeemShareInvitation.state, 'PENDING');
  assert.equal(redeemed.redeemShareInvitation.sharedWith.id, dave.userId);
  assert.equal((await notificationsOf(dave))[0]?.kind, 'share.invited');

  const eve = await gw.user('eve');
  const twice = await eve.gql(REDEEM, { t: token });
  assert.equal(twice.errors?.[0]?.extensions?.code, 'CONFLICT', 'single use');
  assert.match(twice.errors?.[0]?.message ?? '', /already used/);
  assert.deepEqual(
    (await eve.ok<{ userSharesWithMe: unknown[] }>('{ userSharesWithMe { id } }')).userSharesWithMe,
    [],
  );

  const accepted = await dave.ok<{ acceptShare: { share: ShareView; firstSync: null } }>(
    `mutation($id: ID!) { acceptShare(id: $id, placement: VIEW) { share { ${SHARE_FIELDS} } firstSync { result } } }`,
    { id: redeemed.redeemShareInvitation.id },
  );
  assert.equal(accepted.acceptShare.share.placement, 'VIEW');
  assert.equal(accepted.acceptShare.firstSync, null);
  const read = await dave.ok<{ file: { contentUrl: string } }>(
    'query($id: ID!) { file(id: $id) { contentUrl } }',
    {
      id: fileId('a.txt'),
    },
  );
  const res = await dave.fetch(read.file.contentUrl);
  assert.equal(await res.text(), 'a', 'view-only: read in the app');
  const other = await dave.gql('query($id: ID!) { file(id: $id) { id } }', { id: fileId('b.txt') });
  assert.equal(other.errors?.[0]?.extensions?.code, 'NOT_FOUND', 'nothing else of alice');
  assert.ok((await notificationsOf(alice)).some((n) => n.kind === 'share.accepted'));
});

test('an expired invitation is refused; a malformed one is not found', async () => {
  const email = `frank-${Math.random().toString(36).slice(2)}@example.test`;
  const made = await shareWith(alice, fileId('b.txt'), email, 'READ_WRITE', { inviteExpiresInHours: 1 });
  // An hour later (moved in the database rather than waited for).
  await gw.conn.pool.query(
    `UPDATE "${gw.names.pgSchema}".user_shares SET invite_expires_at = now() - interval '1 second' WHERE id = $1`,
    [Buffer.from(made.share.id, 'base64url').toString().split(':')[1]],
  );
  const frank = await gw.user('frank');
  const expired = await frank.gql(REDEEM, { t: tokenOf(made.inviteUrl!) });
  assert.equal(expired.errors?.[0]?.extensions?.code, 'PERMISSION_DENIED');
  assert.match(expired.errors?.[0]?.message ?? '', /expired/);
  const token = tokenOf(made.inviteUrl!);
  const altered = `${token.slice(0, 42)}${token.endsWith('A') ? 'B' : 'A'}`;
  for (const t of ['nope', 'x'.repeat(43), altered]) {
    const r = await frank.gql(REDEEM, { t });
    assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND', t);
  }
  const tooLong = await alice.gql(
    'mutation($f: ID!) { shareWithUser(file: $f, email: "x@example.test", access: READ, inviteExpiresInHours: 10000) { inviteUrl } }',
    { f: fileId('c.txt') },
  );
  assert.equal(tooLong.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
});

test('a revoked invitation no longer redeems', async () => {
  const made = await shareWith(alice, fileId('c.txt'), `gina-${Date.now()}@example.test`, 'READ');
  await alice.ok('mutation($id: ID!) { revokeUserShare(id: $id, keepRecipientCopy: true) { state } }', {
    id: made.share.id,
  });
  const gina = await gw.user('gina');
  const r = await gina.gql(REDEEM, { t: tokenOf(made.inviteUrl!) });
  assert.equal(r.errors?.[0]?.extensions?.code, 'CONFLICT');
});
