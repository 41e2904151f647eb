/**
 * One row per figure: ours, the baseline measured in the same run, their ratio, and
 * the aim it is held to. Printed as a table and written as JSON under bench-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Row {
  scenario: string;
  measure: string;
  unit: string;
  ours: number;
  /** The raw baseline of the same run; null where the figure has none (e.g. a count). */
  baseline: number | null;
  baselineName?: string;
  /** What "met" means, e.g. "ratio ≤ 1.2" or "≤ 6 KB". */
  aim?: string;
  met?: boolean;
  /** Extra figures kept in the JSON (per-run samples, spreads). */
  detail?: Record<string, unknown>;
}

export const ratioOf = (r: Row): number | null => (r.baseline ? r.ours / r.baseline : null);

const fmt = (n: number | null | undefined): string =>
  n == null || Number.isNaN(n) ? '–' : Number.isInteger(n) || Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

export function printTable(rows: Row[]): void {
  const header = ['scenario', 'measure', 'ours', 'baseline', 'ratio', 'aim', 'met'];
  const lines = rows.map((r) => [
    r.scenario, r.measure, `${fmt(r.ours)} ${r.unit}`,
    r.baseline == null ? '–' : `${fmt(r.baseline)} ${r.unit}${r.baselineName ? ` (${r.baselineName})` : ''}`,
    ratioOf(r) == null ? '–' : `${ratioOf(r)!.toFixed(2)}×`,
    r.aim ?? '', r.met == null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
}

export function machine() {
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
}

export function writeResults(rows: Row[], startedAt: Date, durationMs: number): string {
  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  const body = { startedAt: startedAt.toISOString(), durationMs, machine: machine(), rows: rows.map((r) => ({ ...r, ratio: ratioOf(r) })) };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  writeFileSync('bench-results/latest.json', `${JSON.stringify(body, null, 2)}\n`);
  return file;
}
