// What every resolver receives: the caller (or null), the services, and a place to set cookies.
import type { Config, Logger } from '@syncoxide/core';
import type { AccountsService } from './accounts/accounts.service.js';
import type { RateLimiter } from './accounts/rate-limiter.js';
import type { Caller } from './accounts/scopes.js';

export interface EngineHealth {
  ok: boolean;
  version?: string;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  engines: Record<string, EngineHealth>;
}

/** Services the gateway needs, passed in so tests can give real engines with their own names. */
export interface GatewayServices {
  accounts: AccountsService;
  limiter: RateLimiter;
}

export interface GatewayDeps {
  config: Config;
  logger: Logger;
  checkHealth: () => Promise<HealthReport>;
  services: GatewayServices;
}

export interface GatewayContext {
  deps: GatewayDeps;
  services: GatewayServices;
  requestId: string;
  clientIp: string;
  caller: Caller | null;
  /** Set-Cookie values to add to the response. */
  setCookies: string[];
}
