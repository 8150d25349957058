import { dispatched } from '@suyuan/logistics/domain/logistics.fixtures';
import { batchRegistered, harvested, held, packed } from '@suyuan/production/domain/batch.fixtures';
import { BatchCertificationRecorded, BatchHoldLifted } from '@suyuan/production/domain/events';
import { DocWrite } from '@suyuan/readmodels/projection';
import { SpecEvent, projectionSpec } from '@suyuan/readmodels/testing';
import { FacilityView, OrganizationView, ProductView } from '@suyuan/registry/registry.views';
import { BatchBrandCertified } from '../domain/events';
import { CartonOwnerView } from './carton-owners.projection';
import { complianceProjection } from './compliance.projection';
import { BatchComplianceView } from './compliance.views';

/**
 * How the compliance projection follows a batch's events into its record, with no standard
 * published: the facts the rules are judged on, the batch's clock and the lists it is kept in.
 * What the rules make of them is verdict.spec.ts's and windows.spec.ts's.
 */
const given = projectionSpec(complianceProjection);

const BATCH = 'bat-jf-20250618';
const PRODUCT = 'prd-huangjin-nai-plum';
const registry: DocWrite[] = [
  { collection: 'products', id: PRODUCT, doc: { id: PRODUCT, nameZh: '黄金柰李' } satisfies Partial<ProductView> },
  {
    collection: 'organizations',
    id: 'org-jiufeng-coop',
    doc: { id: 'org-jiufeng-coop', name: '乐昌市九峰镇黄金柰李专业合作社' } satisfies Partial<OrganizationView>,
  },
  {
    collection: 'facilities',
    id: 'fac-langshi-plot-3',
    doc: { id: 'fac-langshi-plot-3', region: { province: '广东省', county: '乐昌市' } } satisfies Partial<FacilityView>,
  },
];
/** Filed at 01:05 on 1 June, China time: late on 31 May in UTC. */
const FILED = { occurredAt: '2025-05-31T17:00:00.000Z', recordedAt: '2025-05-31T17:05:00.000Z' };
const registered: SpecEvent<typeof batchRegistered> = { ...batchRegistered, position: 1, metadata: FILED };

/** The batch's record as registration writes it, with nothing done to the goods yet. */
const record: BatchComplianceView = {
  id: BATCH,
  batchId: BATCH,
  lotCode: 'JF2025-0618',
  productId: PRODUCT,
  productName: '黄金柰李',
  cooperativeId: 'org-jiufeng-coop',
  cooperativeName: '乐昌市九峰镇黄金柰李专业合作社',
  county: '乐昌市',
  province: '广东省',
  month: '2025-06',
  registeredAt: FILED.recordedAt,
  facts: {
    batchId: BATCH,
    productId: PRODUCT,
    cooperativeId: 'org-jiufeng-coop',
    farmPlotId: 'fac-langshi-plot-3',
    inputs: [],
    harvests: [],
    preCoolings: [],
    tests: [],
    gradings: [],
    packings: [],
    certifications: [],
    asOf: '',
  },
  productionSettled: false,
  items: { compliant: 0, non_compliant: 0, pending: 0 },
  cohorts: [],
  windows: {},
  violated: [],
  updatedAt: FILED.recordedAt,
};
const compliance = (doc: BatchComplianceView): DocWrite => ({ collection: 'compliance', id: doc.id, doc });
const list = (collection: string, id: string, batchIds: string[]): DocWrite => ({ collection, id, doc: { id, batchIds } });

const HARVEST = { occurredAt: '2025-06-17T22:30:00.000Z', recordedAt: '2025-06-18T01:00:00.000Z' };
const afterHarvest: BatchComplianceView = {
  ...record,
  facts: {
    ...record.facts,
    harvests: [{ eventId: 'evt-harvest', harvestedAt: '2025-06-18T06:30:00+08:00', quantity: { value: 800, unit: 'kg' } }],
    asOf: HARVEST.occurredAt,
  },
  updatedAt: HARVEST.recordedAt,
};
const harvest = { ...harvested, id: 'evt-harvest', metadata: HARVEST };

const PACKED = { occurredAt: '2025-06-18T07:00:00.000Z', recordedAt: '2025-06-18T07:05:00.000Z' };
const packing = { ...packed, id: 'evt-packed', metadata: PACKED };
/** After packing: two cartons, one of 特级 (two items) and one of 一级 (one), nowhere yet. */
const afterPacking: BatchComplianceView = {
  ...afterHarvest,
  facts: {
    ...afterHarvest.facts,
    packings: [
      {
        eventId: 'evt-packed',
        packedAt: '2025-06-18T15:00:00+08:00',
        facilityId: 'fac-jiufeng-packhouse',
        grades: ['特级', '一级'],
        netWeightMissing: false,
      },
    ],
    asOf: PACKED.occurredAt,
  },
  cohorts: [
    { grade: '特级', cartons: { 'CTN-0618-001': 2 }, items: 2, windowIds: [] },
    { grade: '一级', cartons: { 'CTN-0618-002': 1 }, items: 1, windowIds: [] },
  ],
  updatedAt: PACKED.recordedAt,
};

