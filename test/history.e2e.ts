import { ApiClient, Call } from '../apps/cli/src/world';
import { renhua } from '../apps/cli/src/world/places';
import { Org, expectOk, registerCountyOrg, registerOrg } from './support/fixtures';
import { decodePdfQrCodes } from './support/pdf-qr';
import { HOUSEHOLD, processedWorld, ProcessedWorld } from './support/processed-world';
import { SmallWorld, harvestedBatch, pack, shipToHub, smallWorld } from './support/small-world';
import { rawGet } from './support/raw-get';
import { TestApp, startTestApp } from './support/test-app';

interface Row {
  position: number;
  revision: number;
  type: string;
  streamId: string;
  occurredAt: string;
  recordedBy: { organizationId: string; organizationName?: string; keyId: string };
  facility?: { id: string; name?: string };
  summary: string;
  data: Record<string, unknown>;
}

describe('the audit history of a batch, its cartons, items and shipments, over HTTP', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let regulator: Org;
  let stranger: Org;
  let batch: string;
  let code: string;
  let cartons: string[];
  let shipment: string;
  const history = (path: string, key = regulator.key) =>
    expectOk<{ rows: Row[]; nextCursor?: string; subject: { title: string } }>(call('GET', `/api/history/${path}`, { key }));
  const types = (rows: Row[]) => rows.map((r) => r.type);

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    regulator = await registerCountyOrg(call, 'regulator');
    stranger = await registerOrg(call, 'cooperative', '另一个合作社');
    batch = await harvestedBatch(call, w);
    await expectOk(
      call('POST', `/api/batches/${batch}/quality-tests`, {
        key: w.lab.key,
        body: {
          method: 'pesticide_residue_rapid_test',
          sampleId: 'S-1',
          testedAt: '2026-07-15T09:00:00+08:00',
          value: 12.5,
          unit: '%',
          threshold: 50,
        },
      }),
    );
    const packed = await pack(call, w, batch, 20, 10);
    cartons = packed.cartons.map((c: { cartonId: string }) => c.cartonId);
    code = packed.items.find((i: { cartonId: string }) => i.cartonId === cartons[0]).code;
    shipment = (await shipToHub(call, w, [cartons[0]])).id;
  });
  afterAll(() => app.close());

  it('gives a regulator every event of the batch in order, its cartons’ shipments included, with who, where and when', async () => {
    const { rows, subject, nextCursor } = await history(`batch/${batch}`);
    expect(subject.title).toContain(batch);
    expect(nextCursor).toBeUndefined();
    expect(types(rows)).toEqual([
      'BatchRegistered',
      'BatchHarvested',
      'BatchHandedOver',
      'BatchHandoverAccepted',
      'QualityTestRecorded',
      'BatchPacked',
      'ShipmentDispatched',
      'ShipmentReceived',
    ]);
    expect(rows.map((r) => r.position)).toEqual([...rows.map((r) => r.position)].sort((a, b) => a - b));
    const harvest = rows.find((r) => r.type === 'BatchHarvested')!;
    expect(harvest).toMatchObject({
      streamId: `batch-${batch}`,
      occurredAt: '2026-07-14T22:00:00.000Z',
      recordedBy: { organizationId: w.coop.id, organizationName: expect.any(String), keyId: expect.any(String) },
      data: { quantity: { value: 500, unit: 'kg' } },
    });
    expect(harvest.summary).toContain('quantity: 500 kg');
    expect(rows.find((r) => r.type === 'BatchPacked')!.facility).toMatchObject({ id: w.packhouse, name: expect.any(String) });
    expect(rows.find((r) => r.type === 'ShipmentReceived')!.recordedBy.organizationId).toBe(w.carrier.id);
  });

  it('lists a carton’s, an item’s, a shipment’s, a facility’s and an organization’s own events', async () => {
    expect(types((await history(`carton/${cartons[0]}`)).rows)).toEqual(['BatchPacked', 'ShipmentDispatched', 'ShipmentReceived']);
    expect(types((await history(`carton/${cartons[1]}`)).rows)).toEqual(['BatchPacked']);
    expect(types((await history(`item/${code}`)).rows)).toEqual(['BatchPacked', 'ShipmentDispatched', 'ShipmentReceived']);
    expect(types((await history(`shipment/${shipment}`)).rows)).toEqual(['ShipmentDispatched', 'ShipmentReceived']);
    expect(types((await history(`facility/${w.hub}`)).rows)).toEqual(['FacilityRegistered', 'ShipmentDispatched', 'ShipmentReceived']);
    expect(types((await history(`organization/${w.lab.id}`)).rows)).toEqual([
      'OrganizationRegistered',
      'ApiKeyIssued',
      'QualityTestRecorded',
    ]);
  });

  it('pages with a cursor and filters by time and kind', async () => {
    const all = (await history(`batch/${batch}`)).rows;
    const seen: Row[] = [];
    let cursor: string | undefined;
    do {
      const page = await history(`batch/${batch}?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.rows.length).toBeLessThanOrEqual(4);
      seen.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(types((await history(`batch/${batch}?family=shipment`)).rows)).toEqual(['ShipmentDispatched', 'ShipmentReceived']);
    expect(types((await history(`batch/${batch}?type=BatchHarvested,QualityTestRecorded`)).rows)).toEqual([
      'BatchHarvested',
      'QualityTestRecorded',
    ]);
    const window = await history(`batch/${batch}?from=2026-07-15T08:30:00%2B08:00&to=2026-07-15T12:00:00%2B08:00`);
    expect(types(window.rows)).toEqual(['QualityTestRecorded', 'BatchPacked', 'ShipmentDispatched']);
    expect(types((await history(`batch/${batch}?from=2026-07-16&to=2026-07-31`)).rows)).toEqual([]);
  });

  it('lets an organization read what it handled, and nobody read another’s private history', async () => {
    expect(types((await history(`batch/${batch}`, w.coop.key)).rows)).toContain('ShipmentReceived');
    expect(types((await history(`shipment/${shipment}`, w.carrier.key)).rows)).toEqual(['ShipmentDispatched', 'ShipmentReceived']);
    expect(types((await history(`organization/${stranger.id}`, stranger.key)).rows)).toEqual(['OrganizationRegistered', 'ApiKeyIssued']);
    for (const path of [
      `batch/${batch}`,
      `item/${code}`,
      `carton/${cartons[0]}`,
      `shipment/${shipment}`,
      `facility/${w.plot}`,
      `organization/${w.coop.id}`,
    ]) {
      const { status, body } = await call('GET', `/api/history/${path}`, { key: stranger.key });
      expect([path, status, body.code]).toEqual([path, 403, 'not_allowed_to_read']);
      expect(body.message).toContain('private');
    }
    // Named in an event of another (a hand-over to it, a shipment to its hub) is not handling its whole record.
    expect((await call('GET', `/api/history/organization/${w.packer.id}`, { key: w.coop.key })).status).toBe(403);
    expect((await call('GET', `/api/history/facility/${w.hub}`, { key: w.packer.key })).status).toBe(403);
    expect((await call('GET', `/api/history/facility/${w.hub}`, { key: w.carrier.key })).status).toBe(200);
    const carrierOnBatch = await call('GET', `/api/history/batch/${batch}`, { key: w.carrier.key });
    expect(carrierOnBatch.status).toBe(403);
    const elsewhere = await registerOrg(call, 'regulator', '仁化县市场监督管理局', { region: renhua() });
    expect((await call('GET', `/api/history/batch/${batch}`, { key: elsewhere.key })).status).toBe(403);
  });

  it('refuses unknown subjects and bad parameters naming them', async () => {
    const refusal = async (path: string) => {
      const { status, body } = await call('GET', `/api/history/${path}`, { key: regulator.key });
      return { status, code: body.code, field: body.details?.field };
    };
    expect(await refusal('batch/B-nosuch')).toMatchObject({ status: 404, code: 'batch_not_found' });
    expect(await refusal('item/NOSUCH')).toMatchObject({ status: 404, code: 'item_not_found' });
    expect(await refusal('carton/C-nosuch')).toMatchObject({ status: 404, code: 'carton_not_found' });
    expect(await refusal('planet/earth')).toEqual({ status: 400, code: 'invalid_query', field: 'kind' });
    expect(await refusal(`batch/${batch}?limit=501`)).toEqual({ status: 400, code: 'invalid_query', field: 'limit' });
    expect(await refusal(`batch/${batch}?cursor=nonsense`)).toEqual({ status: 400, code: 'invalid_query', field: 'cursor' });
    expect(await refusal(`batch/${batch}?type=BatchEaten`)).toEqual({ status: 400, code: 'invalid_query', field: 'type' });
    expect(await refusal(`batch/${batch}?family=gossip`)).toEqual({ status: 400, code: 'invalid_query', field: 'family' });
    expect(await refusal(`batch/${batch}?from=July`)).toEqual({ status: 400, code: 'invalid_time', field: 'from' });
    expect(await refusal(`batch/${batch}?from=2026-07-16&to=2026-07-15`)).toEqual({ status: 400, code: 'invalid_query', field: 'from' });
    expect(await refusal(`batch/${batch}?colour=red`)).toEqual({ status: 400, code: 'invalid_query', field: 'colour' });
    expect((await call('GET', `/api/history/batch/${batch}`)).status).toBe(401);
  });

  it('exports the history as CSV for a spreadsheet, one row an event', async () => {
    const json = (await history(`batch/${batch}`)).rows;
    const csv = await rawGet(app, `/api/history/batch/${batch}?format=csv`, regulator.key);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="history-batch-${batch}.csv"`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^position 位置,occurred_at 发生时间,recorded_at 记录时间,type 事件类型,/);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(json.map((r) => r.position));
    expect(lines.find((l) => l.includes(',BatchHarvested,'))).toContain('quantity: 500 kg');
    const paged = await rawGet(app, `/api/history/batch/${batch}?format=csv&limit=2`, regulator.key);
    expect(paged.bytes.toString('utf8').trimEnd().split('\r\n')).toHaveLength(3);
    const next = paged.headers.get('x-next-cursor')!;
    expect((await history(`batch/${batch}?cursor=${next}`)).rows[0].position).toBe(json[2].position);
  });

  it('exports the history as a PDF with its subject, who exported it, every row and page numbers', async () => {
    const json = (await history(`batch/${batch}`)).rows;
    const pdf = await rawGet(app, `/api/history/batch/${batch}?format=pdf`, regulator.key);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const { text } = await decodePdfQrCodes(pdf.bytes, [], 0.5);
    const all = text.join('\n');
    expect(all).toContain('Audit history');
    expect(all).toContain(batch);
    expect(all).toContain('市场监督管理局');
    expect(all).toContain('page 1');
    for (const row of json) {
      expect(all).toContain(row.type);
      expect(all).toContain(`@${row.revision}`);
    }
    const positions = all
      .split('\n')
      .filter((s) => /^\d+$/.test(s.trim()))
      .map(Number);
    expect(positions).toEqual(expect.arrayContaining(json.map((r) => r.position)));
  });

  it('never shows a household’s personal data, sealed or in clear', async () => {
    await expectOk(call('POST', '/api/persons', { key: w.packer.key, body: HOUSEHOLD }));
    const { rows } = await history(`organization/${w.packer.id}?type=NaturalPersonRegistered`, w.packer.key);
    expect(rows).toHaveLength(1);
    expect(rows[0].data.sealed).toBe('[sealed personal data]');
    const csv = await rawGet(app, `/api/history/organization/${w.packer.id}?format=csv`, w.packer.key);
    const pdf = await rawGet(app, `/api/history/organization/${w.packer.id}?format=pdf`, w.packer.key);
    const pdfText = (await decodePdfQrCodes(pdf.bytes, [], 0.5)).text.join('\n');
    for (const shown of [JSON.stringify(rows), csv.bytes.toString('utf8'), pdfText]) {
      expect(shown).not.toContain(HOUSEHOLD.name);
      expect(shown).not.toContain(HOUSEHOLD.idNumber);
    }
    expect(pdfText).toContain('NaturalPersonRegistered');
  });
});

