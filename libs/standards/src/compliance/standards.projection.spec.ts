import { DocWrite } from '@suyuan/readmodels/projection';
import { projectionSpec } from '@suyuan/readmodels/testing';
import { plumStandardPublished, plumStandardRevised } from '../domain/standard.fixtures';
import { StandardView } from './compliance.views';
import { standardsProjection } from './standards.projection';

const given = projectionSpec(standardsProjection);

const PUBLISHED = { recordedAt: '2025-05-20T02:00:00.000Z' };
const REVISED = { recordedAt: '2025-06-25T02:00:00.000Z' };
const registry: DocWrite[] = [
  { collection: 'products', id: 'prd-huangjin-nai-plum', doc: { id: 'prd-huangjin-nai-plum', nameZh: '黄金柰李' } },
  { collection: 'organizations', id: 'org-lechang-ecc', doc: { id: 'org-lechang-ecc', name: '乐昌市电商公共服务中心' } },
];
const first: StandardView = {
  id: 'prd-huangjin-nai-plum',
  standardId: 'std-huangjin-nai-plum',
  productId: 'prd-huangjin-nai-plum',
  productName: '黄金柰李',
  ownerId: 'org-lechang-ecc',
  ownerName: '乐昌市电商公共服务中心',
  versions: [{ ...plumStandardPublished.data, publishedAt: PUBLISHED.recordedAt }],
};
const standard = (doc: StandardView): DocWrite => ({ collection: 'standards', id: doc.id, doc });

describe('standards projection', () => {
  it('writes a product’s standard with its first version, dated when it was recorded, product and owner named', () => {
    given(registry)
      .when({ ...plumStandardPublished, metadata: PUBLISHED })
      .then([standard(first)]);
  });

  it('names the product and owner by their ids where the registry does not know them', () => {
    given()
      .when({ ...plumStandardPublished, metadata: PUBLISHED })
      .then([standard({ ...first, productName: 'prd-huangjin-nai-plum', ownerName: 'org-lechang-ecc' })]);
  });

  it('keeps every earlier version readable when a revision is published', () => {
    given([...registry, { ...plumStandardPublished, metadata: PUBLISHED }])
      .when({ ...plumStandardRevised, metadata: REVISED })
      .then([standard({ ...first, versions: [...first.versions, { ...plumStandardRevised.data, publishedAt: REVISED.recordedAt }] })]);
  });
});
