// Starts the e2e stack and keeps it up for poking at by hand or for `SYNCOXIDE_E2E_STACK=<the
// printed JSON> node ../scripts/test-package.mjs e2e` (iterating on the test without rebuilding):
// `npx tsx test/stack.ts`. POST <control>/follow/<userId> relays a browser-made user's changes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startS3Server } from '@syncoxide/sync/testing';
import { startTestGateway } from '../../gateway/test/harness.js';
import { buildDashboard, followOwner, startDashboard } from './servers.js';

const gw = await startTestGateway({ pipeline: true });
await buildDashboard(gw.base);
const s3 = await startS3Server();
const web = await startDashboard(gw.base);
const followed: ReturnType<typeof followOwner>[] = [];
const control = createServer((req, res) => {
  const m = /^\/follow\/([^/]+)$/.exec(req.url ?? '');
  if (req.method === 'POST' && m) followed.push(followOwner(gw, decodeURIComponent(m[1]!)));
  res.writeHead(m ? 204 : 404).end();
}).listen(0, '127.0.0.1');
await new Promise((r) => control.once('listening', r));
const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
console.log(
  JSON.stringify({ web: web.base, gateway: gw.base, control: controlUrl, localRoot: gw.localRoot, s3 }),
);
const stop = async () => {
  control.close();
  for (const f of followed) await f.stop();
  await web.stop();
  await s3.stop();
  await gw.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
