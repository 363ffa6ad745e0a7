export * from './providers/types.js';
export * from './providers/config.js';
