// `syncoxide status`: are the engines and the gateway up? Human-readable or --json.

import { loadConfig } from '@syncoxide/core';
import { checkEngines } from '@syncoxide/infra';
import { Command } from 'commander';
import { renderStatus, type StatusReport } from '../render-status.js';

async function gatewayHealth(url: string): Promise<StatusReport['gateway']> {
  try {
    const res = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { status?: string };
    return { ok: res.ok, url, status: body.status ?? 'unknown' };
  } catch (err) {
    return { ok: false, url, status: 'down', error: (err as Error).message };
  }
}

export function statusCommand(): Command {
  return new Command('status')
    .description('show the health of the engines and the gateway')
    .option('--json', 'print JSON instead of a table')
    .option('--gateway <url>', 'gateway base URL (default from config)')
    .action(async (options: { json?: boolean; gateway?: string }) => {
      const config = loadConfig();
      const [engines, gateway] = await Promise.all([
        checkEngines(config),
        gatewayHealth(options.gateway ?? config.gateway.publicUrl),
      ]);
      const report: StatusReport = { status: engines.status, engines: engines.engines, gateway };
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report));
      process.exitCode = engines.status === 'ok' && gateway.ok ? 0 : 1;
    });
}
