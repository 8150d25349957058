import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** A V8 CPU profile (.cpuprofile) added up per function: self and inclusive µs, and self µs per area. */
export interface ProfileTotals {
  totalUs: number;
  self: Map<string, number>;
  total: Map<string, number>;
  areas: Map<string, number>;
}

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '~/')
    .replace(/^.*\/(apps|libs|bench)\//, '$1/');
const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

/** A package in node_modules, a folder of ours, node internals. */
function area(n: ProfileNode): string {
  const url = n.callFrame.url;
  if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)';
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/((apps|libs)\/[^/]+\/src\/[^/]+)/.exec(url);
  if (ours) return ours[1];
  return url.startsWith('node:') ? 'node internals' : shortUrl(url);
}

export function readProfile(file: string): ProfileTotals {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, profile.timeDeltas[i] ?? 0)));
  const totals: ProfileTotals = {
    totalUs: [...selfUs.values()].reduce((a, b) => a + b, 0),
    self: new Map(),
    total: new Map(),
    areas: new Map(),
  };
  const walk = (id: number, onStack: Set<string>): number => {
    const n = byId.get(id)!;
    const k = key(n);
    const mine = selfUs.get(id) ?? 0;
    totals.self.set(k, (totals.self.get(k) ?? 0) + mine);
    totals.areas.set(area(n), (totals.areas.get(area(n)) ?? 0) + mine);
    const nested = new Set(onStack).add(k);
    const inclusive = mine + (n.children ?? []).reduce((sum, child) => sum + walk(child, nested), 0);
    // A recursive function's time is counted once, at its outermost frame.
    if (!onStack.has(k)) totals.total.set(k, (totals.total.get(k) ?? 0) + inclusive);
    return inclusive;
  };
  walk(profile.nodes[0].id, new Set());
  return totals;
}
