// Starts the e2e stack and keeps it up for poking at by hand or with a browser script:
// `npx tsx test/stack.ts [--no-build]` prints the dashboard's and the gateway's URLs.
import { startS3Server } from '@syncoxide/sync/testing';
import { startTestGateway } from '../../gateway/test/harness.js';
import { buildDashboard, startDashboard } from './servers.js';

const gw = await startTestGateway({ pipeline: true });
if (!process.argv.includes('--no-build')) await buildDashboard(gw.base);
const s3 = await startS3Server();
const web = await startDashboard(gw.base);
console.log(JSON.stringify({ web: web.base, gateway: gw.base, localRoot: gw.localRoot, s3 }));
const stop = async () => {
  await web.stop();
  await s3.stop();
  await gw.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
