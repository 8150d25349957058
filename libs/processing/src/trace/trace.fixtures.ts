import Database from 'better-sqlite3';
import { EventMetadata } from '@suyuan/core';
import { ShipmentEvent } from '@suyuan/logistics/domain/events';
import { logisticsProjection } from '@suyuan/logistics/cartons.projection';
import { batchProjection } from '@suyuan/production/batch.projection';
import { BatchEvent, PackedItem } from '@suyuan/production/domain/events';
import { Viewer } from '@suyuan/production/access/read-policy';
import { projectEvents } from '@suyuan/readmodels/project-events';
import { AnyProjection, DocWrite } from '@suyuan/readmodels/projection';
import { SqliteDocumentStore } from '@suyuan/readmodels/sqlite/sqlite-document-store';
import { recorded } from '@suyuan/readmodels/testing';
import { FacilityView, OrganizationView, ProductView } from '@suyuan/registry/registry.views';
import { TransformationEvent } from '../domain/events';
import { LineageView } from '../lineage/lineage.views';
import { lineageProjection } from '../lineage/lineage.projection';
import { blended, split, leafA, leafB, blend, giftBox, bulk, TEA_FACTORY, PLANT, LEAVES, TEA } from '../lineage/lineage.fixtures';
import { traceIndexProjection } from '../lineage/trace-index.projection';
import { transformationsProjection } from '../transformations/transformations.projection';

/**
 * The tea world of lineage.fixtures as documents, projected from events by the real projections:
 * cooperative A's leaves (sprayed, harvested, tested) and cooperative B's (packed in one carton,
 * taken whole) blended into tea at the factory's plant, split into a gift-box lot (two cartons of
 * three boxes: one delivered to a village shop, one on its way to the county hub) and a bulk lot
 * (two cartons of two bags: one at the plant, not shipped yet, one at the county hub).
 */
export const COOP_A = leafA.ownerId;
export const COOP_B = leafB.ownerId;
export const LAB = 'org-lechang-qtc';
export const LOGISTICS = 'org-lechang-logistics';
const LECHANG = { province: '广东省', county: '乐昌市' };

export const PLOT_A = 'fac-plot-a';
export const PLOT_B = 'fac-plot-b';
export const HUB = 'fac-county-hub';
export const VILLAGE = 'fac-chaliao-village-point';
export const SHOP = '茶料村便民店';

export const regulator: Viewer = { organizationId: 'org-lechang-samr', role: 'regulator', jurisdiction: LECHANG };
export const otherCountyRegulator: Viewer = {
  organizationId: 'org-renhua-samr',
  role: 'regulator',
  jurisdiction: { ...LECHANG, county: '仁化县' },
};
export const coopA: Viewer = { organizationId: COOP_A, role: 'cooperative' };
export const teaFactory: Viewer = { organizationId: TEA_FACTORY, role: 'processor' };

const org = (id: string, name: string, role: OrganizationView['role']): OrganizationView => ({
  id,
  name,
  role,
  region: LECHANG,
  registeredAt: '2026-01-05T00:00:00.000Z',
});
const facility = (id: string, name: string, type: FacilityView['type'], ownerId: string): FacilityView => ({
  id,
  ownerId,
  ownerName: ownerId,
  type,
  name,
  region: { ...LECHANG, town: '北乡镇' },
  registeredAt: '2026-01-05T00:00:00.000Z',
});
const product = (id: string, nameZh: string, nameEn: string): ProductView => ({
  id,
  nameZh,
  nameEn,
  category: 'tea',
  storageClass: 'ambient',
  grades: ['特级', '一级'],
  registeredAt: '2026-01-05T00:00:00.000Z',
});

export const registry: DocWrite[] = [
  ...[
    org(COOP_A, '乐昌市北乡茶叶专业合作社', 'cooperative'),
    org(COOP_B, '乐昌市沿溪山茶叶合作社', 'cooperative'),
    org(TEA_FACTORY, '乐昌市白毛茶加工厂', 'processor'),
    org(LAB, '乐昌市农产品质量安全检测站', 'testing_lab'),
    org(LOGISTICS, '乐昌市县域物流配送中心', 'logistics'),
  ].map((doc) => ({ collection: 'organizations', id: doc.id, doc })),
  ...[
    facility(PLOT_A, '北乡村茶园1号地块', 'farm_plot', COOP_A),
    facility(PLOT_B, '沿溪山茶园2号地块', 'farm_plot', COOP_B),
    facility(PLANT, '白毛茶加工车间', 'processing_plant', TEA_FACTORY),
    facility(HUB, '乐昌市县级物流中心', 'county_hub', LOGISTICS),
    facility(VILLAGE, '茶料村物流服务点', 'village_point', LOGISTICS),
  ].map((doc) => ({ collection: 'facilities', id: doc.id, doc })),
  ...[product(LEAVES, '茶青', 'fresh tea leaves'), product(TEA, '乐昌白毛茶', 'Lechang Baimao tea')].map((doc) => ({
    collection: 'products',
    id: doc.id,
    doc,
  })),
];

