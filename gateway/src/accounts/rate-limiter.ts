// Fixed-window counters in Redis, shared by every gateway process. Each attempt counts, so a
// batched or aliased GraphQL request with ten sign-ins spends ten attempts.

import { SyncoxideError } from '@syncoxide/core';
import type { Redis } from 'ioredis';

export interface Limit {
  /** Bucket name, e.g. `signin:ip:127.0.0.1`. */
  key: string;
  max: number;
  windowSeconds: number;
}

export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Counts one attempt against every limit; throws RATE_LIMITED when any is exceeded. */
  async hit(limits: Limit[]): Promise<void> {
    const multi = this.redis.multi();
    for (const l of limits) {
      const key = `${this.prefix}rl:${l.key}`;
      multi.incr(key);
      multi.expire(key, l.windowSeconds, 'NX');
    }
    const results = (await multi.exec()) ?? [];
    limits.forEach((l, i) => {
      const count = Number(results[i * 2]?.[1] ?? 0);
      if (count > l.max) {
        throw new SyncoxideError(
          'RATE_LIMITED',
          `too many attempts; try again in up to ${l.windowSeconds} s`,
          {
            details: { retryAfterSeconds: l.windowSeconds },
          },
        );
      }
    });
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(`${this.prefix}rl:${key}`);
  }
}
