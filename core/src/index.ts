export * from './config.js';
export * from './errors.js';
export * from './events.js';
export * from './ids.js';
export * from './logger.js';
export * from './retry.js';
