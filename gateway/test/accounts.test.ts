// Accounts through HTTP: sign-up/in/out with the session cookie, API tokens with scopes and
// revocation, rate limits, and one user never reaching another's tokens.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestGateway } from './harness.js';

let gw: Awaited<ReturnType<typeof startTestGateway>>;
before(async () => {
  gw = await startTestGateway();
});
after(() => gw.close());

const SIGN_UP =
  'mutation($e: String!, $n: String!, $p: String!) { signUp(email: $e, name: $n, password: $p) { user { id email } } }';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id } } }';
const ME = '{ me { id email name role } }';

function email(label: string) {
  return `${label}-${Math.random().toString(36).slice(2)}@example.test`;
}

describe('sign-up and sessions', () => {
  test('sign-up sets an HttpOnly session cookie that identifies the user', async () => {
    const c = gw.client();
    const e = email('alice');
    const res = await c.gql<{ signUp: { user: { email: string } } }>(SIGN_UP, {
      e: e.toUpperCase(),
      n: 'Alice',
      p: 'correct horse battery',
    });
    assert.equal(res.errors, undefined);
    assert.equal(res.data?.signUp.user.email, e, 'email is stored lower-cased');
    assert.match(res.headers.get('set-cookie') ?? '', /sox_session=.+; Path=\/; HttpOnly; SameSite=Lax/);
    const me = await c.gql<{ me: { email: string; role: string } }>(ME);
    assert.equal(me.data?.me.email, e);
    assert.equal(me.data?.me.role, 'user');
  });

  test('bad sign-up input is refused with INVALID_INPUT naming the problem', async () => {
    const res = await gw.client().gql(SIGN_UP, { e: 'not-an-email', n: '', p: 'short' });
    assert.equal(res.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
    assert.match(res.errors?.[0]?.message ?? '', /email is not a valid address/);
    assert.match(res.errors?.[0]?.message ?? '', /at least 10 characters/);
  });

  test('a taken email is ALREADY_EXISTS; wrong password is UNAUTHENTICATED; sign-out ends the session', async () => {
    const e = email('bob');
    await gw.client().gql(SIGN_UP, { e, n: 'Bob', p: 'bob password 123' });
    const again = await gw.client().gql(SIGN_UP, { e, n: 'Bob 2', p: 'another password' });
    assert.equal(again.errors?.[0]?.extensions?.code, 'ALREADY_EXISTS');
    const wrong = await gw.client().gql(SIGN_IN, { e, p: 'nope nope nope' });
    assert.equal(wrong.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const unknown = await gw.client().gql(SIGN_IN, { e: email('ghost'), p: 'nope nope nope' });
    assert.equal(
      unknown.errors?.[0]?.message,
      wrong.errors?.[0]?.message,
      'unknown email looks like a wrong password',
    );
    const c = gw.client();
    await c.gql(SIGN_IN, { e, p: 'bob password 123' });
    assert.ok((await c.gql<{ me: unknown }>(ME)).data?.me);
    const cookie = c.cookie;
    await c.gql('mutation { signOut }');
    c.cookie = cookie; // replaying the old cookie must not work
    assert.equal((await c.gql<{ me: unknown }>(ME)).data?.me, null);
  });

  test('sign-in attempts per email are rate limited, each attempt counted even when aliased', async () => {
    const e = email('carol');
    await gw.client().gql(SIGN_UP, { e, n: 'Carol', p: 'carol password 1' });
    const aliases = Array.from(
      { length: 12 },
      (_, i) => `a${i}: signIn(email: $e, password: "wrong password ${i}") { user { id } }`,
    );
    const res = await gw.client().gql(`mutation($e: String!) { ${aliases.join('\n')} }`, { e });
    const codes = (res.errors ?? []).map((er) => er.extensions?.code);
    assert.ok(codes.includes('RATE_LIMITED'), `expected RATE_LIMITED among ${codes.join(',')}`);
    const right = await gw.client().gql(SIGN_IN, { e, p: 'carol password 1' });
    assert.equal(
      right.errors?.[0]?.extensions?.code,
      'RATE_LIMITED',
      'even the right password waits out the window',
    );
  });
});

describe('API tokens', () => {
  test('a token authenticates as its user with only its scopes, and stops working when revoked', async () => {
    const owner = gw.client();
    await owner.gql(SIGN_UP, { e: email('dave'), n: 'Dave', p: 'dave password 1' });
    const created = await owner.gql<{
      createApiToken: { secret: string; token: { id: string; scopes: string[] } };
    }>('mutation { createApiToken(name: "cli", scopes: ["files:read"]) { secret token { id scopes } } }');
    assert.equal(created.errors, undefined);
    const { secret, token } = created.data!.createApiToken;
    assert.match(secret, /^sox_/);
    const cli = gw.client();
    cli.token = secret;
    assert.ok((await cli.gql<{ me: { email: string } }>(ME)).data?.me);
    const denied = await cli.gql('{ apiTokens { id } }');
    assert.equal(
      denied.errors?.[0]?.extensions?.code,
      'PERMISSION_DENIED',
      'a files:read token cannot manage tokens',
    );
    const list = await owner.gql<{ apiTokens: { id: string; secret?: string }[] }>(
      '{ apiTokens { id name scopes revoked } }',
    );
    assert.deepEqual(
      list.data?.apiTokens.map((t) => t.id),
      [token.id],
    );
    await owner.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: token.id });
    assert.equal((await cli.gql<{ me: unknown }>(ME)).data?.me, null);
  });

  test("another user's token id is NOT_FOUND, exactly like a missing or malformed one", async () => {
    const a = gw.client();
    await a.gql(SIGN_UP, { e: email('erin'), n: 'Erin', p: 'erin password 1' });
    const made = await a.gql<{ createApiToken: { token: { id: string } } }>(
      'mutation { createApiToken(name: "x", scopes: ["files:read"]) { token { id } } }',
    );
    const b = gw.client();
    await b.gql(SIGN_UP, { e: email('frank'), n: 'Frank', p: 'frank password 1' });
    const revoke = 'mutation($id: ID!) { revokeApiToken(id: $id) }';
    const theirs = await b.gql(revoke, { id: made.data!.createApiToken.token.id });
    const missing = await b.gql(revoke, { id: '00000000-0000-4000-8000-000000000000' });
    const malformed = await b.gql(revoke, { id: "1' OR '1'='1" });
    for (const r of [theirs, missing, malformed]) {
      assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND');
      assert.equal(r.errors?.[0]?.message, 'no such token');
    }
    const stillThere = await a.gql<{ apiTokens: { revoked: boolean }[] }>('{ apiTokens { revoked } }');
    assert.deepEqual(stillThere.data?.apiTokens, [{ revoked: false }]);
  });

  test('a token cannot be given scopes its maker lacks, nor unknown scopes', async () => {
    const a = gw.client();
    await a.gql(SIGN_UP, { e: email('gina'), n: 'Gina', p: 'gina password 1' });
    const admin = await a.gql('mutation { createApiToken(name: "x", scopes: ["admin"]) { secret } }');
    assert.equal(admin.errors?.[0]?.extensions?.code, 'PERMISSION_DENIED');
    const bogus = await a.gql('mutation { createApiToken(name: "x", scopes: ["root"]) { secret } }');
    assert.equal(bogus.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
  });

  test('anonymous callers are told to sign in', async () => {
    const res = await gw.client().gql('{ apiTokens { id } }');
    assert.equal(res.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });
});
