// A gateway process that only copies one file and is killed mid-way by file-ops.test.ts.
// argv: pgSchema localRoot ownerId nodeId toRemoteId
import { createLogger, loadConfig } from '@syncoxide/core';
import { buildServices, connect } from '../src/services.js';

const [pgSchema, localRoot, ownerId, nodeId, toRemoteId] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const config = loadConfig();
const conn = connect(config);
const services = await buildServices(config, conn, {
  pgSchema,
  redisPrefix: `${pgSchema}:`,
  localRoots: [localRoot],
  logger: createLogger('file-ops-child', { level: 'silent' }),
});
process.send?.('ready');
await services.ops.copy(ownerId, nodeId, { kind: 'remote', id: toRemoteId });
process.send?.('copied');
