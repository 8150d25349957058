import { ApiClient, Call } from '../apps/cli/src/world';
import { expectOk } from './support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

const T = (hhmm: string, day = 15) => `2026-07-${day}T${hhmm}:00+08:00`;

/** A failed pesticide test stopped nothing: the batch was still certified, packed and dispatched, its page promising 残留不超标. */
describe('a failed safety test holds the batch until a lab overturns it', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call, { gtin: true });
  });
  afterAll(() => app.close());

  const post = (path: string, key: string, body: unknown) => call('POST', path, { key, body });
  const rapidTest = (batchId: string, inhibitionPct: number, at: string) =>
    post(`/api/batches/${batchId}/quality-tests`, w.lab.key, {
      method: 'pesticide_residue_rapid_test',
      standardRef: 'GB/T 5009.199-2003',
      sampleId: `S-${at.slice(11, 16)}`,
      testedAt: at,
      value: inhibitionPct,
      unit: '%',
      threshold: 50,
    });
  const confirmatory = (batchId: string, key: string, mgPerKg: number, at: string) =>
    post(`/api/batches/${batchId}/quality-tests`, key, {
      method: 'pesticide_residue_chromatography',
      standardRef: 'GB 2763-2021',
      analyte: 'imidacloprid',
      sampleId: `S-C-${at.slice(11, 16)}`,
      testedAt: at,
      value: mgPerKg,
      unit: 'mg/kg',
      threshold: 0.5,
    });
  const dispatch = (cartonIds: string[], at: string) =>
    post('/api/shipments', w.packer.key, {
      fromFacilityId: w.packhouse,
      toFacilityId: w.hub,
      vehicleId: w.truck,
      cartonIds,
      dispatchedAt: at,
    });

  it('refuses the certificate and the packing of a batch that failed before either', async () => {
    const id = await harvestedBatch(call, w);
    const failed = await expectOk(rapidTest(id, 62, T('09:00')));
    expect(failed).toMatchObject({ held: true, holds: [expect.objectContaining({ family: 'pesticide' })] });

    const certificate = await post(`/api/batches/${id}/certificate`, w.coop.key, {
      quantity: { value: 100, unit: 'kg' },
      basis: ['self_tested'],
      issuedAt: T('10:00'),
    });
    expect(certificate).toMatchObject({ status: 409, body: { code: 'batch_held' } });
    const packing = await call('POST', `/api/batches/${id}/packing`, {
      key: w.packer.key,
      body: {
        facilityId: w.packhouse,
        packedAt: T('11:00'),
        lines: [{ grade: '特级', count: 4, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 4 }],
      },
    });
    expect(packing).toMatchObject({ status: 409, body: { code: 'batch_held' } });
    const batch = await expectOk(call('GET', `/api/batches/${id}`, { key: w.coop.key }));
    expect(batch).toMatchObject({ itemCount: 0, held: true });
    expect(batch.certificate).toBeUndefined();
  });

  it('withdraws a certificate issued before the failure, stops the dispatch, and says so on the page until a lab’s confirmation lifts it', async () => {
    const id = await harvestedBatch(call, w);
    const packing = await pack(call, w, id, 8, 4);
    await expectOk(
      post(`/api/batches/${id}/certificate`, w.coop.key, {
        quantity: { value: 20, unit: 'kg' },
        basis: ['self_tested'],
        issuedAt: T('11:30'),
      }),
    );
    const cartons = packing.cartons.map((c: { cartonId: string }) => c.cartonId);
    const code = packing.items[0].code;

    const held = await expectOk(rapidTest(id, 62, T('12:00')));
    expect(held.held).toBe(true);
    expect(held.certificate.withdrawnAt).toBeDefined();

    expect(await dispatch(cartons, T('13:00'))).toMatchObject({ status: 409, body: { code: 'batch_held' } });
    expect(await expectOk(call('GET', `/api/cartons/${cartons[0]}`, { key: w.packer.key }))).toMatchObject({ status: 'packed' });

    const page = await call('GET', `/t/${code}`, { headers: { accept: 'text/html' } });
    expect(page.body).toContain('本批次已暂停销售');
    expect(page.body).toContain('农药残留快速检测不合格');
    expect(page.body).toContain('本合格证已撤回');
    expect(page.body).not.toContain('残留不超标');
    const scan = await expectOk(call('GET', `/t/${code}`));
    expect(scan.hold).toMatchObject({
      failed: [expect.objectContaining({ method: 'pesticide_residue_rapid_test', passed: false, value: 62 })],
    });

    // Another passing rapid test, or the cooperative's own chromatography, does not lift it.
    expect((await expectOk(rapidTest(id, 20, T('14:00')))).held).toBe(true);
    expect((await expectOk(confirmatory(id, w.coop.key, 0.02, T('15:00')))).held).toBe(true);
    expect(await dispatch(cartons, T('15:30'))).toMatchObject({ status: 409, body: { code: 'batch_held' } });

    const lifted = await expectOk(confirmatory(id, w.lab.key, 0.02, T('16:00')));
    expect(lifted.held).toBe(false);
    expect(lifted.holds[0]).toMatchObject({ liftedAt: expect.any(String) });
    expect(lifted.certificate.withdrawnAt).toBeUndefined();
    expect((await dispatch(cartons, T('17:00'))).status).toBe(201);
    const cleared = await call('GET', `/t/${code}`, { headers: { accept: 'text/html' } });
    expect(cleared.body).not.toContain('本批次已暂停销售');
    expect(cleared.body).toContain('残留不超标');
  });

  it('keeps the hold when the confirmatory test confirms the failure', async () => {
    const id = await harvestedBatch(call, w);
    await expectOk(rapidTest(id, 70, T('09:00')));
    const confirmed = await expectOk(confirmatory(id, w.lab.key, 1.8, T('15:00')));
    expect(confirmed.held).toBe(true);
    expect(confirmed.tests.at(-1)).toMatchObject({ passed: false });
  });
});
