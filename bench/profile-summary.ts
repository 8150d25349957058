import { readFileSync } from 'node:fs';

/**
 * Where a CPU profile's time goes: top functions by self and by total (inclusive) time, and
 * self time by area (a package in node_modules, a folder of ours, node internals).
 * Usage: node -r @swc-node/register bench/profile-summary.ts .bench/scan-json.cpuprofile [rows]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const [file, rowsArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const rows = Number(rowsArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, profile.timeDeltas[i] ?? 0)));
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/').replace(/^.*\/(apps|libs|bench)\//, '$1/');
const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
function area(n: ProfileNode): string {
  const url = n.callFrame.url;
  if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)';
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/((apps|libs)\/[^/]+\/src\/[^/]+)/.exec(url);
  if (ours) return ours[1];
  return url.startsWith('node:') ? 'node internals' : shortUrl(url);
}

const self = new Map<string, number>();
const areas = new Map<string, number>();
const total = new Map<string, number>();
function walk(id: number, onStack: Set<string>): number {
  const n = byId.get(id)!;
  const k = key(n);
  const mine = selfUs.get(id) ?? 0;
  self.set(k, (self.get(k) ?? 0) + mine);
  areas.set(area(n), (areas.get(area(n)) ?? 0) + mine);
  const nested = new Set(onStack).add(k);
  const inclusive = mine + (n.children ?? []).reduce((sum, child) => sum + walk(child, nested), 0);
  // A recursive function's time is counted once, at its outermost frame.
  if (!onStack.has(k)) total.set(k, (total.get(k) ?? 0) + inclusive);
  return inclusive;
}
walk(profile.nodes[0].id, new Set());

const table = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${k}`);
  }
};
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s sampled`);
table('self time by area', areas);
table('self time by function', self);
table('total (inclusive) time by function', total);
