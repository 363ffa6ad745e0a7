// Retry with exponential back-off and jitter; looks only at `isRetriable`.
import { setTimeout as sleep } from 'node:timers/promises';
import { isRetriable } from './errors.js';

export interface RetryOptions {
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  /** Overrides which errors are retried; defaults to SyncoxideError.retriable. */
  shouldRetry?: (err: unknown) => boolean;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  signal?: AbortSignal;
}

export function backoffDelay(attempt: number, baseMs = 100, maxMs = 10_000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 5, baseMs = 100, maxMs = 10_000, shouldRetry = isRetriable } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= attempts || !shouldRetry(err) || options.signal?.aborted) throw err;
      const delay = backoffDelay(attempt, baseMs, maxMs);
      options.onRetry?.(err, attempt, delay);
      await sleep(delay, undefined, options.signal ? { signal: options.signal } : undefined);
    }
  }
}
