// HTTP edge: GET /healthz for orchestrators, REST for bytes (rest/router.ts), /graphql for
// everything else. Authenticates once and counts every request against per-IP and per-user
// limits before routing. No business logic lives here.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { isSyncoxideError } from '@syncoxide/core';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Caller } from './accounts/scopes.js';
import type { GatewayContext, GatewayDeps, RequestLimits } from './context.js';
import { maskError } from './errors.js';
import { createRestRouter, sendError } from './rest/router.js';
import { SESSION_COOKIE } from './schema/account.js';
import { schema } from './schema/index.js';

/** Request shape limits; tests and the README quote these. */
export const LIMITS = { depth: 12, aliases: 15, tokens: 2000, cost: 5000, bodyBytes: 1024 * 1024 } as const;

export const DEFAULT_REQUEST_LIMITS: RequestLimits = { perIpPerMinute: 1200, perUserPerMinute: 1200 };

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-site',
};

function cookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Carries Set-Cookie values from resolvers (through the context) to the response. */
function cookiesPlugin(): Plugin<GatewayContext> {
  const pending = new WeakMap<Request, string[]>();
  return {
    onContextBuilding: ({ context }) => {
      pending.set(context.request, context.setCookies);
    },
    onResponse: ({ request, response }) => {
      for (const value of pending.get(request) ?? []) response.headers.append('set-cookie', value);
    },
  };
}

export function createGatewayApp(deps: GatewayDeps) {
  const production = deps.config.env === 'production';
  const limits = deps.limits ?? DEFAULT_REQUEST_LIMITS;
  const rest = createRestRouter(deps.services, deps.logger);
  // The caller found by handle() for each request, read by the GraphQL context.
  const callers = new WeakMap<IncomingMessage, Caller | null>();
  const yoga = createYoga<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: !production,
    landingPage: false,
    maskedErrors: { maskError: maskError(deps.logger) },
    // The dashboard runs on its own origin and sends the session cookie.
    cors: { origin: [deps.config.web.publicUrl], credentials: true },
    plugins: [
      cookiesPlugin(),
      // Query shape limits, checked before execution. Aliases count one by one, so ten aliased
      // sign-ins are ten attempts for the rate limiter and eleven aliases are refused outright.
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.depth, ignoreIntrospection: true },
        maxAliases: { n: LIMITS.aliases },
        maxTokens: { n: LIMITS.tokens },
        maxDirectives: { n: 20 },
        costLimit: { maxCost: LIMITS.cost },
        blockFieldSuggestion: { enabled: production },
      }),
      ...(production ? [useDisableIntrospection()] : []),
    ],
    logging: {
      debug: (...args) => deps.logger.debug({ args }, 'yoga'),
      info: (...args) => deps.logger.info({ args }, 'yoga'),
      warn: (...args) => deps.logger.warn({ args }, 'yoga'),
      error: (...args) => deps.logger.error({ args }, 'yoga'),
    },
    context: async ({ req }) => ({
      deps,
      services: deps.services,
      requestId: randomUUID(),
      clientIp: req.socket.remoteAddress ?? 'unknown',
      caller: callers.get(req) ?? null,
      setCookies: [],
    }),
  });

  async function authenticate(req: IncomingMessage): Promise<Caller | null> {
    const auth = req.headers.authorization;
    const bearer = auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : undefined;
    return deps.services.accounts.authenticate({
      bearer,
      session: cookie(req.headers.cookie ?? null, SESSION_COOKIE),
    });
  }

  /** Every request counts per client IP, and per user once signed in. */
  async function limit(ip: string, caller: Caller | null): Promise<void> {
    await deps.services.limiter.hit([
      { key: `req:ip:${ip}`, max: limits.perIpPerMinute, windowSeconds: 60 },
      ...(caller
        ? [{ key: `req:user:${caller.userId}`, max: limits.perUserPerMinute, windowSeconds: 60 }]
        : []),
    ]);
  }

  async function healthz(res: ServerResponse): Promise<void> {
    const report = await deps.checkHealth();
    res.writeHead(report.status === 'down' ? 503 : 200, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(report));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const url = new URL(req.url ?? '/', 'http://gateway');
    // Refuse oversized GraphQL bodies before reading them (uploads go to their own endpoint).
    if (url.pathname === '/graphql' && Number(req.headers['content-length'] ?? 0) > LIMITS.bodyBytes) {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      res.end(
        JSON.stringify({
          errors: [
            { message: `request body over ${LIMITS.bodyBytes} bytes`, extensions: { code: 'INVALID_INPUT' } },
          ],
        }),
      );
      req.resume();
      return;
    }
    if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return healthz(res);
    let caller: Caller | null;
    try {
      caller = await authenticate(req);
      await limit(req.socket.remoteAddress ?? 'unknown', caller);
    } catch (err) {
      req.resume();
      if (!isSyncoxideError(err)) throw err;
      const retry = err.details?.retryAfterSeconds;
      return sendError(res, err, retry ? { 'retry-after': String(retry) } : {});
    }
    if (await rest(req, res, url.pathname, caller)) return;
    callers.set(req, caller);
    return yoga.handle(req, res, { req, res });
  }

  return { yoga, handle };
}

export function startGateway(deps: GatewayDeps): Promise<Server> {
  const app = createGatewayApp(deps);
  const server = createServer((req, res) => {
    app.handle(req, res).catch((err: unknown) => {
      deps.logger.error({ err }, 'unhandled request error');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.config.gateway.port, deps.config.gateway.host, () => resolve(server));
  });
}
