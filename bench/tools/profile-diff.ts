import { readProfile } from './cpu-profile';

/**
 * What one server spends per unit of work beyond another: two CPU profiles of the same load
 * (as `BENCH_PROFILE=1 npm run bench:compliance` writes them, with the units each did), in ms
 * per unit, the functions whose time differs most first. Shares of one profile hide this:
 * the faster server's shares are of a smaller whole.
 * Usage: node -r @swc-node/register bench/tools/profile-diff.ts .bench/compliance-lifecycles-with.cpuprofile 171 \
 *          .bench/compliance-lifecycles-without.cpuprofile 219 [rows]
 */
const [fileA, unitsA, fileB, unitsB, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 30);
const a = readProfile(fileA);
const b = readProfile(fileB);
const perUnit = (units: string) => (us: number | undefined) => (us ?? 0) / 1000 / Number(units);
const msA = perUnit(unitsA);
const msB = perUnit(unitsB);

const table = (title: string, ma: Map<string, number>, mb: Map<string, number>) => {
  console.log(`\n${title}   (A, B, A − B in ms per unit)`);
  const keys = [...new Set([...ma.keys(), ...mb.keys()])].sort(
    (x, y) => msA(ma.get(y)) - msB(mb.get(y)) - (msA(ma.get(x)) - msB(mb.get(x))),
  );
  for (const k of keys.slice(0, rows)) {
    const [x, y] = [msA(ma.get(k)), msB(mb.get(k))];
    console.log(
      `${x.toFixed(2).padStart(7)} ${y.toFixed(2).padStart(7)} ${(x - y >= 0 ? '+' : '') + (x - y).toFixed(2).padStart(6)}  ${k}`,
    );
  }
};
console.log(`A ${fileA}: ${msA(a.totalUs).toFixed(1)} ms per unit; B ${fileB}: ${msB(b.totalUs).toFixed(1)} ms per unit`);
table('self time by area', a.areas, b.areas);
table('self time by function', a.self, b.self);
table('total (inclusive) time by function', a.total, b.total);