describe('the audit history of lots made and bought, over HTTP', () => {
  let app: TestApp;
  let call: Call;
  let world: ProcessedWorld;
  let regulator: Org;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    world = await processedWorld(call);
    regulator = await registerCountyOrg(call, 'regulator');
  });
  afterAll(() => app.close());

  it('shows an input lot the transformation that took it, and a bought lot its purchase without the household', async () => {
    const leaves = await expectOk<{ rows: Row[] }>(call('GET', `/api/history/batch/${world.tea.leavesA.id}`, { key: regulator.key }));
    const made = leaves.rows.filter((r) => r.type === 'TransformationRecorded');
    expect(made).toHaveLength(1);
    expect(made[0].summary).toContain('inputs: 3 entries');
    const bought = await expectOk<{ rows: Row[] }>(call('GET', `/api/history/batch/${world.tea.bought.id}`, { key: regulator.key }));
    expect(bought.rows.map((r) => r.type)).toEqual(expect.arrayContaining(['BatchPurchasedFromHousehold', 'TransformationRecorded']));
    const text = JSON.stringify(bought);
    expect(text).toContain(world.tea.personId);
    expect(text).not.toContain(HOUSEHOLD.name);
    expect(text).not.toContain(HOUSEHOLD.idNumber);
  });
});
