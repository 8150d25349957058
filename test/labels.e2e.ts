import { ApiClient, Call } from '../apps/cli/src/world';
import { CERTIFICATE_LAYOUTS, LabelLayout, LAYOUTS, labelOrigin, labelsPerPage, PT } from '@suyuan/labels';
import { Org, expectOk, registerOrg } from './support/fixtures';
import { decodePdfQrCodes, Region } from './support/pdf-qr';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

interface Item {
  code: string;
  cartonId: string;
  grade: string;
  scanUrl: string;
}

/** Each label's rectangle on a page of the layout, in points. */
const regions = (layout: LabelLayout): Region[] =>
  Array.from({ length: labelsPerPage(layout) }, (_, slot) => {
    const at = labelOrigin(layout, slot);
    return { x: at.x * PT, y: at.y * PT, w: layout.label.width * PT, h: layout.label.height * PT };
  });

/** A cooperative packs 30 plums in three cartons and prints their labels: every QR in the PDF reads back to its item. */
describe('labels', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let batchId: string;
  let packingId: string;
  let items: Item[];
  let stranger: Org;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call, { gtin: true });
    batchId = await harvestedBatch(call, w);
    packingId = (await pack(call, w, batchId, 30, 10)).packingId;
    await expectOk(
      call('POST', `/api/batches/${batchId}/certificate`, {
        key: w.coop.key,
        body: {
          quantity: { value: 75, unit: 'kg' },
          basis: ['self_tested'],
          issuedAt: '2026-07-15T11:30:00+08:00',
          contactPhone: '0751-5551234',
        },
      }),
    );
    items = await expectOk(call('GET', `/api/batches/${batchId}/items`, { key: w.coop.key }));
    stranger = await registerOrg(call, 'cooperative', '坪石镇另一合作社');
  }, 60_000);
  afterAll(() => app.close());

  const print = (key: string, body: Record<string, unknown>) => call('POST', `/api/batches/${batchId}/label-jobs`, { key, body });

  async function download(file: string, key: string): Promise<{ type: string | null; disposition: string | null; body: Buffer }> {
    const response = await fetch(`${app.baseUrl}${file}`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    return {
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  it('prints a packing on A4 sheets of 24: every QR decodes to exactly its item’s URL, with the Chinese text', async () => {
    const job = await expectOk(print(w.packer.key, { format: 'pdf', packingId }));
    expect(job).toMatchObject({ batchId, format: 'pdf', layout: 'a4-3x8', labelCount: 30, reprintCount: 0 });
    const pdf = await download(job.file, w.packer.key);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toMatch(/^attachment; filename="labels-.+\.pdf"$/);
    const decoded = await decodePdfQrCodes(pdf.body, regions(LAYOUTS['a4-3x8']));
    expect(decoded.pages).toHaveLength(2);
    const read = decoded.pages.flat();
    expect(read.slice(0, 30).sort()).toEqual(items.map((i) => i.scanUrl).sort());
    expect(read.slice(30).every((r) => r === null)).toBe(true);
    // Cartons together: the first ten labels are the first carton's.
    const firstCarton = [...new Set(items.map((i) => i.cartonId))].sort()[0];
    expect(read.slice(0, 10).sort()).toEqual(
      items
        .filter((i) => i.cartonId === firstCarton)
        .map((i) => i.scanUrl)
        .sort(),
    );
    expect(decoded.text[0]).toContain('黄金柰李');
    expect(decoded.text[0]).toContain('特级');
    expect(decoded.text[0]).toContain('净含量 2.5 kg');
  }, 60_000);

  it('prints one carton on a 50 × 30 mm roll, one label a page', async () => {
    const carton = items[0].cartonId;
    const job = await expectOk(print(w.coop.key, { format: 'pdf', layout: 'roll-50x30', cartonIds: [carton] }));
    expect(job).toMatchObject({ layout: 'roll-50x30', labelCount: 10, reprintCount: 10 });
    const decoded = await decodePdfQrCodes((await download(job.file, w.coop.key)).body, regions(LAYOUTS['roll-50x30']));
    expect(decoded.pages.map((p) => p[0]).sort()).toEqual(
      items
        .filter((i) => i.cartonId === carton)
        .map((i) => i.scanUrl)
        .sort(),
    );
  }, 60_000);

  it('gives an industrial coder a CSV of code, URL, lot, grade and carton', async () => {
    const job = await expectOk(print(w.packer.key, { format: 'csv', packingId }));
    const csv = await download(job.file, w.packer.key);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = csv.body.toString('utf8').trimEnd().split('\r\n');
    expect(header).toBe('code,url,lot,grade,carton');
    const batch = await expectOk(call('GET', `/api/batches/${batchId}`, { key: w.coop.key }));
    expect(rows.sort()).toEqual(items.map((i) => [i.code, i.scanUrl, batch.lotCode, i.grade, i.cartonId].join(',')).sort());
  });

  it('prints the 承诺达标合格证 with its fields, its QR carrying the words 承诺达标合格证', async () => {
    const job = await expectOk(print(w.coop.key, { format: 'certificate', copies: 3 }));
    expect(job).toMatchObject({ format: 'certificate', layout: 'a4-2x4', labelCount: 3, reprintCount: 0 });
    const decoded = await decodePdfQrCodes((await download(job.file, w.coop.key)).body, regions(CERTIFICATE_LAYOUTS['a4-2x4']));
    const batch = await expectOk(call('GET', `/api/batches/${batchId}`, { key: w.coop.key }));
    const qr = decoded.pages[0].slice(0, 3);
    expect(qr.every((text) => text === qr[0])).toBe(true);
    expect(qr[0]!.split('\n')).toEqual([
      `承诺达标合格证 ${batch.certificate.certificateNo}`,
      '产品：黄金柰李',
      '数量：75 千克',
      `产地：${batch.certificate.origin}`,
      `生产者：${batch.certificate.producerName}`,
      '电话：0751-5551234',
      '开具日期：2026年07月15日',
    ]);
    expect(decoded.pages[0][3]).toBeNull();
    for (const words of ['承诺达标合格证', '产品名称：黄金柰李', '数量（重量）：75 千克', '■ 常规农药兽药残留不超标', '■自我检测'])
      expect(decoded.text[0]).toContain(words);
  }, 60_000);

  it('records a reprint of damaged labels as a reprint, and lists the batch’s print history', async () => {
    const job = await expectOk(
      print(w.packer.key, { format: 'pdf', layout: 'roll-40x30', codes: [items[3].code.toLowerCase(), items[4].code] }),
    );
    expect(job).toMatchObject({ labelCount: 2, reprintCount: 2, selection: { kind: 'codes', codes: [items[3].code, items[4].code] } });
    const decoded = await decodePdfQrCodes((await download(job.file, w.packer.key)).body, regions(LAYOUTS['roll-40x30']));
    expect(decoded.pages.map((p) => p[0])).toEqual([items[3].scanUrl, items[4].scanUrl]);

    const history = await expectOk(call('GET', `/api/batches/${batchId}/label-jobs`, { key: w.coop.key }));
    expect(
      history.jobs.map((j: { format: string; labelCount: number; reprintCount: number }) => [j.format, j.labelCount, j.reprintCount]),
    ).toEqual([
      ['pdf', 30, 0],
      ['pdf', 10, 10],
      ['csv', 30, 30],
      ['certificate', 3, 0],
      ['pdf', 2, 2],
    ]);
    expect(history).toMatchObject({ labelCount: 75, reprintCount: 42 });
    expect(history.jobs[0].printedBy.organizationId).toBe(w.packer.id);
    expect(history.jobs[1].printedBy.organizationId).toBe(w.coop.id);
  }, 60_000);

  it('prints a label a carton whose QR opens the carton’s public page: what it holds for everyone, its codes for its owner and holders', async () => {
    const job = await expectOk(print(w.packer.key, { format: 'carton', packingId }));
    expect(job).toMatchObject({ format: 'carton', layout: 'a4-3x8', labelCount: 3, reprintCount: 0 });
    const cartons = [...new Set(items.map((i) => i.cartonId))].sort();
    const decoded = await decodePdfQrCodes((await download(job.file, w.packer.key)).body, regions(LAYOUTS['a4-3x8']));
    expect(decoded.pages[0].slice(0, 3)).toEqual(cartons.map((id) => `${app.baseUrl}/c/${id}`));
    expect(decoded.text[0]).toContain('10 件');

    const page = await fetch(`${app.baseUrl}/c/${cartons[0]}`, { headers: { accept: 'application/json' } });
    const text = await page.text();
    expect(JSON.parse(text)).toMatchObject({ cartonId: cartons[0], lotCode: expect.any(String), grades: ['特级'], itemCount: 10 });
    expect(items.some((i) => text.includes(i.code))).toBe(false);
    const html = await fetch(`${app.baseUrl}/c/${cartons[0]}`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain(`箱号</th><td>${cartons[0]}`);
    expect((await fetch(`${app.baseUrl}/c/CT000000000000`)).status).toBe(404);

    const listed = (key: string) => call('GET', `/api/cartons/${cartons[0]}/items`, { key });
    for (const key of [w.coop.key, w.packer.key]) {
      const answer = await expectOk(listed(key));
      expect(answer.map((i: Item) => i.scanUrl).sort()).toEqual(
        items
          .filter((i) => i.cartonId === cartons[0])
          .map((i) => i.scanUrl)
          .sort(),
      );
    }
    for (const key of [stranger.key, w.lab.key])
      expect(await listed(key)).toMatchObject({ status: 403, body: { code: 'not_allowed_to_read' } });
    expect((await print(w.packer.key, { format: 'carton', codes: [items[0].code] })).status).toBe(400);
  }, 60_000);

  describe('refuses, naming the problem, and records nothing', () => {
    const historyLength = async () => (await expectOk(call('GET', `/api/batches/${batchId}/label-jobs`, { key: w.coop.key }))).jobs.length;

    it.each([
      ['an unknown code', () => ({ format: 'pdf', codes: ['7K3M9Q2RXV0ZAB12'] }), 404, 'unknown_items'],
      ['an unknown carton', () => ({ format: 'pdf', cartonIds: ['CT000000000000'] }), 404, 'unknown_cartons'],
      ['an unknown packing', () => ({ format: 'pdf', packingId: 'PK000000000000' }), 404, 'packing_not_found'],
      ['an unknown layout', () => ({ format: 'pdf', layout: 'a4-9x9' }), 400, 'unknown_layout'],
      ['a roll too small for the QR', () => ({ format: 'pdf', layout: 'roll', widthMm: 20, heightMm: 15 }), 400, 'label_too_small'],
      ['a roll without its size', () => ({ format: 'pdf', layout: 'roll', widthMm: 40 }), 400, 'invalid_label_size'],
      ['two selections', () => ({ format: 'pdf', packingId, codes: [items[0].code] }), 400, 'invalid_selection'],
      ['a layout for a CSV', () => ({ format: 'csv', layout: 'a4-3x8' }), 400, 'invalid_layout'],
      [
        'too many codes for one request',
        () => ({ format: 'pdf', codes: Array.from({ length: 3001 }, () => items[0].code) }),
        400,
        undefined,
      ],
    ])('%s', async (_, body, status, code) => {
      const before = await historyLength();
      const refused = await print(w.coop.key, body());
      expect(refused.status).toBe(status);
      if (code) expect(refused.body.code).toBe(code);
      expect(await historyLength()).toBe(before);
    });

    it('names the unknown codes', async () => {
      const refused = await print(w.coop.key, { format: 'pdf', codes: [items[0].code, '7K3M9Q2RXV0ZAB12'] });
      expect(refused.body.details).toEqual({ codes: ['7K3M9Q2RXV0ZAB12'] });
    });

    it('refuses another organization, and the codes of another organization’s batch', async () => {
      expect((await print(stranger.key, { format: 'pdf', packingId })).status).toBe(403);
      expect((await call('GET', `/api/batches/${batchId}/label-jobs`, { key: stranger.key })).status).toBe(403);
      const jobs = await expectOk(call('GET', `/api/batches/${batchId}/label-jobs`, { key: w.coop.key }));
      expect((await call('GET', `/api/batches/${batchId}/label-jobs/${jobs.jobs[0].id}/file`, { key: stranger.key })).status).toBe(403);
      expect((await call('GET', `/api/batches/${batchId}/label-jobs/LJ000000000000/file`, { key: w.coop.key })).status).toBe(404);

      const other = await harvestedBatch(call, w);
      const otherItems = (await pack(call, w, other, 2, 2)).items as { code: string }[];
      const refused = await print(w.coop.key, { format: 'pdf', codes: [items[0].code, otherItems[0].code] });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'items_of_another_batch', details: { codes: [otherItems[0].code] } });
    });

    it('refuses a job of more than 10,000 labels naming its pages, prints it page by page, or a packing at a time', async () => {
      const big = await harvestedBatch(call, w, 2000);
      const packings: string[] = [];
      for (const count of [5000, 5000, 1]) {
        const packing = await expectOk(
          call('POST', `/api/batches/${big}/packing`, {
            key: w.packer.key,
            body: {
              facilityId: w.packhouse,
              packedAt: '2026-07-15T11:00:00+08:00',
              lines: [{ grade: '特级', count, netWeight: { value: 0.1, unit: 'kg' }, itemsPerCarton: 50 }],
            },
          }),
        );
        packings.push(packing.packingId);
      }
      const refused = await call('POST', `/api/batches/${big}/label-jobs`, { key: w.packer.key, body: { format: 'pdf' } });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'too_many_labels', details: { count: 10_001, limit: 10_000, pages: 2 } });
      const one = await expectOk(
        call('POST', `/api/batches/${big}/label-jobs`, { key: w.packer.key, body: { format: 'csv', packingId: packings[0] } }),
      );
      expect(one.labelCount).toBe(5000);
      const csvCodes = async (body: object) => {
        const job = await expectOk(call('POST', `/api/batches/${big}/label-jobs`, { key: w.packer.key, body: { format: 'csv', ...body } }));
        const file = await fetch(`${app.baseUrl}${job.file}`, { headers: { authorization: `Bearer ${w.packer.key}` } });
        return (await file.text())
          .trim()
          .split('\n')
          .slice(1)
          .map((row) => row.split(',')[0].replace(/^\uFEFF/, ''));
      };
      const pages = [await csvCodes({ offset: 0 }), await csvCodes({ offset: 10_000 })];
      expect(pages.map((p) => p.length)).toEqual([10_000, 1]);
      expect(new Set(pages.flat()).size).toBe(10_001);
      const past = await call('POST', `/api/batches/${big}/label-jobs`, { key: w.packer.key, body: { format: 'pdf', offset: 10_001 } });
      expect([past.status, past.body.code, past.body.details.count]).toEqual([400, 'offset_past_end', 10_001]);
      const tooBig = await call('POST', `/api/batches/${big}/label-jobs`, { key: w.packer.key, body: { format: 'pdf', count: 10_001 } });
      expect([tooBig.status, tooBig.body.details.fields[0].field]).toEqual([400, 'count']);
      const carton = await call('POST', `/api/batches/${big}/label-jobs`, { key: w.packer.key, body: { format: 'carton', offset: 0 } });
      expect([carton.status, carton.body.details]).toEqual([400, { field: 'offset' }]);
    }, 60_000);
  });
});
