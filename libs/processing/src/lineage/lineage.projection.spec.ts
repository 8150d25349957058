import { DocWrite } from '@suyuan/readmodels/projection';
import { projectionSpec } from '@suyuan/readmodels/testing';
import { FacilityView, OrganizationView } from '@suyuan/registry/registry.views';
import { lineageProjection } from './lineage.projection';
import { LineageEdge, LineageView, TraceTransformationView } from './lineage.views';
import { PLANT, TEA_FACTORY, blend, blended, bulk, giftBox, leafA, leafB, split } from './lineage.fixtures';

const given = projectionSpec(lineageProjection);

const lechang = { province: '广东省', county: '乐昌市' };
const factory: OrganizationView = {
  id: TEA_FACTORY,
  name: '乐昌市白毛茶加工厂',
  role: 'processor',
  region: lechang,
  registeredAt: '2026-01-05T00:00:00.000Z',
};
const plant: FacilityView = {
  id: PLANT,
  ownerId: TEA_FACTORY,
  ownerName: factory.name,
  type: 'processing_plant',
  name: '白毛茶加工车间',
  region: lechang,
  registeredAt: '2026-01-05T00:00:00.000Z',
};
const registry: DocWrite[] = [
  { collection: 'organizations', id: factory.id, doc: factory },
  { collection: 'facilities', id: plant.id, doc: plant },
];

const kg = (value: number) => ({ value, unit: 'kg' });
const edge = (
  lot: { batchId: string; lotCode: string; productId: string },
  transformationId: string,
  given: number,
  at: string,
  extra: Partial<LineageEdge> = {},
): LineageEdge => ({
  batchId: lot.batchId,
  lotCode: lot.lotCode,
  productId: lot.productId,
  transformationId,
  quantity: kg(given),
  weightKg: given,
  at,
  ...extra,
});
const lineage = (doc: LineageView): DocWrite => ({ collection: 'lineage', id: doc.id, doc });
/** The lot's document with these edges. */
const lot = (
  l: { batchId: string; lotCode: string; productId: string },
  ownerId: string,
  edges: Partial<Pick<LineageView, 'parents' | 'children'>>,
): DocWrite => lineage({ id: l.batchId, lotCode: l.lotCode, productId: l.productId, ownerId, parents: [], children: [], ...edges });

const BLENDED_AT = '2026-04-12T10:00:00.000Z';
const SPLIT_AT = '2026-04-13T09:00:00.000Z';

const blendTransformation: TraceTransformationView = {
  id: 'tf-blend',
  process: 'tea_processing',
  processor: { id: TEA_FACTORY, name: '乐昌市白毛茶加工厂' },
  plant: { id: PLANT, name: '白毛茶加工车间', region: lechang },
  startedAt: '2026-04-11T08:00:00.000Z',
  endedAt: BLENDED_AT,
  steps: blended.data.steps,
  inputs: [leafA.batchId, leafB.batchId],
  outputs: [blend.batchId],
  yieldPct: 22.5,
  recordedBy: {
    organizationId: TEA_FACTORY,
    organizationName: '乐昌市白毛茶加工厂',
    keyId: 'key-tea-factory-1',
    recordedAt: '2026-04-12T18:05:00.000Z',
  },
};

const blendParents = [edge(leafA, 'tf-blend', 100, BLENDED_AT), edge(leafB, 'tf-blend', 60, BLENDED_AT, { cartonIds: ['CTN-B-1'] })];
const splitChildren = [edge(giftBox, 'tf-split', 36, SPLIT_AT), edge(bulk, 'tf-split', 36, SPLIT_AT)];
const blendWrites: DocWrite[] = [
  lot(leafA, leafA.ownerId, { children: [edge(blend, 'tf-blend', 100, BLENDED_AT)] }),
  lot(leafB, leafB.ownerId, { children: [edge(blend, 'tf-blend', 60, BLENDED_AT, { cartonIds: ['CTN-B-1'] })] }),
  lot(blend, TEA_FACTORY, { parents: blendParents }),
  { collection: 'traceTransformations', id: 'tf-blend', doc: blendTransformation },
];
const splitOutputs: DocWrite[] = [
  lot(giftBox, TEA_FACTORY, { parents: [edge(blend, 'tf-split', 36, SPLIT_AT)] }),
  lot(bulk, TEA_FACTORY, { parents: [edge(blend, 'tf-split', 36, SPLIT_AT)] }),
];

describe('lineage projection', () => {
  it('gives every input a child edge and the output a parent edge per input, and keeps the transformation', () =>
    given(registry).when(blended).then(blendWrites));

  it('adds a split to the lot it was made from, one child edge per output', () =>
    given([...registry, blended])
      .when(split)
      .then([
        lot(blend, TEA_FACTORY, { parents: blendParents, children: splitChildren }),
        ...splitOutputs,
        {
          collection: 'traceTransformations',
          id: 'tf-split',
          doc: {
            ...blendTransformation,
            id: 'tf-split',
            process: 'packing_split',
            startedAt: '2026-04-13T08:00:00.000Z',
            endedAt: SPLIT_AT,
            steps: [],
            inputs: [blend.batchId],
            outputs: [giftBox.batchId, bulk.batchId],
            yieldPct: undefined,
          },
        },
      ]));

  it('names the processor and plant by id when the registry does not know them', () =>
    given()
      .when(split)
      .then([
        lot(blend, TEA_FACTORY, { children: splitChildren }),
        ...splitOutputs,
        {
          collection: 'traceTransformations',
          id: 'tf-split',
          doc: expect.objectContaining({
            processor: { id: TEA_FACTORY, name: TEA_FACTORY },
            plant: { id: PLANT, name: PLANT },
            recordedBy: expect.objectContaining({ organizationName: TEA_FACTORY }),
          }),
        },
      ]));

  it('adds an edge once when the same transformation is projected again', () =>
    given([...registry, blended])
      .when(blended)
      .then(blendWrites));
});
