import { deciderSpec } from '@suyuan/core/testing';
import { productDecider } from './product.decider';
import { jiufengCoop, plumRegistered, registerPlum } from './registry.fixtures';

const given = deciderSpec(productDecider);

describe('product decider', () => {
  it('registers a product with the default grades and its GTIN as GTIN-14', () => {
    given([]).when(registerPlum).then([plumRegistered]);
  });

  it('lets the administrator register a product', () => {
    given([])
      .when({ ...registerPlum, actor: { organizationId: 'org-admin', keyId: 'key-admin', role: 'admin' } })
      .then([plumRegistered]);
  });

  it('keeps a product’s own grades, in order', () => {
    given([])
      .when({ ...registerPlum, grades: ['精品果', '优等果'] })
      .then([{ ...plumRegistered, data: { ...plumRegistered.data, grades: ['精品果', '优等果'] } }]);
  });

  it('registers a product without a GTIN or temperature ranges', () => {
    given([])
      .when({
        type: 'RegisterProduct',
        actor: registerPlum.actor,
        productId: 'prd-ruyuan-yuba',
        nameZh: '乳源腐竹',
        nameEn: 'Ruyuan dried tofu skin',
        category: 'dried_processed',
        storageClass: 'ambient',
      })
      .then([
        {
          type: 'ProductRegistered',
          data: {
            productId: 'prd-ruyuan-yuba',
            nameZh: '乳源腐竹',
            nameEn: 'Ruyuan dried tofu skin',
            category: 'dried_processed',
            storageClass: 'ambient',
            grades: ['特级', '一级', '二级'],
          },
        },
      ]);
  });

  it('accepts a GTIN-14 as it is', () => {
    given([])
      .when({ ...registerPlum, gtin: '09506000134352' })
      .then([{ ...plumRegistered, data: { ...plumRegistered.data, gtin: '09506000134352' } }]);
  });

  it('is for the administrator or a standards owner only', () => {
    given([])
      .when({ ...registerPlum, actor: jiufengCoop })
      .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
  });

  it('cannot register the same product twice', () => {
    given([plumRegistered]).when(registerPlum).thenThrows({ kind: 'conflict', code: 'product_exists' });
  });

  it.each(['6901234567893', '690123456789', '69012345678'])('rejects the GTIN %s', (gtin) => {
    given([])
      .when({ ...registerPlum, gtin })
      .thenThrows({ kind: 'invalid', code: 'invalid_gtin' });
  });

  it('rejects a storage range whose minimum is above its maximum', () => {
    given([])
      .when({ ...registerPlum, storageRange: { minC: 0, maxC: -1 } })
      .thenThrows({ kind: 'invalid', code: 'invalid_temperature_range' });
  });

  it('rejects a transport range that is not a number', () => {
    given([])
      .when({ ...registerPlum, transportRange: { minC: Number.NaN, maxC: 3 } })
      .thenThrows({ kind: 'invalid', code: 'invalid_temperature_range' });
  });

  it('accepts a range of a single temperature', () => {
    given([])
      .when({ ...registerPlum, storageRange: { minC: 0, maxC: 0 } })
      .then([{ ...plumRegistered, data: { ...plumRegistered.data, storageRange: { minC: 0, maxC: 0 } } }]);
  });

  it('rejects an empty list of grades', () => {
    given([])
      .when({ ...registerPlum, grades: [] })
      .thenThrows({ kind: 'invalid', code: 'invalid_grades' });
  });

  it('rejects a blank grade', () => {
    given([])
      .when({ ...registerPlum, grades: ['特级', ' '] })
      .thenThrows({ kind: 'invalid', code: 'invalid_grades' });
  });

  it('rejects repeated grades, naming them', () => {
    const error = given([])
      .when({ ...registerPlum, grades: ['特级', '一级', '特级'] })
      .thenThrows({ kind: 'invalid', code: 'invalid_grades' });
    expect(error.message).toContain('特级');
  });

  it('records the products a processed product is made from, once each', () => {
    given([])
      .when({ ...registerPlum, madeFrom: ['prd-fresh-leaves', 'prd-fresh-leaves'] })
      .then([{ ...plumRegistered, data: { ...plumRegistered.data, madeFrom: ['prd-fresh-leaves'] } }]);
  });

  it.each([[[]], [[registerPlum.productId]]])('refuses madeFrom %j: it names other products', (madeFrom) => {
    given([])
      .when({ ...registerPlum, madeFrom })
      .thenThrows({ kind: 'invalid', code: 'invalid_made_from', details: { field: 'madeFrom' } });
  });

  it('records what one 亩 of the product’s plots gives in a season, and when its season starts', () => {
    const yieldPerMu = { kg: 320, seasonStartMonth: 3 };
    given([])
      .when({ ...registerPlum, yieldPerMu })
      .then([{ ...plumRegistered, data: { ...plumRegistered.data, yieldPerMu } }]);
  });

  it('takes a yield without a season start: the calendar year', () => {
    given([])
      .when({ ...registerPlum, yieldPerMu: { kg: 1500 } })
      .then([{ ...plumRegistered, data: { ...plumRegistered.data, yieldPerMu: { kg: 1500 } } }]);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, 100_001])('refuses a yield of %s kg per 亩', (kg) => {
    given([])
      .when({ ...registerPlum, yieldPerMu: { kg } })
      .thenThrows({ kind: 'invalid', code: 'invalid_yield', details: { field: 'yieldPerMu.kg' } });
  });

  it.each([0, 13, 2.5])('refuses a season starting in month %s', (seasonStartMonth) => {
    given([])
      .when({ ...registerPlum, yieldPerMu: { kg: 300, seasonStartMonth } })
      .thenThrows({ kind: 'invalid', code: 'invalid_yield', details: { field: 'yieldPerMu.seasonStartMonth' } });
  });
});
