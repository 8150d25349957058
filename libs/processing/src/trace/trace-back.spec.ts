import { DomainError } from '@suyuan/core';
import { PLANT, TEA_FACTORY, blend, giftBox, leafA, leafB } from '../lineage/lineage.fixtures';
import { TraceBounds, traceBounds } from './bounds';
import { BackStart, traceBack } from './trace-back';
import { COOP_A, LAB, PLOT_A, cyclicStore, giftItems, otherCountyRegulator, regulator, teaFactory, traceStore } from './trace.fixtures';

const docs = traceStore();
const bounds = (query: Parameters<typeof traceBounds>[0] = {}): TraceBounds => traceBounds(query);
const back = (start: BackStart, b = bounds(), viewer = regulator) => traceBack(docs, viewer, start, b);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (e: DomainError) => ({ kind: e.kind, code: e.code, details: e.details }),
  );

const ITEM = giftItems[0][0].code;

describe('trace back', () => {
  it('goes from an item through the split and the blend to both cooperatives’ leaves, generation by generation', async () => {
    const trace = await back({ item: ITEM });
    expect(trace.start).toEqual({ item: ITEM, batchId: giftBox.batchId });
    expect(trace.lots.map((l) => [l.batchId, l.generation])).toEqual([
      [giftBox.batchId, 0],
      [blend.batchId, 1],
      [leafA.batchId, 2],
      [leafB.batchId, 2],
    ]);
    expect(trace.total).toEqual({ lots: 4 });
    expect(trace.truncated).toBeUndefined();
    expect(trace.nextCursor).toBeUndefined();
    expect(trace.lots[1].edges).toEqual([
      expect.objectContaining({
        batchId: leafA.batchId,
        lotCode: 'LVA-0410',
        transformationId: 'tf-blend',
        quantity: { value: 100, unit: 'kg' },
      }),
      expect.objectContaining({ batchId: leafB.batchId, transformationId: 'tf-blend', cartonIds: ['CTN-B-1'] }),
    ]);
  });

  it('shows each ancestor’s plot, farm inputs with their safety intervals, tests and who recorded every step', async () => {
    const leaves = (await back({ item: ITEM })).lots.find((l) => l.batchId === leafA.batchId)!;
    expect(leaves.origin).toEqual({
      kind: 'farm_plot',
      place: { id: PLOT_A, name: '北乡村茶园1号地块', region: expect.objectContaining({ county: '乐昌市' }) },
    });
    expect(leaves.owner).toEqual({ id: COOP_A, name: '乐昌市北乡茶叶专业合作社' });
    expect(leaves.harvests).toEqual([expect.objectContaining({ harvestId: 'hv-a', quantity: { value: 100, unit: 'kg' } })]);
    expect(leaves.farmInputs).toEqual([
      expect.objectContaining({ name: '吡虫啉可湿性粉剂', safetyIntervalDays: 14, safeFrom: '2026-04-03T00:00:00.000Z' }),
    ]);
    expect(leaves.tests).toEqual([
      expect.objectContaining({
        method: 'pesticide_residue_rapid_test',
        value: 12.5,
        passed: true,
        labId: LAB,
        labName: '乐昌市农产品质量安全检测站',
      }),
    ]);
    expect(leaves.steps?.map((s) => [s.event, s.organizationId, s.organizationName, s.keyId])).toEqual([
      ['BatchRegistered', COOP_A, '乐昌市北乡茶叶专业合作社', `key-${COOP_A}`],
      ['FarmInputApplied', COOP_A, '乐昌市北乡茶叶专业合作社', `key-${COOP_A}`],
      ['BatchHarvested', COOP_A, '乐昌市北乡茶叶专业合作社', `key-${COOP_A}`],
      ['QualityTestRecorded', LAB, '乐昌市农产品质量安全检测站', `key-${LAB}`],
    ]);
    expect(leaves.restricted).toBeUndefined();
  });

  it('lists the transformations that made the lots, with their plant, steps and who recorded them', async () => {
    const trace = await back({ item: ITEM });
    expect(trace.transformations.map((t) => t.id).sort()).toEqual(['tf-blend', 'tf-split']);
    expect(trace.transformations.find((t) => t.id === 'tf-blend')).toMatchObject({
      process: 'tea_processing',
      plant: { id: PLANT, name: '白毛茶加工车间' },
      processorId: TEA_FACTORY,
      processorName: '乐昌市白毛茶加工厂',
      steps: [{ name: '杀青' }, { name: '烘干' }],
      inputs: [{ batchId: leafA.batchId }, { batchId: leafB.batchId }],
      keyId: 'key-tea-factory-1',
    });
    const tea = trace.lots[0];
    expect(tea.origin).toMatchObject({ kind: 'transformation', transformationId: 'tf-split', place: { id: PLANT } });
    expect(tea.produced).toEqual([expect.objectContaining({ transformationId: 'tf-split', quantity: { value: 12, unit: 'kg' } })]);
  });

  it('starts from a carton or a lot as from an item', async () => {
    const fromCarton = await back({ carton: 'CTN-G-2' });
    expect(fromCarton.start).toEqual({ carton: 'CTN-G-2', batchId: giftBox.batchId });
    expect(fromCarton.lots).toEqual((await back({ item: ITEM })).lots);
    expect((await back({ lot: blend.batchId })).lots.map((l) => l.batchId)).toEqual([blend.batchId, leafA.batchId, leafB.batchId]);
  });

  it('stops at the depth asked for and says so', async () => {
    const trace = await back({ item: ITEM }, bounds({ depth: '1' }));
    expect(trace.lots.map((l) => l.batchId)).toEqual([giftBox.batchId, blend.batchId]);
    expect(trace.truncated).toBe(true);
    expect((await back({ item: ITEM }, bounds({ depth: '2' }))).truncated).toBeUndefined();
  });

  it('answers a page of lots and a cursor to the next, until every lot has been answered once', async () => {
    const first = await back({ item: ITEM }, bounds({ limit: '3' }));
    expect(first.lots.map((l) => l.batchId)).toEqual([giftBox.batchId, blend.batchId, leafA.batchId]);
    expect(first.total).toEqual({ lots: 4 });
    expect(first.transformations.map((t) => t.id).sort()).toEqual(['tf-blend', 'tf-split']);
    const second = await back({ item: ITEM }, bounds({ limit: '3', cursor: first.nextCursor }));
    expect(second.lots.map((l) => l.batchId)).toEqual([leafB.batchId]);
    expect(second.transformations).toEqual([]);
    expect(second.nextCursor).toBeUndefined();
  });

  it('shows the lots a reader may not read whole by who and where they are only', async () => {
    const trace = await back({ item: ITEM }, bounds(), teaFactory);
    const [leaves] = trace.lots.filter((l) => l.batchId === leafA.batchId);
    expect(leaves).toEqual({
      batchId: leafA.batchId,
      lotCode: 'LVA-0410',
      generation: 2,
      product: expect.objectContaining({ nameZh: '茶青' }),
      owner: { id: COOP_A, name: '乐昌市北乡茶叶专业合作社' },
      origin: expect.objectContaining({ kind: 'farm_plot' }),
      edges: [],
      restricted: true,
    });
    expect(trace.lots[0].restricted).toBeUndefined();
    expect(trace.lots[0].steps).toBeDefined();
  });

  it('refuses an unknown item, carton or lot naming it, and a reader who may not read the lot', async () => {
    expect(await refusal(back({ item: 'NO-SUCH-CODE' }))).toEqual({
      kind: 'not_found',
      code: 'item_not_found',
      details: { code: 'NO-SUCH-CODE' },
    });
    expect(await refusal(back({ carton: 'CTN-X' }))).toMatchObject({ kind: 'not_found', code: 'carton_not_found' });
    expect(await refusal(back({ lot: 'bat-x' }))).toMatchObject({
      kind: 'not_found',
      code: 'batch_not_found',
      details: { batchId: 'bat-x' },
    });
    expect(await refusal(back({ item: ITEM }, bounds(), otherCountyRegulator))).toMatchObject({
      kind: 'forbidden',
      code: 'not_allowed_to_read',
    });
  });

  it('shows a household purchase by the person’s id alone', async () => {
    const at = '2026-04-09T00:00:00.000Z';
    const who = { organizationId: TEA_FACTORY, keyId: 'key-tea', occurredAt: at, recordedAt: at };
    const store = traceStore([
      {
        type: 'BatchRegistered',
        data: {
          batchId: 'bat-bought',
          lotCode: 'BUY-0409',
          productId: leafA.productId,
          cooperativeId: TEA_FACTORY,
          origin: { kind: 'purchase', plantId: PLANT },
        },
        metadata: who,
      },
      {
        type: 'BatchPurchasedFromHousehold',
        data: { batchId: 'bat-bought', purchaseId: 'pu-1', personId: 'person-7f3a', quantity: { value: 18, unit: 'kg' }, purchasedAt: at },
        metadata: who,
      },
    ]);
    const [lot] = (await traceBack(store, regulator, { lot: 'bat-bought' }, bounds())).lots;
    expect(lot.origin).toMatchObject({ kind: 'purchase', place: { id: PLANT } });
    expect(lot.purchases).toEqual([{ purchaseId: 'pu-1', personId: 'person-7f3a', quantity: { value: 18, unit: 'kg' }, purchasedAt: at }]);
  });

  it('ends on a malformed tree whose edges close a cycle, each lot once', async () => {
    const store = await cyclicStore(['bat-x', 'bat-y', 'bat-z']);
    const trace = await traceBack(store, regulator, { lot: 'bat-x' }, bounds({ depth: '20' }));
    expect(trace.lots.map((l) => [l.batchId, l.generation])).toEqual([
      ['bat-x', 0],
      ['bat-z', 1],
      ['bat-y', 2],
    ]);
    expect(trace.truncated).toBeUndefined();
  });
});
