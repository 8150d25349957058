import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../apps/api/src/create-app';
import { ApiClient } from '../../apps/cli/src/world';
import { HistoryQuery } from '@suyuan/audit/application/history.query';
import {
  decodeCursor,
  historyProjection,
  AUDIT_PAGE_SIZE,
  AUDIT_PAGES,
  AuditPageView,
  AuditSubjectView,
  AUDIT_SUBJECTS,
  pageId,
  subjectKey,
} from '@suyuan/audit';
import { AppConfig, loadConfig } from '@suyuan/platform/config';
import { batchProjection } from '@suyuan/production';
import { personsProjection, registryProjection } from '@suyuan/registry';
import { BENCH_ADMIN_KEY } from '../harness/children';
import { Figure, RESULTS_DIR, fmt, printFigures } from '../harness/report';
import { compare, httpLatency, ms } from '../harness/side-by-side';
import { bareHistory } from './bare-sql';
import { HistoryWorld, seedLot, seedShipments } from './seed';

/**
 * `npm run bench:history` (and the end of `npm run bench`): a page of 100 rows from the middle
 * of the audit history of a lot with 10,000 events (its own and its 3,333 cartons' shipments;
 * the app then runs with the history's read models and those its query reads, see seed.ts),
 * read through the history query (the index, the events, who recorded them, each rendered)
 * against a bare range query over the same rows in a plain better-sqlite3 table, in the same
 * process, in alternating rounds; the HTTP request beside it; and the lot's whole history
 * exported as CSV and as PDF once each. Knobs: BENCH_HISTORY_ROUNDS, BENCH_HISTORY_CALLS.
 */
const ROUNDS = Number(process.env.BENCH_HISTORY_ROUNDS ?? 5);
const CALLS = Number(process.env.BENCH_HISTORY_CALLS ?? 500);
const HTTP_CALLS = 200;
const LIMIT = 100;
const TARGET = 0.5;
const started = performance.now();

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'suyuan-bench-history-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY, LOG_LEVEL: 'silent' });
  const seedStart = performance.now();
  const world = await seedThroughApi(config);
  // The history's own read models, and what its query reads (organizations, facilities, batches).
  const running = await createApp(config, {
    readModels: { version: -1, projections: [registryProjection, personsProjection, batchProjection, historyProjection], indexes: [] },
  });
  try {
    await running.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = running.app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    await seedShipments(running.storage.events, world);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const docs = running.storage.readModels;
    const key = subjectKey('batch', world.lot);
    const head = (await docs.get<AuditSubjectView>(AUDIT_SUBJECTS, key))!;
    console.log(
      `seed: a lot with ${fmt(head.count)} events in its history: ${seedSeconds.toFixed(1)} s (the lot through the API, its shipments into the store)`,
    );

    const pages = await docs.getMany<AuditPageView>(
      Array.from({ length: Math.ceil(head.count / AUDIT_PAGE_SIZE) }, (_, p) => ({ collection: AUDIT_PAGES, id: pageId(key, p) })),
    );
    const positions = [...pages.values()].flatMap((page) => page!.entries.map((e) => e.position));
    const bare = bareHistory(running.storage.db, key, positions);
    const history = running.app.get(HistoryQuery);
    const actor = { organizationId: world.regulator.id, keyId: 'bench', role: 'regulator' };
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++)
      cursor = (await history.page(actor, { kind: 'batch', id: world.lot, limit: 500, cursor, filter: {} })).nextCursor;
    const after = decodeCursor(cursor!, 1).after;
    const ours = () => history.page(actor, { kind: 'batch', id: world.lot, limit: LIMIT, cursor, filter: {} });
    const sample = await ours();
    console.log(
      `a page: ${sample.rows.length} rows from position ${sample.rows[0].position}, ${fmt(JSON.stringify(sample).length)} bytes of JSON`,
    );

    const result = await compare('page of 100', 'history', ROUNDS, CALLS, ours, () => bare.page(after, LIMIT));
    const http = await httpLatency(
      `${url}/api/history/batch/${world.lot}?limit=${LIMIT}&cursor=${cursor}`,
      world.regulator.key,
      HTTP_CALLS,
    );
    const exports = {
      csv: await download(`${url}/api/history/batch/${world.lot}?format=csv`, world.regulator.key),
      pdf: await download(`${url}/api/history/batch/${world.lot}?format=pdf`, world.regulator.key),
    };
    for (const [name, e] of Object.entries(exports)) {
      console.log(
        `export ${name}: ${fmt(head.count > 10_000 ? 10_000 : head.count)} rows, ${fmt(e.bytes / 1024)} KB in ${ms(e.ms)}, first bytes after ${ms(e.firstByteMs)}`,
      );
    }
    const figures: Figure[] = [
      {
        figure: '9. history page ÷ bare SQL',
        text: result.ratio.toFixed(2),
        target: `≥ ${TARGET}`,
        met: result.ratio >= TARGET,
        failures: 0,
        note:
          `history p50 ${ms(result.ours.p50)} p99 ${ms(result.ours.p99)}, bare SQL p50 ${ms(result.bare.p50)} p99 ${ms(result.bare.p99)}; ` +
          `over HTTP p50 ${ms(http.p50)} p99 ${ms(http.p99)}; exports of ${fmt(head.count)} rows: CSV ${ms(exports.csv.ms)}, PDF ${ms(exports.pdf.ms)}`,
      },
    ];
    printFigures(figures);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, 'history.json'),
      `${JSON.stringify({ at: new Date().toISOString(), events: head.count, result, http, exports, figures }, null, 2)}\n`,
    );
    console.log(`\nresults in .bench/history.json (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The lot and its 3,333 cartons through the whole app's API, which is then closed. */
async function seedThroughApi(config: AppConfig): Promise<HistoryWorld> {
  const running = await createApp(config);
  try {
    await running.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = running.app.getHttpServer().address() as AddressInfo;
    return await seedLot(new ApiClient(`http://127.0.0.1:${port}`), BENCH_ADMIN_KEY);
  } finally {
    await running.close();
  }
}

/** One export read whole: how long until its first bytes and until its last. */
async function download(url: string, key: string) {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const reader = response.body!.getReader();
  let bytes = 0;
  let firstByteMs = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) firstByteMs = performance.now() - t0;
    bytes += value.length;
  }
  return { ms: performance.now() - t0, firstByteMs, bytes };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
