/**
 * `npx tsx test/bench/tools/heap-diff.ts <before.heapsnapshot> <after.heapsnapshot> [per]`:
 * what the objects added between two snapshots are (self size by constructor), divided
 * by `per` (e.g. the number of connections added) to read bytes per connection.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function bySelfSize(file: string): Map<string, { count: number; size: number }> {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const types = s.snapshot.meta.node_types[0];
  const out = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + typeAt]!]!;
    const name = type === 'object' || type === 'closure' || type === 'native' ? s.strings[s.nodes[i + nameAt]!]! : `(${type})`;
    const key = `${type === 'closure' ? 'closure ' : ''}${name}`.slice(0, 80);
    const e = out.get(key) ?? { count: 0, size: 0 };
    e.count++;
    e.size += s.nodes[i + sizeAt]!;
    out.set(key, e);
  }
  return out;
}

const [beforeFile, afterFile, perArg = '1'] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error('usage: heap-diff.ts <before> <after> [per]');
const per = Number(perArg);
const before = bySelfSize(beforeFile);
const after = bySelfSize(afterFile);
const rows = [...after].map(([key, a]) => {
  const b = before.get(key) ?? { count: 0, size: 0 };
  return { key, count: (a.count - b.count) / per, bytes: (a.size - b.size) / per };
}).sort((x, y) => y.bytes - x.bytes);
const total = rows.reduce((t, r) => t + r.bytes, 0);
console.log(`${total.toFixed(0)} bytes per unit in all (self sizes)`);
for (const r of rows.slice(0, 40)) console.log(`${r.bytes.toFixed(0).padStart(8)} B  ${r.count.toFixed(2).padStart(7)} ×  ${r.key}`);