type WorldEvent = (BatchEvent | ShipmentEvent | TransformationEvent) & { metadata: Partial<EventMetadata> };

const by = (organizationId: string, occurredAt: string, facilityId?: string): Partial<EventMetadata> => ({
  organizationId,
  keyId: `key-${organizationId}`,
  occurredAt,
  recordedAt: occurredAt,
  ...(facilityId && { facilityId }),
});
const kg = (value: number) => ({ value, unit: 'kg' });
const items = (cartonId: string, count: number, grade: string, netKg: number): PackedItem[] =>
  Array.from({ length: count }, (_, i) => ({ code: `${cartonId}-${i + 1}`.toUpperCase(), cartonId, grade, netWeight: kg(netKg) }));
const made = (lot: typeof blend, transformationId: string, quantity: number, at: string): WorldEvent[] => [
  {
    type: 'BatchRegistered',
    data: {
      ...lot,
      cooperativeId: TEA_FACTORY,
      origin: { kind: 'transformation', transformationId, plantId: PLANT },
      grades: ['特级', '一级'],
    },
    metadata: by(TEA_FACTORY, at),
  },
  {
    type: 'BatchProduced',
    data: { batchId: lot.batchId, transformationId, quantity: kg(quantity), producedAt: at },
    metadata: by(TEA_FACTORY, at),
  },
];
const packed = (
  lot: { batchId: string },
  packingId: string,
  cartons: PackedItem[][],
  at: string,
  who = TEA_FACTORY,
  facilityId = PLANT,
): WorldEvent => ({
  type: 'BatchPacked',
  data: {
    batchId: lot.batchId,
    packingId,
    facilityId,
    packedAt: at,
    items: cartons.flat(),
    cartons: cartons.map((c) => ({ cartonId: c[0].cartonId, itemCount: c.length })),
  },
  metadata: by(who, at, facilityId),
});

export const GIFT_CARTONS = ['CTN-G-1', 'CTN-G-2'];
export const BULK_CARTONS = ['CTN-K-1', 'CTN-K-2'];
export const giftItems = GIFT_CARTONS.map((c) => items(c, 3, '特级', 0.25));
export const bulkItems = BULK_CARTONS.map((c) => items(c, 2, '一级', 6));

export const worldEvents: WorldEvent[] = [
  {
    type: 'BatchRegistered',
    data: { ...leafA, cooperativeId: COOP_A, farmPlotId: PLOT_A, grades: [] },
    metadata: by(COOP_A, '2026-03-01T00:00:00.000Z'),
  },
  {
    type: 'FarmInputApplied',
    data: {
      batchId: leafA.batchId,
      inputId: 'in-a-1',
      inputName: '吡虫啉可湿性粉剂',
      activeIngredient: 'imidacloprid',
      kind: 'pesticide',
      dose: { value: 30, unit: 'g' },
      appliedAt: '2026-03-20T00:00:00.000Z',
      safetyIntervalDays: 14,
      farmPlotId: PLOT_A,
    },
    metadata: by(COOP_A, '2026-03-20T00:00:00.000Z'),
  },
  {
    type: 'BatchHarvested',
    data: { batchId: leafA.batchId, harvestId: 'hv-a', harvestedAt: '2026-04-10T00:00:00.000Z', quantity: kg(100), farmPlotId: PLOT_A },
    metadata: by(COOP_A, '2026-04-10T00:00:00.000Z'),
  },
  {
    type: 'QualityTestRecorded',
    data: {
      batchId: leafA.batchId,
      testId: 'qt-a',
      labId: LAB,
      method: 'pesticide_residue_rapid_test',
      standardRef: 'GB/T 5009.199-2003',
      sampleId: 'S-A-1',
      testedAt: '2026-04-10T03:00:00.000Z',
      value: 12.5,
      unit: '%',
      threshold: 50,
      passed: true,
    },
    metadata: by(LAB, '2026-04-10T03:00:00.000Z'),
  },
  {
    type: 'BatchRegistered',
    data: { ...leafB, cooperativeId: COOP_B, farmPlotId: PLOT_B, grades: ['特级'] },
    metadata: by(COOP_B, '2026-03-01T00:00:00.000Z'),
  },
  {
    type: 'BatchHarvested',
    data: { batchId: leafB.batchId, harvestId: 'hv-b', harvestedAt: '2026-04-10T02:00:00.000Z', quantity: kg(60), farmPlotId: PLOT_B },
    metadata: by(COOP_B, '2026-04-10T02:00:00.000Z'),
  },
  packed(leafB, 'pk-b', [items('CTN-B-1', 2, '特级', 30)], '2026-04-10T05:00:00.000Z', COOP_B, PLOT_B),
  { ...blended, metadata: { ...blended.metadata, occurredAt: '2026-04-12T10:00:00.000Z' } },
  ...made(blend, 'tf-blend', 36, '2026-04-12T10:00:00.000Z'),
  { ...split, metadata: { ...split.metadata, occurredAt: '2026-04-13T09:00:00.000Z' } },
  ...made(giftBox, 'tf-split', 12, '2026-04-13T09:00:00.000Z'),
  ...made(bulk, 'tf-split', 24, '2026-04-13T09:00:00.000Z'),
  packed(giftBox, 'pk-g', giftItems, '2026-04-13T11:00:00.000Z'),
  packed(bulk, 'pk-k', bulkItems, '2026-04-13T11:30:00.000Z'),
  ...leg('SH-1', PLANT, HUB, ['CTN-G-1'], '2026-04-14T01:00:00.000Z', '2026-04-14T03:00:00.000Z'),
  ...leg('SH-2', HUB, VILLAGE, ['CTN-G-1'], '2026-04-14T05:00:00.000Z', '2026-04-14T07:00:00.000Z'),
  {
    type: 'ShipmentDelivered',
    data: { shipmentId: 'SH-2', facilityId: VILLAGE, cartonIds: ['CTN-G-1'], deliveredAt: '2026-04-14T08:00:00.000Z', recipient: SHOP },
    metadata: by(LOGISTICS, '2026-04-14T08:00:00.000Z', VILLAGE),
  },
  ...leg('SH-3', PLANT, HUB, ['CTN-G-2'], '2026-04-15T01:00:00.000Z'),
  ...leg('SH-4', PLANT, HUB, ['CTN-K-2'], '2026-04-15T02:00:00.000Z', '2026-04-15T04:00:00.000Z'),
];

