// The registry of JVM engines by name.
import type { JvmEngineName } from '../settings.js';
import { kafkaEngine } from './kafka.js';
import { neo4jEngine } from './neo4j.js';
import { opensearchEngine } from './opensearch.js';
import type { JvmEngine } from './types.js';

export const JVM_ENGINE_DEFS: Record<JvmEngineName, JvmEngine> = {
  neo4j: neo4jEngine,
  kafka: kafkaEngine,
  opensearch: opensearchEngine,
};
