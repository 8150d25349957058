import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DemoSummary, runDemo } from './demo/run-demo';

const USAGE = `usage: npm run demo -- [--out FILE] [--run-id ID]
  --out FILE     where to write the world as JSON (default ./demo.json)
  --run-id ID    replay an earlier run's requests (finish a half-built world) instead of building a new one
environment:
  SUYUAN_URL        the running server (default http://localhost:3000)
  SUYUAN_ADMIN_KEY  the administrator key; else read from \${DATA_DIR:-./data}/admin.key`;

function parseArgs(argv: string[]): { out: string; runId?: string } {
  const options: { out: string; runId?: string } = { out: './demo.json' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (!v) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--out') options.out = value();
    else if (flag === '--run-id') options.runId = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  return options;
}

function adminKey(): { key: string; source: string } {
  if (process.env.SUYUAN_ADMIN_KEY) return { key: process.env.SUYUAN_ADMIN_KEY, source: 'env SUYUAN_ADMIN_KEY' };
  const file = resolve(join(process.env.DATA_DIR || './data', 'admin.key'));
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), source: file };
  throw new Error(`no administrator key: set SUYUAN_ADMIN_KEY, or DATA_DIR to the server's data directory (${file} does not exist)`);
}

function print(s: DemoSummary, out: string): void {
  const items = s.batches.reduce((n, b) => n + b.itemCount, 0);
  const cartons = s.batches.reduce((n, b) => n + b.cartonCount, 0);
  const { coldChainExcursion: hot, failedTest: failed } = s.anomalies;
  const { hold, recall } = s;
  const lines = [
    `Suyuan demo world ${s.runId} on ${s.baseUrl}, built in ${(s.elapsedMs / 1000).toFixed(1)} s (world time up to ${s.worldEnd})`,
    `  ${s.organizations.length} organizations, ${s.facilities.length} facilities, ${s.products.length} products, ` +
      `${s.batches.length} batches (${items} items in ${cartons} cartons), ${s.shipments.length} shipment legs, ` +
      `${s.coldChain.readings} cold-chain readings from ${s.coldChain.loggers} loggers`,
    '  batches:',
    ...s.batches.map((b) => `    ${b.status.padEnd(10)} ${b.product} ${b.lotCode} (${b.itemCount} items) — ${b.story}`),
    '  anomalies:',
    `    cold-chain excursion: ${hot.lotCode} on ${hot.plate} (${hot.leg}), ${hot.minutes} min up to ${hot.maxC} °C, ` +
      `range ${hot.transportRange.minC}–${hot.transportRange.maxC} °C`,
    `    failed test: ${failed.lotCode}, ${failed.standardRef} ${failed.value} ${failed.unit} ≥ ${failed.threshold} ${failed.unit} → not passed`,
    `    failed spot check (抽检) ${hold.spotCheckId}: lot ${hold.lotCode} held from sale (暂停销售) — ${hold.reason}`,
    `      its page: ${hold.scanUrls[0]}`,
    `    recall (召回) ${recall.id}, level ${recall.class}: lot ${recall.lotCode} — ${recall.progress.returned} units returned, ` +
      `${recall.progress.located} still at 九峰镇服务站, ${recall.progress.delivered} sold at 茶料村 — ${recall.reason}`,
    `      its page: ${recall.scanUrls[0]}`,
    '  compliance with the sample trading standards (GET /api/compliance/batches/<id>):',
    ...s.batches.map((b) => {
      const c = b.compliance;
      if (!c) return `    ${b.lotCode}: no standard in force`;
      const brand = c.brand ? `, brand label ${c.brand}` : '';
      return `    ${c.status.padEnd(13)} ${b.lotCode} under ${c.standard} v${c.version}${c.violated.length ? ` — violated: ${c.violated.join(', ')}` : ''}${brand}`;
    }),
    '  the four cases on their scan pages:',
    `    compliant:                  ${s.compliance.compliant.scanUrl}`,
    `    non-compliant, cold chain:  ${s.compliance.coldChainViolation.scanUrl}`,
    `    held, failed test:          ${s.compliance.failedTest.scanUrl}`,
    `    brand-certified (乐昌农品):  ${s.compliance.brandCertified.scanUrl}`,
    ...(s.compliance.brandWithdrawn ? [`    brand label withdrawn:      ${s.compliance.brandWithdrawn.scanUrl}`] : []),
    '  processed (POST /api/transformations; yield = outputs’ weight over inputs’):',
    ...s.processed.map((p) => `    ${p.product} ${p.lotCode} (${p.itemCount} items, yield ${p.yieldPct} %) — ${p.story}`),
    `  a processed item, its origins and process on its page: ${s.processed[0].scanUrls[0]}`,
    '  scan one item of each batch (HTML; add -H "Accept: application/json" for JSON):',
    ...s.batches.map((b) => {
      const note = b.id === hot.batchId ? '  ← cold-chain excursion' : b.id === failed.batchId ? '  ← failed test' : '';
      return `    [${b.status}] ${b.scanUrls[0]}${note}`;
    }),
    `  written to ${out} (it holds every organization's API key: keep it private)`,
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const { out, runId } = parseArgs(process.argv.slice(2));
  const { key, source } = adminKey();
  const baseUrl = process.env.SUYUAN_URL || 'http://localhost:3000';
  const summary = await runDemo({ baseUrl, adminKey: key, adminKeySource: source, out, runId });
  print(summary, out);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
