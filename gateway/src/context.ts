// What every resolver receives: the caller (or null), the services, and a place to set cookies.
import type { Config, Logger } from '@syncoxide/core';
import type { AccountsService } from './accounts/accounts.service.js';
import type { RateLimiter } from './accounts/rate-limiter.js';
import type { Caller } from './accounts/scopes.js';
import type { AnalyticsService } from './analytics/analytics.service.js';
import type { CleanupService } from './analytics/cleanup.service.js';
import type { EventsService } from './events/events.service.js';
import type { FileOpsService } from './files/ops.service.js';
import type { ViewsService } from './files/views.service.js';
import type { LinkServices } from './links/index.js';
import type { NotificationsService } from './notifications/index.js';
import type { PhotosService } from './photos/photos.service.js';
import type { ProviderPool } from './remotes/providers.js';
import type { RemotesService } from './remotes/remotes.service.js';
import type { UploadsService } from './rest/uploads.service.js';
import type { RulesService } from './rules/rules.service.js';
import type { SearchService } from './search/search.service.js';
import type { SharesService } from './sharing/index.js';

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
  views: ViewsService;
  ops: FileOpsService;
  remotes: RemotesService;
  search: SearchService;
  rules: RulesService;
  events: EventsService;
  uploads: UploadsService;
  providers: ProviderPool;
  /** Storage statistics, activity, health. */
  analytics: AnalyticsService;
  /** Cleanup reports, plans and their execution. */
  cleanup: CleanupService;
  /** The photo library: timeline, albums, duplicates, edits, renditions. */
  photos: PhotosService;
  /** Public share links and file requests. */
  links: LinkServices;
  /** Persistent notifications, their settings, email. */
  notifications: NotificationsService;
  /** Sharing between users (kept in sync across providers). */
  shares: SharesService;
}

/** Requests per minute, counted in Redis so every gateway process shares them. */
export interface RequestLimits {
  perIpPerMinute: number;
  perUserPerMinute: number;
}

export interface GatewayDeps {
  config: Config;
  logger: Logger;
  checkHealth: () => Promise<HealthReport>;
  services: GatewayServices;
  limits?: RequestLimits;
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
