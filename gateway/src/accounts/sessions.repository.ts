// Browser sessions in Redis, keyed by the SHA-256 of the cookie value, so a Redis dump holds
// nothing that can be replayed as a cookie. Expire on their own (TTL).
import type { Redis } from 'ioredis';

export interface SessionRecord {
  userId: string;
  createdAt: number;
}

export class SessionsRepository {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(hash: string): string {
    return `${this.prefix}session:${hash}`;
  }

  async put(hash: string, record: SessionRecord, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.key(hash), JSON.stringify(record), 'EX', ttlSeconds);
    await this.redis.sadd(`${this.prefix}user-sessions:${record.userId}`, hash);
  }

  async get(hash: string): Promise<SessionRecord | null> {
    const raw = await this.redis.get(this.key(hash));
    return raw ? (JSON.parse(raw) as SessionRecord) : null;
  }

  async delete(hash: string): Promise<void> {
    await this.redis.del(this.key(hash));
  }

  /** Ends every session of a user (password change, account compromise). */
  async deleteAllOf(userId: string): Promise<void> {
    const setKey = `${this.prefix}user-sessions:${userId}`;
    const hashes = await this.redis.smembers(setKey);
    if (hashes.length) await this.redis.del(...hashes.map((h) => this.key(h)));
    await this.redis.del(setKey);
  }
}
