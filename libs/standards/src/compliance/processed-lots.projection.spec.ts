import { DomainEvent, StoredDomainEvent } from '@suyuan/core';
import { bj } from '../evaluation/facts.fixtures';
import { Store, standard, version } from './compliance.fixtures';
import { complianceProjection } from './compliance.projection';
import { BatchComplianceView } from './compliance.views';
import { batchVerdict } from './verdict';

/*
 * Fresh leaves from two plots (LEAF-A, LEAF-B) made into finished tea (TEA-1) on 20 June: the
 * compliance projection links the lots as the transformation arrives, judges the tea on its
 * yield and on the leaves, and re-judges it at once when a leaf lot's record changes later.
 */
const TEA = 'prd-tea';
const LEAVES = 'prd-tea-leaves';
const teaStandard = {
  ...standard(
    version(1, bj('2025-06-01T00:00'), {
      productId: TEA,
      rules: {
        tests: [{ method: 'pesticide_residue_rapid_test', threshold: 50, passRequired: true, validDays: 30, requiredWhen: 'always' }],
        safetyIntervals: {},
        processingYield: { minPct: 18, maxPct: 25 },
      },
    }),
  ),
  id: TEA,
  productId: TEA,
};

let position = 0;
function stored<E extends DomainEvent>(type: E['type'], data: E['data'], at: string, id = `evt-${++position}`): StoredDomainEvent {
  return {
    type,
    data,
    id,
    streamId: 's',
    revision: 0,
    position: ++position,
    metadata: { organizationId: 'org', keyId: 'key', occurredAt: at, recordedAt: at },
  } as StoredDomainEvent;
}

function project(store: Store, event: StoredDomainEvent): void {
  for (const w of complianceProjection.apply(event as never, store)) if (w.doc) store.put(w.collection, w.id, w.doc);
}

const registered = (batchId: string, lotCode: string, productId: string, origin?: object, farmPlotId?: string) =>
  stored(
    'BatchRegistered',
    { batchId, lotCode, productId, cooperativeId: 'org', ...(farmPlotId && { farmPlotId }), ...(origin && { origin }) },
    bj('2025-06-17T08:00'),
  );
const harvested = (batchId: string, at: string) =>
  stored('BatchHarvested', { batchId, harvestId: `h-${batchId}`, quantity: { value: 400, unit: 'kg' }, harvestedAt: at }, at);
const tested = (batchId: string, value: number, at: string, id?: string) =>
  stored(
    'QualityTestRecorded',
    { batchId, method: 'pesticide_residue_rapid_test', testedAt: at, value, threshold: 50, passed: value < 50 },
    at,
    id,
  );

function teaMadeAt(yieldPct: number): Store {
  const store = new Store(['standards', teaStandard]);
  for (const e of [
    registered('bat-a', 'LEAF-A', LEAVES, undefined, 'plot-a'),
    registered('bat-b', 'LEAF-B', LEAVES, undefined, 'plot-b'),
    harvested('bat-a', bj('2025-06-19T07:00')),
    harvested('bat-b', bj('2025-06-19T08:00')),
    tested('bat-a', 10, bj('2025-06-19T10:00')),
    tested('bat-b', 12, bj('2025-06-19T10:30')),
    stored(
      'TransformationRecorded',
      {
        transformationId: 'tf-1',
        processorId: 'org-teaworks',
        plantId: 'fac-plant',
        process: 'tea_processing',
        startedAt: bj('2025-06-20T08:00'),
        endedAt: bj('2025-06-20T18:00'),
        steps: [],
        inputs: ['bat-a', 'bat-b'].map((batchId) => ({
          batchId,
          lotCode: batchId,
          productId: LEAVES,
          ownerId: 'org',
          quantity: { value: 400, unit: 'kg' },
          weightKg: 400,
        })),
        outputs: [{ batchId: 'bat-tea', lotCode: 'TEA-1', productId: TEA, quantity: { value: 8 * yieldPct, unit: 'kg' }, newLot: true }],
        yieldPct,
      },
      bj('2025-06-20T18:00'),
      'evt-tf-1',
    ),
    registered('bat-tea', 'TEA-1', TEA, { kind: 'transformation', transformationId: 'tf-1', plantId: 'fac-plant' }),
    stored(
      'BatchProduced',
      { batchId: 'bat-tea', transformationId: 'tf-1', quantity: { value: 8 * yieldPct, unit: 'kg' }, producedAt: bj('2025-06-20T18:00') },
      bj('2025-06-20T18:00'),
    ),
  ])
    project(store, e);
  return store;
}

const teaDoc = (store: Store) => store.get<BatchComplianceView>('compliance', 'bat-tea')!;
const rules = (store: Store) => Object.fromEntries(batchVerdict(teaDoc(store), teaStandard).map((r) => [r.rule, r]));

