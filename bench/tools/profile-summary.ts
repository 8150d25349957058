import { readProfile } from './cpu-profile';

/**
 * Where a CPU profile's time goes: top functions by self and by total (inclusive) time, and
 * self time by area (a package in node_modules, a folder of ours, node internals).
 * Usage: node -r @swc-node/register bench/tools/profile-summary.ts .bench/suyuan-json.cpuprofile [rows]
 */
const [file, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 25);
const { totalUs, self, total, areas } = readProfile(file);

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