function leg(shipmentId: string, from: string, to: string, cartonIds: string[], dispatchedAt: string, receivedAt?: string): WorldEvent[] {
  return [
    {
      type: 'ShipmentDispatched',
      data: { shipmentId, fromFacilityId: from, toFacilityId: to, cartonIds, dispatchedAt },
      metadata: by(from === PLANT ? TEA_FACTORY : LOGISTICS, dispatchedAt, from),
    },
    ...(receivedAt
      ? [
          {
            type: 'ShipmentReceived' as const,
            data: { shipmentId, facilityId: to, cartonIds, receivedAt, condition: 'intact' as const },
            metadata: by(LOGISTICS, receivedAt, to),
          },
        ]
      : []),
  ];
}

export const TRACE_PROJECTIONS: AnyProjection[] = [
  batchProjection,
  logisticsProjection,
  transformationsProjection,
  lineageProjection,
  traceIndexProjection,
];

/** A document store holding `docs`, then what the projections make of `events`. */
export function traceStore(events: readonly WorldEvent[] = worldEvents, docs: DocWrite[] = registry): SqliteDocumentStore {
  const store = new SqliteDocumentStore(new Database(':memory:'), [
    { field: 'traceKey', collections: ['traceKeys'] },
    { field: 'batchId', collections: ['items'] },
  ]);
  store.commitSync(docs, { name: 'spec', position: 0 });
  const stored = events.map((e, i) => recorded(e, i + 1));
  store.commitSync(
    projectEvents(TRACE_PROJECTIONS, stored, (refs) => store.getManySync(refs)),
    { name: 'spec', position: stored.length },
  );
  return store;
}

/**
 * A malformed family tree closing on itself: each lot made from the one before it and made into
 * the one after it, the last into the first; each a copy of cooperative A's leaves.
 */
export async function cyclicStore(ids: readonly string[]): Promise<SqliteDocumentStore> {
  const batch = (await traceStore().get('batches', leafA.batchId))!;
  const edge = (batchId: string) => ({
    batchId,
    lotCode: batchId,
    productId: LEAVES,
    transformationId: 'tf-cycle',
    quantity: kg(1),
    at: '2026-04-01T00:00:00.000Z',
  });
  const lots = ids.flatMap((id, i): DocWrite[] => {
    const lineage: LineageView = {
      id,
      lotCode: id,
      productId: LEAVES,
      ownerId: COOP_A,
      parents: [edge(ids[(i + ids.length - 1) % ids.length])],
      children: [edge(ids[(i + 1) % ids.length])],
    };
    return [
      { collection: 'batches', id, doc: { ...batch, id, lotCode: id } },
      { collection: 'lineage', id, doc: lineage },
    ];
  });
  return traceStore([], [...registry, ...lots]);
}
