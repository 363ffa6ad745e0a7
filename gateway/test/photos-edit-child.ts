// A gateway process that only edits one photo and is killed mid-way by photos-edit.test.ts.
// argv: pgSchema localRoot ownerId nodeId
import { createLogger, loadConfig } from '@syncoxide/core';
import { buildServices, connect } from '../src/services.js';

const [pgSchema, localRoot, ownerId, nodeId] = process.argv.slice(2) as [string, string, string, string];
const config = loadConfig();
const conn = connect(config);
const services = await buildServices(config, conn, {
  pgSchema,
  redisPrefix: `${pgSchema}:`,
  localRoots: [localRoot],
  logger: createLogger('photos-edit-child', { level: 'silent' }),
});
process.send?.('ready');
await services.photos.edit(ownerId, nodeId, [
  { op: 'rotate', degrees: 90 },
  { op: 'resize', width: 1500 },
]);
process.send?.('edited');
