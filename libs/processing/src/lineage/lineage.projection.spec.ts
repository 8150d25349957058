import { DocWrite } from '@suyuan/readmodels/projection';
import { projectionSpec } from '@suyuan/readmodels/testing';
import { lineageProjection } from './lineage.projection';
import { LineageEdge, LineageView } from './lineage.views';
import { TEA_FACTORY, blend, blended, bulk, giftBox, leafA, leafB, split } from './lineage.fixtures';

const given = projectionSpec(lineageProjection);

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

const blendParents = [edge(leafA, 'tf-blend', 100, BLENDED_AT), edge(leafB, 'tf-blend', 60, BLENDED_AT, { cartonIds: ['CTN-B-1'] })];
const splitChildren = [edge(giftBox, 'tf-split', 36, SPLIT_AT), edge(bulk, 'tf-split', 36, SPLIT_AT)];
const blendWrites: DocWrite[] = [
  lot(leafA, leafA.ownerId, { children: [edge(blend, 'tf-blend', 100, BLENDED_AT)] }),
  lot(leafB, leafB.ownerId, { children: [edge(blend, 'tf-blend', 60, BLENDED_AT, { cartonIds: ['CTN-B-1'] })] }),
  lot(blend, TEA_FACTORY, { parents: blendParents }),
];
const splitOutputs: DocWrite[] = [
  lot(giftBox, TEA_FACTORY, { parents: [edge(blend, 'tf-split', 36, SPLIT_AT)] }),
  lot(bulk, TEA_FACTORY, { parents: [edge(blend, 'tf-split', 36, SPLIT_AT)] }),
];

describe('lineage projection', () => {
  it('gives every input a child edge and the output a parent edge per input', () => given().when(blended).then(blendWrites));

  it('adds a split to the lot it was made from, one child edge per output', () =>
    given([blended])
      .when(split)
      .then([lot(blend, TEA_FACTORY, { parents: blendParents, children: splitChildren }), ...splitOutputs]));

  it('starts the document of a lot it has not seen as an input', () =>
    given()
      .when(split)
      .then([lot(blend, TEA_FACTORY, { children: splitChildren }), ...splitOutputs]));

  it('adds an edge once when the same transformation is projected again', () => given([blended]).when(blended).then(blendWrites));
});
