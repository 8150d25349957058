import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import {
  ApiClient,
  FACILITIES,
  ORGANIZATIONS,
  PRODUCTS,
  facilityBody,
  productBody,
  registerFacility,
  registerOrganization,
  registerProduct,
} from '../../apps/cli/src/world';
import { cjkFont, ItemLabel, itemLabelsPdf, LAYOUTS } from '@suyuan/labels';

import { BENCH_ADMIN_KEY } from '../harness/children';
import { withAppInProcess } from '../harness/in-process-app';
import { Figure, RESULTS_DIR, fmt, printFigures } from '../harness/report';
import { bareLabelsPdf } from './bare-loop';

/**
 * `npm run bench:labels` (and the end of `npm run bench`): item labels drawn by the app's own
 * renderer (`itemLabelsPdf`, A4 sheets of 40) as a ratio to a bare pdfkit + qrcode loop drawing
 * the same codes and text with the same font, in alternating rounds in one process; then one
 * print job of 10,000 labels through the API, its PDF downloaded as it streams: pages and
 * labels per second, and how far the server's memory rose. Knobs: BENCH_LABELS_ROUNDS, BENCH_LABELS_PER_ROUND.
 */
const ROUNDS = Number(process.env.BENCH_LABELS_ROUNDS ?? 5);
const PER_ROUND = Number(process.env.BENCH_LABELS_PER_ROUND ?? 1000);
const JOB = 10_000;
const TARGET = 0.7;
const started = performance.now();

async function main() {
  await withAppInProcess('labels', (_, url) => measure(new ApiClient(url)), { PUBLIC_BASE_URL: 'https://sy.lechang.example' });
}

