// What every resolver receives. Grows with accounts (caller identity) and services.
import type { Config, Logger } from '@syncoxide/core';

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
export interface GatewayDeps {
  config: Config;
  logger: Logger;
  checkHealth: () => Promise<HealthReport>;
}

export interface GatewayContext {
  deps: GatewayDeps;
  requestId: string;
}
