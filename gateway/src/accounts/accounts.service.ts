// Sign-up, sign-in, sessions and personal API tokens. Secrets are random 256-bit values
// handed to the client once; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { newId, SyncoxideError } from '@syncoxide/core';
import { z } from 'zod';
import type { AccountsRepository, ApiTokenRow, UserRow } from './accounts.repository.js';
import type { RateLimiter } from './rate-limiter.js';
import { type Caller, SCOPES, type Scope, sessionScopes } from './scopes.js';
import type { SessionsRepository } from './sessions.repository.js';

export const SESSION_TTL_SECONDS = 14 * 24 * 3600;
const TOKEN_PREFIX = 'sox_';

// OWASP's argon2id baseline (19 MiB, 2 passes); verification costs ~30 ms here.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
// A real hash to verify against when the email is unknown, so timing does not reveal accounts.
const DUMMY_HASH = argon2Hash('not-a-real-password', ARGON2);

const SignUpInput = z.object({
  email: z.string().trim().toLowerCase().email('email is not a valid address').max(254),
  name: z.string().trim().min(1, 'name is required').max(100),
  password: z
    .string()
    .min(10, 'password must have at least 10 characters')
    .max(256, 'password must have at most 256 characters'),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function secret(): string {
  return randomBytes(32).toString('base64url');
}

function invalid(err: z.ZodError): SyncoxideError {
  return new SyncoxideError('INVALID_INPUT', err.issues.map((i) => i.message).join('; '));
}

export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly limiter: RateLimiter,
  ) {}

  async signUp(input: { email: string; name: string; password: string }, clientIp: string) {
    const parsed = SignUpInput.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error);
    await this.limiter.hit([{ key: `signup:ip:${clientIp}`, max: 20, windowSeconds: 3600 }]);
    const passwordHash = await argon2Hash(parsed.data.password, ARGON2);
    const user = await this.accounts.insertUser({
      id: newId(),
      email: parsed.data.email,
      name: parsed.data.name,
      passwordHash,
      role: 'user',
    });
    if (!user) throw new SyncoxideError('ALREADY_EXISTS', 'an account with this email already exists');
    return { user, session: await this.openSession(user.id) };
  }

  async signIn(input: { email: string; password: string }, clientIp: string) {
    const email = input.email.trim().toLowerCase();
    await this.limiter.hit([
      { key: `signin:ip:${clientIp}`, max: 50, windowSeconds: 900 },
      { key: `signin:email:${sha256(email)}`, max: 10, windowSeconds: 900 },
    ]);
    const user = await this.accounts.userByEmail(email);
    const ok = await argon2Verify(user?.passwordHash ?? (await DUMMY_HASH), input.password);
    if (!user || !ok) throw new SyncoxideError('UNAUTHENTICATED', 'wrong email or password');
    await this.limiter.reset(`signin:email:${sha256(email)}`);
    return { user, session: await this.openSession(user.id) };
  }

  private async openSession(userId: string): Promise<string> {
    const value = secret();
    await this.sessions.put(sha256(value), { userId, createdAt: Date.now() }, SESSION_TTL_SECONDS);
    return value;
  }

  async signOut(caller: Caller): Promise<void> {
    if (caller.via === 'session') await this.sessions.delete(caller.credentialHash);
  }

  /** Who is calling, from a session cookie or a bearer token; null when neither is valid. */
  async authenticate(credentials: { session?: string; bearer?: string }): Promise<Caller | null> {
    if (credentials.bearer?.startsWith(TOKEN_PREFIX)) {
      const hash = sha256(credentials.bearer);
      const token = await this.accounts.useToken(hash);
      const user = token && (await this.accounts.userById(token.userId));
      if (!token || !user) return null;
      const scopes = new Set(token.scopes as Scope[]);
      if (user.role !== 'admin') scopes.delete('admin');
      return { userId: user.id, role: user.role, scopes, via: 'token', credentialHash: hash };
    }
    if (credentials.session) {
      const hash = sha256(credentials.session);
      const record = await this.sessions.get(hash);
      const user = record && (await this.accounts.userById(record.userId));
      if (!user) return null;
      return {
        userId: user.id,
        role: user.role,
        scopes: sessionScopes(user.role),
        via: 'session',
        credentialHash: hash,
      };
    }
    return null;
  }

  async user(id: string): Promise<UserRow | null> {
    return this.accounts.userById(id);
  }

  /** Makes a personal API token; its secret is returned once and never again. */
  async createToken(
    caller: Caller,
    input: { name: string; scopes: string[]; expiresInDays?: number | null },
  ) {
    const name = input.name.trim();
    if (!name || name.length > 100)
      throw new SyncoxideError('INVALID_INPUT', 'token name must have 1 to 100 characters');
    const unknown = input.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s) && s !== 'admin');
    if (unknown.length) throw new SyncoxideError('INVALID_INPUT', `unknown scopes: ${unknown.join(', ')}`);
    if (input.scopes.length === 0)
      throw new SyncoxideError('INVALID_INPUT', 'a token needs at least one scope');
    const missing = input.scopes.filter((s) => !caller.scopes.has(s as Scope));
    if (missing.length) {
      throw new SyncoxideError(
        'PERMISSION_DENIED',
        `cannot grant scopes you do not hold: ${missing.join(', ')}`,
      );
    }
    const days = input.expiresInDays;
    if (days != null && (!Number.isInteger(days) || days < 1 || days > 3650)) {
      throw new SyncoxideError('INVALID_INPUT', 'expiresInDays must be a whole number from 1 to 3650');
    }
    const value = `${TOKEN_PREFIX}${secret()}`;
    const token = await this.accounts.insertToken(
      {
        id: newId(),
        userId: caller.userId,
        name,
        scopes: [...new Set(input.scopes)],
        expiresAt: days == null ? null : new Date(Date.now() + days * 86_400_000),
      },
      sha256(value),
    );
    return { token, secret: value };
  }

  async tokens(caller: Caller): Promise<ApiTokenRow[]> {
    return this.accounts.tokensOf(caller.userId);
  }

  async revokeToken(caller: Caller, tokenId: string): Promise<void> {
    // Another user's token id, or a malformed one, answers exactly like a missing one.
    if (!UUID.test(tokenId) || !(await this.accounts.revokeToken(caller.userId, tokenId))) {
      throw new SyncoxideError('NOT_FOUND', 'no such token');
    }
  }
}
