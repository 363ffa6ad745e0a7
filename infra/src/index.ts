// Public surface of @syncoxide/infra: the local engines, their health, and private instances.

export { KAFKA_VERSION } from './engines/kafka.js';
export { NEO4J_VERSION } from './engines/neo4j.js';
export { OPENSEARCH_VERSION } from './engines/opensearch.js';
export type { ProbeResult } from './engines/types.js';
export {
  type EngineReport,
  type EngineState,
  type EnsureOptions,
  engineStatus,
  ensureEngines,
  stopEngines,
} from './engines.js';
export { checkEngines, type HealthReport } from './health.js';
export { type EngineInstance, freePort, type InstanceOptions, startEngineInstance } from './instance.js';
export {
  ENGINES,
  type EngineName,
  type EngineSettings,
  JVM_ENGINES,
  type JvmEngineName,
  resolveSettings,
} from './settings.js';
