// Process entry point: `npm start -w @syncoxide/gateway` (or the root start command).
import { createLogger, loadConfig } from '@syncoxide/core';
import { checkEngines } from '@syncoxide/infra';
import { startGateway } from './server.js';
import { buildServices, connect } from './services.js';

const config = loadConfig();
const logger = createLogger('gateway', { level: config.logLevel });
const conn = connect(config);
const services = await buildServices(config, conn, { logger, liveSync: {} });

const server = await startGateway({
  config,
  logger,
  services,
  checkHealth: () => checkEngines(config, { timeoutMs: 3000 }),
});
logger.info({ url: `http://${config.gateway.host}:${config.gateway.port}/graphql` }, 'gateway listening');

// File operations a previous process was in the middle of when it died: finish them now, and
// keep looking (a remote that was offline may come back).
const recover = () =>
  services.ops
    .recover({ log: (msg, op, error) => logger.warn({ op: { kind: op.kind, path: op.path }, error }, msg) })
    .catch((error) => logger.error({ error }, 'file-op recovery failed'));
void recover();
setInterval(recover, 30_000).unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'gateway stopping');
    server.close(
      () =>
        void services
          .close()
          .then(() => conn.close())
          .then(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
