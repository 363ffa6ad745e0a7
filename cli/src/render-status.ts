// Plain-text table for `syncoxide status`; pure so it can be unit-tested.
export interface StatusReport {
  status: 'ok' | 'degraded' | 'down';
  engines: Record<string, { ok: boolean; version?: string; error?: string }>;
  gateway: { ok: boolean; url: string; status: string; error?: string };
}

export function renderStatus(report: StatusReport): string {
  const rows: string[][] = [['COMPONENT', 'STATE', 'DETAIL']];
  for (const [name, e] of Object.entries(report.engines)) {
    rows.push([name, e.ok ? 'up' : 'DOWN', e.ok ? (e.version ?? '') : (e.error ?? 'unreachable')]);
  }
  const g = report.gateway;
  rows.push([
    'gateway',
    g.ok ? 'up' : 'DOWN',
    g.ok ? `${g.url} (${g.status})` : `${g.url}: ${g.error ?? g.status}`,
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n\noverall: ${report.status}${g.ok ? '' : ' (gateway not running)'}\n`;
}
