// The REST part of the gateway: bytes (download with Range, tus upload) and the OpenAPI
// document describing them. Authorization is the same session cookie or bearer token as GraphQL.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpStatusOf, isSyncoxideError, type Logger, SyncoxideError } from '@syncoxide/core';
import type { Caller, Scope } from '../accounts/scopes.js';
import { downloadReport, REPORT_PATH } from '../analytics/report-download.js';
import type { GatewayServices } from '../context.js';
import { NOT_FOUND_MESSAGE } from '../ids.js';
import { createLinkRoutes } from '../links/index.js';
import { RENDITION_PATH, serveRendition } from '../photos/thumbnails.route.js';
import { ENCRYPTED_PATH, serveEncrypted } from '../sharing/encrypted.route.js';
import { download } from './download.js';
import { createTus, UPLOADS_PATH } from './tus.js';

const OPENAPI = readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8');
const CONTENT = /^\/files\/([^/]{1,200})\/content$/;

export function sendError(
  res: ServerResponse,
  err: SyncoxideError,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(httpStatusOf(err.code), { 'content-type': 'application/json', ...headers });
  const message = err.code === 'NOT_FOUND' ? NOT_FOUND_MESSAGE : err.message;
  res.end(JSON.stringify({ error: { code: err.code, message } }));
}

export function createRestRouter(services: GatewayServices, logger: Logger) {
  const tus = createTus(services.uploads, logger);
  const links = createLinkRoutes(services.links, services.providers, logger);

  function need(caller: Caller | null, scope: Scope): Caller {
    if (!caller) throw new SyncoxideError('UNAUTHENTICATED', 'sign in first');
    if (!caller.scopes.has(scope))
      throw new SyncoxideError('PERMISSION_DENIED', 'this credential lacks the scope for that');
    return caller;
  }

  /** Handles a REST route; false when the path is not one of ours. */
  return async function route(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    caller: Caller | null,
  ) {
    try {
      if (path === '/openapi.yaml' && (req.method === 'GET' || req.method === 'HEAD')) {
        res.writeHead(200, { 'content-type': 'application/yaml; charset=utf-8' });
        res.end(req.method === 'HEAD' ? undefined : OPENAPI);
        return true;
      }
      // Public links (share /s/, request /r/, tracker): the token is the credential.
      if (await links(req, res, path)) return true;
      if (path === UPLOADS_PATH || path.startsWith(`${UPLOADS_PATH}/`)) {
        // OPTIONS is the CORS preflight: it carries no credentials.
        if (req.method === 'OPTIONS') await tus(req, res, caller as Caller);
        else await tus(req, res, need(caller, 'files:write'));
        return true;
      }
      const rendition = RENDITION_PATH.exec(path);
      if (rendition) {
        await serveRendition(services.photos, req, res, need(caller, 'files:read'), rendition);
        return true;
      }
      const report = REPORT_PATH.exec(path);
      if (report && (req.method === 'GET' || req.method === 'HEAD')) {
        await downloadReport(services.cleanup, req, res, need(caller, 'files:read'), report);
        return true;
      }
      const encrypted = ENCRYPTED_PATH.exec(path);
      if (encrypted && (req.method === 'GET' || req.method === 'HEAD')) {
        await serveEncrypted(services.shares, req, res, need(caller, 'shares'), encrypted);
        return true;
      }
      const m = CONTENT.exec(path);
      if (m && (req.method === 'GET' || req.method === 'HEAD')) {
        await download(services, req, res, need(caller, 'files:read'), decodeURIComponent(m[1]!));
        return true;
      }
      return false;
    } catch (err) {
      if (isSyncoxideError(err)) sendError(res, err);
      else {
        logger.error({ err }, 'REST request failed');
        sendError(res, new SyncoxideError('INTERNAL', 'internal error'));
      }
      return true;
    }
  };
}
