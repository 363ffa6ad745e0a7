// The secrets of public links: unguessable tokens, argon2id password hashes, and the short-lived
// grants a correct password buys. Wrong guesses are throttled per link and per client IP in
// Redis; every guess counts, including each one of a batch sent in a single request.
import { randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { SyncoxideError } from '@syncoxide/core';
import type { Redis } from 'ioredis';
import type { RateLimiter } from '../accounts/rate-limiter.js';

// Same argon2id parameters as account passwords (OWASP baseline).
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const GRANT_TTL_SECONDS = 12 * 3600;

/** Guesses allowed per link and per client IP before 429 (fixed windows). */
export const PASSWORD_LIMITS = {
  perLink: { max: 20, windowSeconds: 600 },
  perIp: { max: 10, windowSeconds: 60 },
  /** Guesses one request may carry; more is refused before any is tried. */
  perRequest: 20,
} as const;

/** 256 random bits, URL-safe (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashPassword(password: string): Promise<string> {
  if (password.length < 4 || password.length > 256)
    throw new SyncoxideError('INVALID_INPUT', 'a link password needs 4 to 256 characters');
  return argon2Hash(password, ARGON2);
}

export type LinkKind = 'share' | 'request';

export class LinkGrants {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limiter: RateLimiter,
  ) {}

  private key(kind: LinkKind, grant: string): string {
    return `${this.prefix}linkgrant:${kind}:${grant}`;
  }

  /** Does `grant` open link `id`? Malformed or unknown grants simply do not. */
  async valid(kind: LinkKind, id: string, grant: string | null | undefined): Promise<boolean> {
    if (!grant || !/^[A-Za-z0-9_-]{43}$/.test(grant)) return false;
    return (await this.redis.get(this.key(kind, grant))) === id;
  }

  /**
   * Tries each guess in turn, counting each against the link's and the IP's limits before it is
   * checked; the first right one buys a grant. Throws RATE_LIMITED once over a limit (even for
   * the right password), PERMISSION_DENIED when every guess was wrong.
   */
  async unlock(
    kind: LinkKind,
    id: string,
    passwordHash: string,
    guesses: unknown,
    clientIp: string,
  ): Promise<string> {
    const list = Array.isArray(guesses) ? guesses : [guesses];
    if (
      list.length === 0 ||
      list.length > PASSWORD_LIMITS.perRequest ||
      !list.every((g) => typeof g === 'string')
    )
      throw new SyncoxideError(
        'INVALID_INPUT',
        `send "password": a string (or up to ${PASSWORD_LIMITS.perRequest})`,
      );
    for (const guess of list as string[]) {
      await this.limiter.hit([
        { key: `linkpw:${kind}:${id}`, ...PASSWORD_LIMITS.perLink },
        { key: `linkpw:ip:${clientIp}`, ...PASSWORD_LIMITS.perIp },
      ]);
      if (guess.length <= 256 && (await argon2Verify(passwordHash, guess))) {
        const grant = newToken();
        await this.redis.set(this.key(kind, grant), id, 'EX', GRANT_TTL_SECONDS);
        return grant;
      }
    }
    throw new SyncoxideError('PERMISSION_DENIED', 'wrong password');
  }
}

/** A refusal of a public link with the HTTP status and reason the public pages show. */
export function linkRefusal(
  status: 401 | 403 | 404 | 410 | 413 | 415 | 409,
  reason: string,
  message: string,
): SyncoxideError {
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : 'PERMISSION_DENIED';
  return new SyncoxideError(code, message, { details: { status, reason } });
}