describe('compliance of processed lots', () => {
  it('links the leaves to the tea and judges the tea on its yield and on the leaves', () => {
    const store = teaMadeAt(20);
    expect(store.get<BatchComplianceView>('compliance', 'bat-a')!.madeInto).toEqual(['bat-tea']);
    const tea = teaDoc(store);
    expect(tea.facts).toMatchObject({
      origin: 'transformation',
      inputIds: ['bat-a', 'bat-b'],
      made: [{ eventId: 'evt-tf-1', yieldPct: 20 }],
    });
    expect(Object.keys(tea.facts.lineage!)).toEqual(['bat-a', 'bat-b']);
    expect(tea.status).toBe('compliant');
    const r = rules(store);
    expect(r.processingYield.status).toBe('met');
    expect(r['tests:pesticide_residue_rapid_test']).toMatchObject({ status: 'met', reasonEn: 'Every input lot passed the test' });
    expect(r.inputLots.status).toBe('met');
  });

  it('finds a yield outside the bounds violated, with the numbers', () => {
    const store = teaMadeAt(40);
    expect(teaDoc(store)).toMatchObject({ status: 'non_compliant', violated: ['processingYield'] });
    expect(rules(store).processingYield.reason).toBe('出成率 40.0 %，超出标准 18–25 %');
  });

  it('turns the tea non-compliant at once when a leaf lot fails a test after the tea was made, naming it', () => {
    const store = teaMadeAt(20);
    project(store, tested('bat-b', 72, bj('2025-06-21T09:00'), 'evt-test-late'));
    const tea = teaDoc(store);
    expect(tea).toMatchObject({ status: 'non_compliant', violated: ['tests:pesticide_residue_rapid_test', 'inputLots'] });
    expect(rules(store).inputLots.reason).toBe('原料批次LEAF-B检测不合格：72，限值50');
    expect(store.get('alerts', `bat-tea|inputLots`)).toMatchObject({ status: 'open', eventId: 'evt-test-late' });
    project(
      store,
      stored(
        'BatchHeld',
        { batchId: 'bat-b', family: 'pesticide', reason: 'failed_safety_test', testId: 't', heldAt: bj('2025-06-21T09:00') },
        bj('2025-06-21T09:00'),
      ),
    );
    expect(rules(store).inputLots.reason).toBe('原料批次LEAF-B因农药残留检测不合格被暂扣');
  });

  it('reaches the lots made from the tea too', () => {
    const store = teaMadeAt(20);
    project(
      store,
      stored(
        'TransformationRecorded',
        {
          transformationId: 'tf-2',
          processorId: 'org-teaworks',
          plantId: 'fac-plant',
          process: 'blending',
          startedAt: bj('2025-06-22T08:00'),
          endedAt: bj('2025-06-22T09:00'),
          steps: [],
          inputs: [
            { batchId: 'bat-tea', lotCode: 'TEA-1', productId: TEA, ownerId: 'org', quantity: { value: 160, unit: 'kg' }, weightKg: 160 },
          ],
          outputs: [{ batchId: 'bat-blend', lotCode: 'BLEND-1', productId: TEA, quantity: { value: 160, unit: 'kg' }, newLot: true }],
        },
        bj('2025-06-22T09:00'),
      ),
    );
    project(store, registered('bat-blend', 'BLEND-1', TEA, { kind: 'transformation', transformationId: 'tf-2', plantId: 'fac-plant' }));
    project(
      store,
      stored(
        'BatchProduced',
        { batchId: 'bat-blend', transformationId: 'tf-2', quantity: { value: 160, unit: 'kg' }, producedAt: bj('2025-06-22T09:00') },
        bj('2025-06-22T09:00'),
      ),
    );
    const blend = () => store.get<BatchComplianceView>('compliance', 'bat-blend')!;
    expect(Object.keys(blend().facts.lineage!)).toEqual(['bat-tea', 'bat-a', 'bat-b']);
    // The blend's yield is not known by weight: open until it leaves.
    expect(blend()).toMatchObject({ status: 'pending', violated: [] });
    project(store, tested('bat-a', 80, bj('2025-06-23T09:00')));
    expect(blend().violated).toEqual(['tests:pesticide_residue_rapid_test', 'inputLots']);
  });

  it('takes a bought-in lot’s declared harvest for its harvest', () => {
    const store = new Store();
    project(store, registered('bat-buy', 'BUY-1', LEAVES, { kind: 'purchase', plantId: 'fac-plant' }));
    const bought = (personId: string, harvestedAt?: string) =>
      stored(
        'BatchPurchasedFromHousehold',
        {
          batchId: 'bat-buy',
          purchaseId: `p-${personId}`,
          personId,
          quantity: { value: 50, unit: 'kg' },
          purchasedAt: bj('2025-06-19T12:00'),
          ...(harvestedAt && { harvestedAt }),
        },
        bj('2025-06-19T12:00'),
      );
    project(store, bought('per-1', bj('2025-06-19T07:00')));
    project(store, bought('per-2'));
    expect(store.get<BatchComplianceView>('compliance', 'bat-buy')!.facts).toMatchObject({
      origin: 'purchase',
      households: ['per-1', 'per-2'],
      harvests: [{ harvestedAt: bj('2025-06-19T07:00'), quantity: { value: 50, unit: 'kg' } }],
    });
  });
});
