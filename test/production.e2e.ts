import { ApiClient, Call } from '../apps/cli/src/world';
import { expectOk } from './support/fixtures';
import { SmallWorld, handOver, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

describe('production over HTTP: a batch from plot to packed items', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call, { gtin: true });
  });
  afterAll(() => app.close());

  it('records every step and shows it on the batch', async () => {
    const batch = await expectOk(
      call('POST', '/api/batches', { key: w.coop.key, body: { productId: w.plum, farmPlotId: w.plot, lotCode: 'LC20260715A' } }),
    );
    expect(batch).toMatchObject({ lotCode: 'LC20260715A', status: 'registered', product: { nameZh: '黄金柰李' } });
    const id = batch.id;
    await expectOk(
      call('POST', `/api/batches/${id}/farm-inputs`, {
        key: w.coop.key,
        body: {
          inputName: '吡虫啉可湿性粉剂',
          activeIngredient: 'imidacloprid',
          kind: 'pesticide',
          dose: { value: 30, unit: 'g' },
          appliedAt: '2026-06-20T08:00:00+08:00',
          safetyIntervalDays: 14,
        },
      }),
    );
    await expectOk(
      call('POST', `/api/batches/${id}/harvests`, {
        key: w.coop.key,
        body: { harvestedAt: '2026-07-15T06:00:00+08:00', quantity: { value: 800, unit: 'kg' } },
      }),
    );
    await handOver(call, id, w.coop, w.packer, '2026-07-15T07:00:00+08:00');
    await expectOk(
      call('POST', `/api/batches/${id}/pre-cooling`, {
        key: w.packer.key,
        body: {
          facilityId: w.packhouse,
          startedAt: '2026-07-15T07:30:00+08:00',
          endedAt: '2026-07-15T09:30:00+08:00',
          coreTemperatureC: 4.5,
        },
      }),
    );
    const tested = await expectOk(
      call('POST', `/api/batches/${id}/quality-tests`, {
        key: w.lab.key,
        body: {
          method: 'pesticide_residue_rapid_test',
          standardRef: 'GB/T 5009.199-2003',
          sampleId: 'S-0715-01',
          testedAt: '2026-07-15T09:00:00+08:00',
          value: 12.5,
          unit: '%',
          threshold: 50,
        },
      }),
    );
    expect(tested.tests[0]).toMatchObject({ passed: true, labName: '乐昌市农产品质量安全检测中心' });
    await expectOk(
      call('POST', `/api/batches/${id}/grading`, {
        key: w.packer.key,
        body: {
          facilityId: w.packhouse,
          gradedAt: '2026-07-15T10:00:00+08:00',
          classes: [
            { grade: '特级', quantity: { value: 500, unit: 'kg' }, attributes: { diameterMm: 45, brix: 14.5 } },
            { grade: '一级', quantity: { value: 280, unit: 'kg' }, attributes: { diameterMm: 40, brix: 13 } },
          ],
        },
      }),
    );
    const packing = await pack(call, w, id, 25, 10);
    expect(packing.items).toHaveLength(25);
    expect(packing.cartons.map((c: { itemCount: number }) => c.itemCount)).toEqual([10, 10, 5]);
    expect(packing.items[0].scanUrl).toBe(`${app.baseUrl}/01/06901234567892/10/LC20260715A/21/${packing.items[0].code}`);
    expect(new Set(packing.items.map((i: { code: string }) => i.code)).size).toBe(25);
    const certified = await expectOk(
      call('POST', `/api/batches/${id}/certificate`, {
        key: w.coop.key,
        body: { quantity: { value: 62.5, unit: 'kg' }, basis: ['self_tested', 'commissioned_test'], issuedAt: '2026-07-15T11:30:00+08:00' },
      }),
    );
    expect(certified.certificate).toMatchObject({ productName: '黄金柰李', producerName: '乐昌市北乡黄金柰李专业合作社' });
    expect(certified.certificate.origin).toContain('乐昌市北乡镇北乡村');
    expect(certified).toMatchObject({ status: 'packed', itemCount: 25 });
    const items = await expectOk(call('GET', `/api/batches/${id}/items`, { key: w.coop.key }));
    expect(items).toHaveLength(25);

    const pages: { code: string }[][] = [];
    let cursor: string | undefined;
    do {
      const page = await call('GET', `/api/batches/${id}/items?limit=10${cursor ? `&cursor=${cursor}` : ''}`, { key: w.coop.key });
      expect(page.status).toBe(200);
      pages.push(page.body);
      cursor = page.headers.get('x-next-cursor') ?? undefined;
      if (cursor) expect(page.headers.get('link')).toBe(`</api/batches/${id}/items?limit=10&cursor=${cursor}>; rel="next"`);
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    const paged = pages.flat().map((i) => i.code);
    expect(paged).toEqual([...paged].sort());
    expect(new Set(paged)).toEqual(new Set(items.map((i: { code: string }) => i.code)));
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=5001', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=not-a-code', 'cursor'],
    ]) {
      const refused = await call('GET', `/api/batches/${id}/items?${query}`, { key: w.coop.key });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toMatchObject({ field });
    }
  });

  it('refuses to pack a batch that was never harvested (409), and writes nothing', async () => {
    const batch = await expectOk(call('POST', '/api/batches', { key: w.coop.key, body: { productId: w.plum, farmPlotId: w.plot } }));
    await handOver(call, batch.id, w.coop, w.packer, '2026-07-15T07:00:00+08:00');
    const refused = await call('POST', `/api/batches/${batch.id}/packing`, {
      key: w.packer.key,
      body: {
        facilityId: w.packhouse,
        packedAt: '2026-07-15T11:00:00+08:00',
        lines: [{ grade: '特级', count: 5, netWeight: { value: 2, unit: 'kg' }, itemsPerCarton: 5 }],
      },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('not_harvested');
    expect((await call('GET', `/api/batches/${batch.id}`, { key: w.coop.key })).body.itemCount).toBe(0);
    expect(await call('GET', `/api/batches/${batch.id}/items`, { key: w.coop.key })).toMatchObject({ status: 200, body: [] });
  });

  it('refuses packed weight beyond the harvest (400, naming both numbers)', async () => {
    const id = await harvestedBatch(call, w, 40);
    const refused = await call('POST', `/api/batches/${id}/packing`, {
      key: w.packer.key,
      body: {
        facilityId: w.packhouse,
        packedAt: '2026-07-15T11:00:00+08:00',
        lines: [{ grade: '特级', count: 20, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 10 }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('quantities_do_not_add_up');
    expect(refused.body.message).toMatch(/50/);
    expect(refused.body.message).toMatch(/40/);
  });

  it('refuses work recorded at a facility the caller does not own (403)', async () => {
    const id = await harvestedBatch(call, w);
    const refused = await call('POST', `/api/batches/${id}/grading`, {
      key: w.coop.key,
      body: {
        facilityId: w.packhouse,
        gradedAt: '2026-07-15T10:00:00+08:00',
        classes: [{ grade: '特级', quantity: { value: 10, unit: 'kg' }, attributes: {} }],
      },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('facility_not_owned');
  });

  it('only the cooperative that registered the batch records its harvest', async () => {
    const id = await harvestedBatch(call, w);
    const other = await call('POST', `/api/batches/${id}/harvests`, {
      key: w.packer.key,
      body: { harvestedAt: '2026-07-15T06:00:00+08:00', quantity: { value: 1, unit: 'kg' } },
    });
    expect(other.status).toBe(403);
  });

  it('names bad fields, unknown ids and times without an offset', async () => {
    const unknown = await call('POST', '/api/batches/NOPE/harvests', {
      key: w.coop.key,
      body: { harvestedAt: '2026-07-15T06:00:00+08:00', quantity: { value: 1, unit: 'kg' } },
    });
    expect(unknown.status).toBe(404);
    const id = await harvestedBatch(call, w);
    const bad = await call('POST', `/api/batches/${id}/harvests`, {
      key: w.coop.key,
      body: { harvestedAt: 'yesterday', quantity: { value: -3, unit: 'sacks' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/harvestedAt/);
    expect(bad.body.message).toMatch(/quantity\.value/);
    expect(bad.body.message).toMatch(/quantity\.unit/);
    const local = await call('POST', `/api/batches/${id}/harvests`, {
      key: w.coop.key,
      body: { harvestedAt: '2026-07-15T06:00:00', quantity: { value: 1, unit: 'kg' } },
    });
    expect(local.status).toBe(400);
    expect(local.body.message).toMatch(/offset/);
    const noFacility = await call('POST', `/api/batches/${id}/pre-cooling`, {
      key: w.packer.key,
      body: { facilityId: 'FAC-NONE', startedAt: '2026-07-15T07:30:00+08:00', endedAt: '2026-07-15T08:30:00+08:00', coreTemperatureC: 4 },
    });
    expect(noFacility.status).toBe(404);
  });

  it('a packing retried with the same Idempotency-Key returns the same codes and packs once', async () => {
    const id = await harvestedBatch(call, w);
    const body = {
      facilityId: w.packhouse,
      packedAt: '2026-07-15T11:00:00+08:00',
      lines: [{ grade: '一级', count: 4, netWeight: { value: 2, unit: 'kg' }, itemsPerCarton: 4 }],
    };
    const headers = { 'idempotency-key': `pack-${id}` };
    const first = await call('POST', `/api/batches/${id}/packing`, { key: w.packer.key, body, headers });
    const again = await call('POST', `/api/batches/${id}/packing`, { key: w.packer.key, body, headers });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await call('GET', `/api/batches/${id}`, { key: w.coop.key })).body.itemCount).toBe(4);
  });
});
