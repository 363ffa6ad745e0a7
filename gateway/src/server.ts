// HTTP edge: GET /healthz for orchestrators, /graphql for everything else. Later: REST
// byte endpoints (download with Range, tus upload). No business logic lives here.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { GatewayContext, GatewayDeps } from './context.js';
import { schema } from './schema/index.js';

export function createGatewayApp(deps: GatewayDeps) {
  const production = deps.config.env === 'production';
  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: !production,
    maskedErrors: true,
    landingPage: false,
    logging: {
      debug: (...args) => deps.logger.debug({ args }, 'yoga'),
      info: (...args) => deps.logger.info({ args }, 'yoga'),
      warn: (...args) => deps.logger.warn({ args }, 'yoga'),
      error: (...args) => deps.logger.error({ args }, 'yoga'),
    },
    context: () => ({ deps, requestId: randomUUID() }),
  });

  async function healthz(res: ServerResponse): Promise<void> {
    const report = await deps.checkHealth();
    res.writeHead(report.status === 'down' ? 503 : 200, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(report));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return healthz(res);
    return yoga.handle(req, res);
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