describe('compliance projection', () => {
  it('opens the record of a registered batch, named as the registry has it, and lists it among its product’s open batches', () => {
    given(registry)
      .when(registered)
      .then([compliance(record), list('complianceOpenBatches', PRODUCT, [BATCH])]);
  });

  it('names the batch by its ids where the registry does not know them', () => {
    const { province: _province, ...unnamed } = record;
    given()
      .when(registered)
      .then([
        compliance({ ...unnamed, productName: PRODUCT, cooperativeName: 'org-jiufeng-coop', county: '' }),
        list('complianceOpenBatches', PRODUCT, [BATCH]),
      ]);
  });

  it('adds a step to the facts, and the batch’s clock moves to when it happened', () => {
    given([...registry, registered])
      .when(harvest)
      .then([compliance(afterHarvest)]);
  });

  it('adds a certification without moving the clock: it is filed, not done to the goods', () => {
    const organic: SpecEvent<BatchCertificationRecorded> = {
      type: 'BatchCertificationRecorded',
      data: {
        batchId: BATCH,
        kind: 'organic',
        certificateNo: 'OFDC-2025-0187',
        issuedBy: '南京国环有机产品认证中心',
        validUntil: '2026-06-30T00:00:00.000Z',
      },
      id: 'evt-organic',
      position: 9,
      metadata: { occurredAt: '2025-06-20T00:00:00.000Z', recordedAt: '2025-06-20T00:00:00.000Z' },
    };
    given([...registry, registered, harvest])
      .when(organic)
      .then([
        compliance({
          ...afterHarvest,
          facts: {
            ...afterHarvest.facts,
            certifications: [{ eventId: 'evt-organic', position: 9, kind: 'organic', validUntil: '2026-06-30T00:00:00.000Z' }],
          },
          updatedAt: '2025-06-20T00:00:00.000Z',
        }),
      ]);
  });

  it('keeps the residue families holding the batch until a confirmation lifts them', () => {
    const lifted: BatchHoldLifted = {
      type: 'BatchHoldLifted',
      data: { batchId: BATCH, family: 'pesticide', testId: 'qt-20250619-02', liftedAt: '2025-06-19T10:00:00+08:00' },
    };
    const heldRecord = {
      ...afterHarvest,
      facts: { ...afterHarvest.facts, held: ['pesticide' as const], asOf: '2025-06-19T00:00:00.000Z' },
      updatedAt: '2025-06-19T00:00:00.000Z',
    };
    given([...registry, registered, harvest])
      .when(held)
      .then([compliance(heldRecord)]);
    const { held: _held, ...free } = heldRecord.facts;
    given([...registry, registered, harvest, held])
      .when(lifted)
      .then([compliance({ ...heldRecord, facts: free })]);
  });

  it('on the first packing, moves the batch from its product’s open list to the list of the day it was packed, one cohort per grade', () => {
    given([...registry, registered, harvest])
      .when(packing)
      .then([
        compliance(afterPacking),
        list('complianceOpenBatches', PRODUCT, []),
        list('compliancePacked', `${PRODUCT}|2025-06-18`, [BATCH]),
      ]);
  });

  it('follows the batch’s cartons: their first dispatch, and which of them left the county hub', () => {
    const cartons: DocWrite[] = ['CTN-0618-001', 'CTN-0618-002'].map((id) => ({
      collection: 'cartons',
      id,
      doc: { id, batchId: BATCH } satisfies CartonOwnerView,
    }));
    const hub: DocWrite = {
      collection: 'facilities',
      id: 'fac-lechang-county-hub',
      doc: { id: 'fac-lechang-county-hub', name: '乐昌市县级物流中心', type: 'county_hub' },
    };
    const DISPATCHED = { occurredAt: '2025-06-19T00:00:00.000Z', recordedAt: '2025-06-19T00:01:00.000Z' };
    const leftHub = { eventId: 'evt-dispatch', at: '2025-06-19T08:00:00+08:00' };
    given([...registry, hub, ...cartons, registered, harvest, packing])
      .when({ ...dispatched, id: 'evt-dispatch', position: 20, metadata: DISPATCHED })
      .then([
        compliance({
          ...afterPacking,
          facts: {
            ...afterPacking.facts,
            firstDispatch: { eventId: 'evt-dispatch', position: 20, at: '2025-06-19T08:00:00+08:00' },
            asOf: DISPATCHED.occurredAt,
          },
          cohorts: afterPacking.cohorts.map((cohort) => ({ ...cohort, hubDispatch: leftHub })),
          updatedAt: DISPATCHED.recordedAt,
        }),
      ]);
  });

  it('lets the regional public brand be carried by the batch', () => {
    const certified: BatchBrandCertified = {
      type: 'BatchBrandCertified',
      data: {
        batchId: BATCH,
        standardId: 'std-huangjin-nai-plum',
        version: 1,
        brand: '乐昌黄金柰李',
        certifiedBy: 'org-lechang-ecc',
        certifiedAt: '2025-06-19T09:00:00+08:00',
      },
    };
    given([...registry, registered, harvest])
      .when(certified)
      .then([
        compliance({
          ...afterHarvest,
          brand: {
            status: 'certified',
            brand: '乐昌黄金柰李',
            version: 1,
            certifiedAt: '2025-06-19T09:00:00+08:00',
            certifiedBy: 'org-lechang-ecc',
          },
          updatedAt: '2025-06-19T00:00:00.000Z',
        }),
      ]);
  });

  it('writes nothing for the steps, cartons and brand of a batch it never saw registered', () => {
    given(registry).when(harvest).then([]);
    given([{ collection: 'cartons', id: 'CTN-0618-001', doc: { id: 'CTN-0618-001', batchId: BATCH } }])
      .when(dispatched)
      .then([]);
    given(registry).when(dispatched).then([]);
    given(registry)
      .when({
        type: 'BatchBrandCertified',
        data: {
          batchId: BATCH,
          standardId: 'std-huangjin-nai-plum',
          version: 1,
          brand: '乐昌黄金柰李',
          certifiedBy: 'org-lechang-ecc',
          certifiedAt: '2025-06-19T09:00:00+08:00',
        },
      })
      .then([]);
  });
});
