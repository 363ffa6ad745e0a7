// Mounts the public link endpoints (share links /s/, file requests /r/, the torrent tracker) on
// the gateway's REST router. They take no account: a link's token is the credential.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@syncoxide/core';
import { SyncoxideError } from '@syncoxide/core';
import type { ProviderPool } from '../remotes/providers.js';
import { clientIp, isRefusal, preflight, sendRefusal } from './http.js';
import { createRequestRoutes, REQUEST_UPLOADS_PATH } from './request-routes.js';
import type { RequestsService } from './requests.service.js';
import type { ShareLinksService } from './share-links.service.js';
import { createShareRoutes } from './share-routes.js';
import { TRACKER_PATH, type Tracker } from './tracker.js';

export interface LinkServices {
  shareLinks: ShareLinksService;
  requests: RequestsService;
  tracker: Tracker;
  /** Origin of the public pages (may frame previews). */
  webOrigin: string;
}

export function createLinkRoutes(links: LinkServices, providers: ProviderPool, logger: Logger) {
  const services = links;
  const share = createShareRoutes({
    links: links.shareLinks,
    providers,
    tracker: links.tracker,
    webOrigin: links.webOrigin,
  });
  const request = createRequestRoutes(services.requests, logger);

  /** Handles a public link route; false when the path is not one. */
  return async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const ours = path.startsWith('/s/') || path.startsWith('/r/') || path === TRACKER_PATH;
    if (!ours) return false;
    const url = new URL(req.url ?? '/', 'http://gateway');
    const tusPath = path === REQUEST_UPLOADS_PATH || path.startsWith(`${REQUEST_UPLOADS_PATH}/`);
    try {
      if (req.method === 'OPTIONS' && !tusPath) {
        preflight(res);
        return true;
      }
      if (path === TRACKER_PATH) {
        await services.tracker.announce(req, res);
        return true;
      }
      const ip = clientIp(req);
      return (await share(req, res, url, ip)) || (await request(req, res, url, ip));
    } catch (err) {
      if (isRefusal(err) && err.code !== 'INTERNAL') sendRefusal(res, err);
      else {
        logger.error({ err }, 'public link request failed');
        sendRefusal(res, new SyncoxideError('INTERNAL', 'internal error'));
      }
      return true;
    }
  };
}
