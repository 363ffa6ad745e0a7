export type { EngineHealth, GatewayContext, GatewayDeps, HealthReport } from './context.js';
export { schema } from './schema/index.js';
export { createGatewayApp, startGateway } from './server.js';
export { buildServices, connect } from './services.js';
