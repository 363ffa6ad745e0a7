// CSV of a cleanup report (RFC 4180: quoted where needed, CRLF line ends). Cells that a
// spreadsheet would run as a formula are prefixed with a quote (CSV injection).
import type { CleanupItem } from './types.js';

const COLUMNS = [
  'nodeId',
  'remoteId',
  'kind',
  'path',
  'name',
  'size',
  'mtime',
  'md5',
  'revision',
  'group',
  'keep',
  'files',
  'reclaimableBytes',
] as const satisfies ReadonlyArray<keyof CleanupItem>;

function cell(value: unknown, column: string): string {
  if (value === null || value === undefined) return '';
  let text = column === 'mtime' ? new Date(value as number).toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function reportToCsv(items: CleanupItem[]): string {
  const lines = [COLUMNS.join(',')];
  for (const item of items) lines.push(COLUMNS.map((c) => cell(item[c], c)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
