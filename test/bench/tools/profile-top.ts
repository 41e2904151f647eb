/**
 * `npx tsx test/bench/tools/profile-top.ts <file.cpuprofile> [n]`: where a process spent
 * its time (self time by package and by function, and inclusive time by function), to
 * explain a figure that misses its aim.
 */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [file, n = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [n]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);

const keyOf = (id: number): string => {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
};
const packageOf = (url: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return m ? m[1]! : url.startsWith('node:') ? 'node' : url ? 'app' : '(native)';
};
const add = (m: Map<string, number>, key: string, us: number) => m.set(key, (m.get(key) ?? 0) + us);

const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  add(byFunction, keyOf(id), us);
  add(byPackage, packageOf(byId.get(id)!.callFrame.url), us);
  // A sample counts once for every distinct function on its stack.
  const stack = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.add(keyOf(at));
  for (const key of stack) add(inclusive, key, us);
}
inclusive.delete('(root) :0');

const total = profile.endTime - profile.startTime;
const show = (title: string, m: Map<string, number>, k: number) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms)`);
  for (const [key, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, k)) console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${(100 * us / total).toFixed(1).padStart(5)}%  ${key}`);
};
show('self time by package', byPackage, 12);
show('self time by function', byFunction, Number(n));
show('inclusive time by function', inclusive, Number(n));