/** The ratio of the renderers, then one streamed job of 10,000 labels through the API. */
async function measure(api: ApiClient) {
  const seedStart = performance.now();
  const world = await seed(api);
  console.log(
    `seed: one batch of ${fmt(JOB)} plums in two packings: ${((performance.now() - seedStart) / 1000).toFixed(1)} s through the API`,
  );

  const items = await allItems(api, world);
  const labels: ItemLabel[] = items.slice(0, PER_ROUND).map((item) => ({
    code: item.code,
    url: item.scanUrl,
    productName: '黄金柰李',
    grade: item.grade,
    lotCode: world.lotCode,
    netWeight: item.netWeight,
    cartonId: item.cartonId,
  }));
  const ratio = await compare(labels);

  const job = await streamedJob(api, world);
  const figures: Figure[] = [
    {
      figure: '7. label rendering ÷ bare pdfkit + qrcode',
      text: ratio.median.toFixed(2),
      target: `≥ ${TARGET}`,
      met: ratio.median >= TARGET,
      failures: 0,
      note: `rounds ${ratio.ratios.map((r) => r.toFixed(2)).join(', ')}; ours ${fmt(ratio.oursPerSecond)} labels/s, bare ${fmt(ratio.barePerSecond)} labels/s`,
    },
    {
      figure: `8. one job of ${fmt(JOB)} labels over HTTP, A4 pages/s`,
      text: job.pagesPerSecond.toFixed(1),
      target: '—',
      met: true,
      failures: job.failures,
      note: `${fmt(job.labelsPerSecond)} labels/s, ${fmt(job.pages)} pages, ${(job.bytes / 1e6).toFixed(1)} MB in ${job.seconds.toFixed(1)} s, first byte after ${job.firstByteMs.toFixed(0)} ms; process RSS +${fmt(job.rssRiseMb)} MB`,
    },
  ];
  printFigures(figures);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'labels.json'), `${JSON.stringify({ at: new Date().toISOString(), ratio, job, figures }, null, 2)}\n`);
  console.log(`\nresults in .bench/labels.json (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
}

interface World {
  packer: { id: string; key: string };
  batch: string;
  lotCode: string;
}

/** A plum cooperative's batch, handed to the packhouse, packed in two packings of 5,000 (the most one packing holds). */
async function seed(api: ApiClient): Promise<World> {
  const org = async (key: keyof typeof ORGANIZATIONS) => {
    const o = await registerOrganization(api.call, BENCH_ADMIN_KEY, ORGANIZATIONS[key], { label: 'bench' });
    return { id: o.id, key: o.apiKey };
  };
  const [coop, packer] = await Promise.all([org('plumCoop'), org('packhouse')]);
  const plot = (await registerFacility(api.call, coop.key, facilityBody(FACILITIES.plumPlot))).id;
  const packhouse = (await registerFacility(api.call, packer.key, facilityBody(FACILITIES.packhouse))).id;
  const plum = (await registerProduct(api.call, BENCH_ADMIN_KEY, productBody(PRODUCTS.plum, { gtin: true }))).id;
  const at = (hours: number) => new Date(Date.now() - 48 * 3_600_000 + hours * 3_600_000).toISOString();
  const batch = await api.post('/api/batches', coop.key, { productId: plum, farmPlotId: plot, lotCode: 'LC20260715A' });
  await api.post(`/api/batches/${batch.id}/harvests`, coop.key, { harvestedAt: at(0), quantity: { value: 30_000, unit: 'kg' } });
  const handover = await api.post(`/api/batches/${batch.id}/handovers`, coop.key, { toOrganizationId: packer.id, handedOverAt: at(1) });
  await api.post(`/api/batches/${batch.id}/handovers/${handover.id}/acceptance`, packer.key, { acceptedAt: at(1) });
  for (const grade of ['特级', '一级']) {
    await api.post(`/api/batches/${batch.id}/packing`, packer.key, {
      facilityId: packhouse,
      packedAt: at(2),
      lines: [{ grade, count: JOB / 2, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 20 }],
    });
  }
  return { packer, batch: batch.id, lotCode: batch.lotCode };
}

interface Item {
  code: string;
  scanUrl: string;
  grade: string;
  cartonId: string;
  netWeight: { value: number; unit: string };
}

async function allItems(api: ApiClient, world: World): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: Item[]; headers: Headers } = await api.call<Item[]>(
      'GET',
      `/api/batches/${world.batch}/items?limit=5000${cursor ? `&cursor=${cursor}` : ''}`,
      {
        key: world.packer.key,
      },
    );
    items.push(...page.body);
    cursor = page.headers.get('x-next-cursor');
  } while (cursor);
  return items;
}

/** Rounds of the same labels through each, the order swapped every round; the ratio is bare time over ours, the median of the rounds'. */
async function compare(labels: ItemLabel[]) {
  const font = cjkFont();
  const ours = async () => {
    let bytes = 0;
    for await (const chunk of itemLabelsPdf(labels, LAYOUTS['a4-4x10'], 'bench')) bytes += (chunk as Buffer).length;
    return bytes;
  };
  const bare = async () => (await bareLabelsPdf(labels, font)).length;
  await ours();
  await bare();
  const ratios: number[] = [];
  const seconds = { ours: 0, bare: 0 };
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
    const took: Record<string, number> = {};
    const sizes: Record<string, number> = {};
    for (const side of order) {
      const t = performance.now();
      sizes[side] = await (side === 'ours' ? ours() : bare());
      took[side] = (performance.now() - t) / 1000;
      seconds[side] += took[side];
    }
    ratios.push(took.bare / took.ours);
    console.log(
      `  round ${round}: ours ${fmt(labels.length / took.ours)} labels/s (${fmt(sizes.ours / 1024)} KB), ` +
        `bare ${fmt(labels.length / took.bare)} labels/s (${fmt(sizes.bare / 1024)} KB), ratio ${ratios[ratios.length - 1].toFixed(2)}`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    ratios,
    oursPerSecond: (labels.length * ROUNDS) / seconds.ours,
    barePerSecond: (labels.length * ROUNDS) / seconds.bare,
  };
}

/** The whole batch as one print job, its PDF read as it streams. */
async function streamedJob(api: ApiClient, world: World) {
  const job = await api.post(`/api/batches/${world.batch}/label-jobs`, world.packer.key, { format: 'pdf', layout: 'a4-4x10' });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const t = performance.now();
  const response = await fetch(`${api.baseUrl}${job.file}`, { headers: { authorization: `Bearer ${world.packer.key}` } });
  let firstByteMs = 0;
  let bytes = 0;
  for await (const chunk of Readable.fromWeb(response.body as never)) {
    if (bytes === 0) firstByteMs = performance.now() - t;
    bytes += (chunk as Buffer).length;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t) / 1000;
  const pages = Math.ceil(job.labelCount / 40);
  const ok = response.status === 200 && job.labelCount === JOB;
  console.log(`job ${job.id}: ${fmt(job.labelCount)} labels, ${fmt(pages)} pages, ${fmt(bytes)} bytes in ${seconds.toFixed(1)} s`);
  return {
    labels: job.labelCount,
    pages,
    bytes,
    seconds,
    firstByteMs,
    pagesPerSecond: pages / seconds,
    labelsPerSecond: job.labelCount / seconds,
    rssRiseMb: (rssPeak - rssBefore) / 1024 / 1024,
    failures: ok ? 0 : 1,
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
