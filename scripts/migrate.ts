// Applies every store's schema migrations (idempotent; safe to run on each start).
import { createLogger, loadConfig } from '@syncoxide/core';

const config = loadConfig();
const logger = createLogger('migrate', { level: config.logLevel });
logger.info('migrations: nothing to apply yet');
