// The search engine client the indexer and the gateway's search use.
import { Client } from '@opensearch-project/opensearch';
import type { Config } from '@syncoxide/core';

export interface SearchClientOptions {
  url: string;
  /** Per-request timeout (default 30 s). */
  requestTimeoutMs?: number;
  /** Client-level retries of a failed request; our own back-off does the real retrying. */
  maxRetries?: number;
}

export function createSearchClient(options: SearchClientOptions): Client {
  return new Client({
    node: options.url,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 1,
  });
}

export function searchClientFromConfig(config: Config): Client {
  return createSearchClient({ url: config.opensearch.url });
}
