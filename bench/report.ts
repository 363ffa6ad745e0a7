// Shared output of every benchmark: a readable table, then the machine-readable last line
// `{"bench", "size", "figures", "ratios"}`. A time ratio is ours / the peer's (below 1: faster).
import { parseArgs } from 'node:util';

export function benchArgs(args: string[], defaults: { size: number }) {
  const { values } = parseArgs({ args, options: { size: { type: 'string' } }, strict: false });
  const size = values.size === undefined ? defaults.size : Number(values.size);
  if (!Number.isFinite(size) || size <= 0)
    throw new Error(`--size must be a positive number, got ${values.size}`);
  return { size, values };
}

export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const cells = [cols, ...rows.map((r) => cols.map((c) => fmt(r[c])))];
  const widths = cols.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  for (const [n, r] of cells.entries()) {
    console.log(r.map((c, i) => String(c).padEnd(widths[i]!)).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function fmt(v: string | number | undefined): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 3 : 1);
  return v ?? '';
}

export function printResult(
  bench: string,
  size: number,
  figures: Record<string, number>,
  ratios: Record<string, number> = {},
): void {
  console.log(JSON.stringify({ bench, size, figures, ratios }));
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
