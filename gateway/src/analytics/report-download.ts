// GET /analytics/reports/<id>.csv|.json: a stored cleanup report as a file, for its owner only
// (another user's id answers 404 like a missing one).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { reportToCsv } from '@syncoxide/analytics';
import type { Caller } from '../accounts/scopes.js';
import type { CleanupService } from './cleanup.service.js';

export const REPORT_PATH = /^\/analytics\/reports\/([0-9a-fA-F-]{36})\.(csv|json)$/;

export async function downloadReport(
  cleanup: CleanupService,
  req: IncomingMessage,
  res: ServerResponse,
  caller: Caller,
  match: RegExpExecArray,
): Promise<void> {
  const format = match[2] === 'csv' ? 'csv' : 'json';
  const report = await cleanup.report(caller.userId, match[1]!);
  const body =
    format === 'csv'
      ? reportToCsv(report.items)
      : JSON.stringify({ ...report, createdAt: new Date(report.createdAt).toISOString() }, null, 2);
  const name = `syncoxide-${report.kind.replace('_', '-')}-${new Date(report.createdAt).toISOString().slice(0, 10)}.${format}`;
  res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'private, no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
