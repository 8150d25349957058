import Database from 'better-sqlite3';
import { readModelSchema } from '../apps/api/src/read-models';
import { catchUp } from '@suyuan/readmodels/projector';
import { SqliteDocumentStore } from '@suyuan/readmodels/sqlite/sqlite-document-store';
import { ApiClient, Call, PRODUCTS, productBody, registerProduct } from '../apps/cli/src/world';
import { expectOk, registerCountyFacility, registerCountyOrg } from './support/fixtures';
import { publishPlumStandard } from './support/standards';
import { SmallWorld, handOver, harvestedBatch, pack, smallWorld } from './support/small-world';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';
import { workerFile } from '@suyuan/platform/storage/embedded-storage';
import { join } from 'node:path';

const workerFileOf = (app: TestApp) => workerFile(join(app.dataDir, 'suyuan.db'));

type Row = { collection: string; id: string; doc: string };
/** Documents compared as data: key order inside a JSON text is not part of a document. */
const allDocuments = (db: Database.Database) =>
  (db.prepare('SELECT collection, id, doc FROM documents ORDER BY collection, id').all() as Row[]).map((r) => ({
    ...r,
    doc: JSON.parse(r.doc),
  }));

describe('read models rebuilt from position 0', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;

  beforeAll(async () => {
    app = await startTestApp({ projector: 'worker' });
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    // With a standard in force the compliance projection keeps windows, alerts and aggregates too.
    await publishPlumStandard(call, await registerCountyOrg(call, 'eCommerce'), w.plum);
  });
  afterAll(() => app.close());

  it('produce exactly the documents the live run produced, inline and on the projector worker', async () => {
    const certify = (batchId: string) =>
      expectOk(
        call('POST', `/api/batches/${batchId}/certificate`, {
          key: w.coop.key,
          body: { quantity: { value: 50, unit: 'kg' }, basis: ['self_tested'] },
        }),
      );
    const batchIds: string[] = [];
    for (let n = 0; n < 3; n++) {
      const batchId = await harvestedBatch(call, w);
      batchIds.push(batchId);
      // The first batch's 承诺达标合格证 is on record before it leaves, the second's only after.
      if (n === 0) await certify(batchId);
      const packing = await pack(call, w, batchId, 12, 4);
      const cartons = packing.cartons.map((c: { cartonId: string }) => c.cartonId);
      // A torn label voided and its bag given a new code, whose label is lost in turn: the items' documents change too.
      if (n === 0) {
        const voidCode = (code: string, body: Record<string, unknown>) =>
          expectOk(call('POST', `/api/batches/${batchId}/items/${code}/void`, { key: w.packer.key, body }));
        const { replacement } = await voidCode(packing.items[0].code, { reason: 'damaged', replace: true });
        await voidCode(replacement.code, { reason: 'lost' });
      }
      const leg = await expectOk(
        call('POST', '/api/shipments', {
          key: w.packer.key,
          body: {
            fromFacilityId: w.packhouse,
            toFacilityId: w.hub,
            cartonIds: cartons.slice(0, 2),
            dispatchedAt: '2026-07-15T12:00:00+08:00',
            vehicleId: w.truck,
          },
        }),
      );
      if (n === 1) await certify(batchId);
      await expectOk(
        call('POST', `/api/shipments/${leg.id}/receipt`, {
          key: w.carrier.key,
          body: { facilityId: w.hub, receivedAt: '2026-07-15T13:00:00+08:00', condition: 'intact' },
        }),
      );
      await expectOk(
        call('POST', '/api/cold-chain/readings', {
          key: w.carrier.key,
          body: {
            facilityId: w.truck,
            deviceId: `TL-${n}`,
            readings: ['00', '10', '20', '30', '40'].map((m) => ({ at: `2026-07-15T12:${m}:00+08:00`, temperatureC: n === 2 ? 7 : 2 })),
          },
        }),
      );
    }
    // A regulator holds a lot and releases it, holds a carton on its own stream, and a failed spot check holds another lot.
    const regulator = await registerCountyOrg(call, 'regulator');
    const regulate = (path: string, body: Record<string, unknown>, key = regulator.key) => expectOk(call('POST', path, { key, body }));
    await regulate('/api/holds', { batchId: batchIds[0], reason: '抽检不合格，待复检' });
    await regulate('/api/holds/release', { batchId: batchIds[0], reason: '复检合格' });
    const items = await expectOk(call('GET', `/api/batches/${batchIds[1]}/items`, { key: w.coop.key }));
    await regulate('/api/holds', { cartonId: items[0].cartonId, reason: '标签信息与实物不符' });
    const check = await regulate('/api/spot-checks', {
      batchId: batchIds[2],
      place: '县级物流中心',
      sampledBy: '李明',
      sampledAt: '2026-07-15T14:00:00+08:00',
    });
    await regulate(`/api/spot-checks/${check.id}/result`, { passed: false, testedAt: '2026-07-15T16:00:00+08:00' }, w.lab.key);
    // A processor dries one batch into another lot: the family tree and the transformation are read models too.
    const factory = await registerCountyOrg(call, 'teaFactory');
    const plant = await registerCountyFacility(call, factory, 'teaFactory');
    const { id: dried } = await registerProduct(call, ADMIN_KEY, {
      ...productBody(PRODUCTS.plum, { gtin: false, madeFrom: [w.plum] }),
      nameZh: '李干',
    });
    const { id: picked } = await expectOk(
      call('POST', '/api/batches', { key: w.coop.key, body: { productId: w.plum, farmPlotId: w.plot } }),
    );
    await expectOk(
      call('POST', `/api/batches/${picked}/harvests`, {
        key: w.coop.key,
        body: { harvestedAt: '2026-07-15T06:00:00+08:00', quantity: { value: 400, unit: 'kg' } },
      }),
    );
    await handOver(call, picked, w.coop, factory, '2026-07-15T08:00:00+08:00');
    await expectOk(
      call('POST', '/api/transformations', {
        key: factory.key,
        body: {
          plantId: plant,
          process: 'drying',
          startedAt: '2026-07-15T09:00:00+08:00',
          endedAt: '2026-07-15T18:00:00+08:00',
          inputs: [{ batchId: picked, whole: true }],
          outputs: [{ productId: dried, quantity: { value: 100, unit: 'kg' } }],
        },
      }),
    );
    // The standards and compliance projections ran on the projector worker, into its own file.
    const { worker } = app.running.storage;
    await worker!.caughtUp();
    const workerFile = new Database(workerFileOf(app), { readonly: true });
    const offThread = new Set(readModelSchema.offThread!.collections);
    const fromWorker = allDocuments(workerFile);
    workerFile.close();
    const byKey = (a: Row, b: Row) => (a.collection === b.collection ? (a.id < b.id ? -1 : 1) : a.collection < b.collection ? -1 : 1);
    const live = [...allDocuments(app.running.storage.db), ...fromWorker.filter((d) => offThread.has(d.collection))].sort(byKey);
    // Its copies of what compliance reads agree with the main file's documents (a carton's only as far as its batch).
    const mainDocs = new Map(allDocuments(app.running.storage.db).map((d) => [`${d.collection}/${d.id}`, d]));
    const copies = fromWorker.filter((d) => !offThread.has(d.collection));
    expect(new Set(copies.map((d) => d.collection))).toEqual(
      new Set(['apiKeys', 'cartons', 'coldchain', 'coldchainHours', 'facilities', 'organizations', 'products']),
    );
    for (const copy of copies) expect(mainDocs.get(`${copy.collection}/${copy.id}`)).toMatchObject(copy);
    const collections = new Set(live.map((d) => d.collection));
    const expected = ['compliance', 'coldWindows', 'coldWindowsOpen', 'coldWindowsClosed', 'alerts', 'complianceStats', 'standards'];
    const massBalance = ['massBalance', 'massBalanceLots', 'massBalanceCartons', 'massBalancePlots'];
    const trace = ['lineage', 'transformations', 'traceSteps', 'traceKeys', 'traceCartons', 'traceShipments'];
    const holds = ['saleHolds', 'spotChecks'];
    for (const c of [...expected, ...massBalance, ...trace, ...holds]) expect([c, collections.has(c)]).toEqual([c, true]);
    expect(live.length).toBeGreaterThan(50);

    const fresh = new Database(':memory:');
    const docs = new SqliteDocumentStore(fresh, readModelSchema.indexes);
    await catchUp(app.running.storage.events, docs, readModelSchema.projections, 'rebuild');
    const rebuilt = allDocuments(fresh);
    expect(rebuilt).toEqual(live);
    const violated = (batchId: string) =>
      (rebuilt.find((d) => d.collection === 'compliance' && d.id === batchId)!.doc as { violated: string[] }).violated;
    expect(violated(batchIds[0])).not.toContain('certificates');
    expect(violated(batchIds[1])).toContain('certificates');
    fresh.close();
  });
});
