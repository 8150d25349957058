import { DomainError } from '@suyuan/core';
import { PLANT, blend, bulk, giftBox, leafA, leafB } from '../lineage/lineage.fixtures';
import { traceBounds } from './bounds';
import { traceForward } from './trace-forward';
import { ForwardStart, TracedUnit } from './trace.views';
import {
  HUB,
  PLOT_A,
  SHOP,
  VILLAGE,
  bulkItems,
  coopA,
  giftItems,
  otherCountyRegulator,
  regulator,
  traceStore,
  cyclicStore,
} from './trace.fixtures';

const docs = traceStore();
const forward = (start: ForwardStart, query: Parameters<typeof traceBounds>[0] = {}, viewer = regulator) =>
  traceForward(docs, viewer, start, traceBounds(query));
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (e: DomainError) => ({ kind: e.kind, code: e.code, details: e.details }),
  );

const [delivered, onTheRoad] = giftItems;
const codes = (units: TracedUnit[]) => units.map((u) => u.code);
const ALL_CODES = [...delivered, ...onTheRoad, ...bulkItems.flat()].map((i) => i.code);

describe('trace forward', () => {
  it('finds every descendant lot of a field’s leaves and counts their units by where they are now', async () => {
    const trace = await forward({ lot: leafA.batchId });
    expect(trace.startLots).toEqual([leafA.batchId]);
    expect(trace.lots.map((l) => [l.batchId, l.generation, l.units])).toEqual([
      [leafA.batchId, 0, 0],
      [blend.batchId, 1, 0],
      [giftBox.batchId, 2, 6],
      [bulk.batchId, 2, 4],
    ]);
    expect(trace.summary).toEqual({
      lots: 4,
      cartons: 4,
      shipments: 4,
      units: 10,
      where: { notShipped: 2, atFacility: { [HUB]: 2 }, inTransit: 3, delivered: { [SHOP]: 3 }, consumed: 0 },
    });
    expect(trace.facilities).toEqual({ [PLANT]: '白毛茶加工车间', [HUB]: '乐昌市县级物流中心', [VILLAGE]: '茶料村物流服务点' });
    expect(trace.truncated).toBeUndefined();
    expect(trace.nextCursor).toBeUndefined();
  });

  it('lists each unit with its lot, carton and place, and each shipment that carried the lots’ cartons', async () => {
    const trace = await forward({ lot: leafA.batchId });
    expect(codes(trace.units)).toEqual(ALL_CODES);
    expect(trace.units[0]).toEqual({
      code: delivered[0].code,
      batchId: giftBox.batchId,
      lotCode: giftBox.lotCode,
      cartonId: 'CTN-G-1',
      grade: '特级',
      netWeight: { value: 0.25, unit: 'kg' },
      packedAt: '2026-04-13T11:00:00.000Z',
      now: { status: 'delivered', shipmentId: 'SH-2', facilityId: VILLAGE, recipient: SHOP },
    });
    expect(trace.units[3].now).toEqual({ status: 'in_transit', shipmentId: 'SH-3' });
    expect(trace.units[6].now).toEqual({ status: 'not_shipped', facilityId: PLANT });
    expect(trace.units[8].now).toEqual({ status: 'at_facility', facilityId: HUB });
    expect(trace.shipments.map((s) => [s.id, s.status, s.from.id, s.to.id, s.cartons])).toEqual([
      ['SH-1', 'received', PLANT, HUB, 1],
      ['SH-2', 'delivered', HUB, VILLAGE, 1],
      ['SH-3', 'in_transit', PLANT, HUB, 1],
      ['SH-4', 'received', PLANT, HUB, 1],
    ]);
    expect(trace.shipments[1].recipient).toBe(SHOP);
  });

  it('counts the units of a carton taken whole into a transformation as consumed', async () => {
    const trace = await forward({ lot: leafB.batchId });
    expect(trace.summary.where).toEqual({ notShipped: 2, atFacility: { [HUB]: 2 }, inTransit: 3, delivered: { [SHOP]: 3 }, consumed: 2 });
    expect(trace.units[0]).toMatchObject({ cartonId: 'CTN-B-1', now: { status: 'consumed', transformationId: 'tf-blend' } });
  });

  it('answers pages of units, lots and shipments that together hold each entry once', async () => {
    const seen = { units: [] as string[], lots: [] as string[], shipments: [] as string[] };
    let cursor: string | undefined;
    let pages = 0;
    do {
      const trace = await forward({ lot: leafA.batchId }, { limit: '3', ...(cursor && { cursor }) });
      expect(trace.summary.units).toBe(10);
      expect(trace.units.length).toBeLessThanOrEqual(3);
      seen.units.push(...codes(trace.units));
      seen.lots.push(...trace.lots.map((l) => l.batchId));
      seen.shipments.push(...trace.shipments.map((s) => s.id));
      cursor = trace.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual({
      units: ALL_CODES,
      lots: [leafA.batchId, blend.batchId, giftBox.batchId, bulk.batchId],
      shipments: ['SH-1', 'SH-2', 'SH-3', 'SH-4'],
    });
  });

  it('stops at the depth asked for and says so', async () => {
    const trace = await forward({ lot: leafA.batchId }, { depth: '1' });
    expect(trace.lots.map((l) => l.batchId)).toEqual([leafA.batchId, blend.batchId]);
    expect(trace.summary.units).toBe(0);
    expect(trace.truncated).toBe(true);
  });

  it('starts from the lots harvested on a plot in a date range', async () => {
    expect((await forward({ plot: PLOT_A })).startLots).toEqual([leafA.batchId]);
    expect((await forward({ plot: PLOT_A, from: '2026-04-10', to: '2026-04-10' })).startLots).toEqual([leafA.batchId]);
    expect((await forward({ plot: PLOT_A, from: '2026-04-10T07:59:00+08:00', to: '2026-04-10T08:00:00+08:00' })).startLots).toEqual([
      leafA.batchId,
    ]);
    const none = await forward({ plot: PLOT_A, from: '2026-04-11' });
    expect({ startLots: none.startLots, lots: none.summary.lots, units: none.summary.units }).toEqual({ startLots: [], lots: 0, units: 0 });
  });

  it('starts from the lots a farm input was applied to, by its name or active ingredient in any case', async () => {
    for (const input of ['吡虫啉可湿性粉剂', 'imidacloprid', ' Imidacloprid ']) {
      const trace = await forward({ input });
      expect([input, trace.startLots, trace.summary.units]).toEqual([input, [leafA.batchId], 10]);
    }
  });

  it('starts from the lot a test was made on', async () => {
    expect((await forward({ test: 'qt-a' })).startLots).toEqual([leafA.batchId]);
  });

  it('counts, but neither places nor lists, the units of lots the reader may not read whole', async () => {
    const trace = await forward({ lot: leafA.batchId }, {}, coopA);
    expect(trace.summary).toEqual({
      lots: 4,
      cartons: 0,
      shipments: 0,
      units: 0,
      where: { notShipped: 0, atFacility: {}, inTransit: 0, delivered: {}, consumed: 0 },
      restricted: { lots: 3, units: 10 },
    });
    expect(trace.lots.map((l) => [l.batchId, l.restricted ?? false])).toEqual([
      [leafA.batchId, false],
      [blend.batchId, true],
      [giftBox.batchId, true],
      [bulk.batchId, true],
    ]);
    expect(trace.units).toEqual([]);
    expect(trace.shipments).toEqual([]);
  });

  it('refuses what it does not know, naming it, and a reader who may read none of the starting lots', async () => {
    expect(await refusal(forward({ lot: 'bat-x' }))).toMatchObject({ kind: 'not_found', code: 'batch_not_found' });
    expect(await refusal(forward({ plot: 'fac-x' }))).toMatchObject({ kind: 'not_found', code: 'farm_plot_not_found' });
    expect(await refusal(forward({ plot: HUB }))).toMatchObject({ kind: 'not_found', code: 'farm_plot_not_found' });
    expect(await refusal(forward({ input: '敌敌畏' }))).toMatchObject({ kind: 'not_found', code: 'farm_input_not_found' });
    expect(await refusal(forward({ test: 'qt-x' }))).toMatchObject({ kind: 'not_found', code: 'test_not_found' });
    for (const start of [{ lot: leafA.batchId }, { plot: PLOT_A }, { input: 'imidacloprid' }, { test: 'qt-a' }]) {
      expect(await refusal(forward(start, {}, otherCountyRegulator))).toMatchObject({ kind: 'forbidden', code: 'not_allowed_to_read' });
    }
  });

  it('refuses a date range it cannot read, naming the field', async () => {
    expect(await refusal(forward({ plot: PLOT_A, from: '2026-04-12', to: '2026-04-10' }))).toMatchObject({
      kind: 'invalid',
      details: { field: 'from' },
    });
    expect(await refusal(forward({ plot: PLOT_A, to: '10 April' }))).toMatchObject({
      kind: 'invalid',
      code: 'invalid_time',
      details: { field: 'to' },
    });
  });

  it('ends on a malformed tree whose edges close a cycle, each lot once', async () => {
    const store = await cyclicStore(['bat-x', 'bat-y', 'bat-z']);
    const trace = await traceForward(store, regulator, { lot: 'bat-x' }, traceBounds({ depth: '20' }));
    expect(trace.lots.map((l) => [l.batchId, l.generation])).toEqual([
      ['bat-x', 0],
      ['bat-y', 1],
      ['bat-z', 2],
    ]);
    expect(trace.truncated).toBeUndefined();
  });
});
