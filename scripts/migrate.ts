// Applies every store's schema (idempotent; run by `npm start` before the services start):
// Neo4j constraints and indexes, the search index template and alias, PostgreSQL tables.
import { createLogger, loadConfig } from '@syncoxide/core';
import { buildServices, connect } from '@syncoxide/gateway';
import { createGraphDriver, createGraphStore } from '@syncoxide/graph';
import { ensureFilesIndex, searchClientFromConfig } from '@syncoxide/indexer';

const config = loadConfig();
const logger = createLogger('migrate', { level: config.logLevel });

const driver = createGraphDriver(config);
await createGraphStore({ driver, logger }).migrate();
await driver.close();
logger.info('graph schema up to date');

const index = await ensureFilesIndex(searchClientFromConfig(config), config.opensearch.indexPrefix);
logger.info({ index }, 'search index ready');

const conn = connect(config);
await buildServices(config, conn);
await conn.close();
logger.info('postgresql schema up to date');
