import { deciderSpec } from '@suyuan/core/testing';
import { LotCodeReserved, ReserveLotCode, lotCodeDecider } from './lot-code';

const given = deciderSpec(lotCodeDecider);

const reserve: ReserveLotCode = {
  type: 'ReserveLotCode',
  productId: 'prd-huangjin-nai-plum',
  organizationId: 'org-jiufeng-coop',
  lotCode: 'JF2025-0618',
  batchId: 'bat-jf-20250618',
  now: '2025-06-18T06:00:00.000Z',
};
const reserved: LotCodeReserved = {
  type: 'LotCodeReserved',
  data: {
    productId: 'prd-huangjin-nai-plum',
    organizationId: 'org-jiufeng-coop',
    lotCode: 'JF2025-0618',
    batchId: 'bat-jf-20250618',
    reservedAt: '2025-06-18T06:00:00.000Z',
  },
};

describe('lot codes, unique per product and organization', () => {
  it('claims a free code for the batch', () => {
    given([]).when(reserve).then([reserved]);
  });

  it('finds its own claim on a retry: nothing new', () => {
    given([reserved]).when(reserve).then([]);
  });

  it('refuses a second batch, naming the first', () => {
    const error = given([reserved])
      .when({ ...reserve, batchId: 'bat-jf-other' })
      .thenThrows({ kind: 'conflict', code: 'lot_code_taken', details: { field: 'lotCode' } });
    expect(error.details).toMatchObject({ batchId: 'bat-jf-20250618' });
  });

  it('takes over a claim whose batch never appeared, once stale', () => {
    given([reserved])
      .when({ ...reserve, batchId: 'bat-jf-other', abandonedBatchId: 'bat-jf-20250618', now: '2025-06-18T06:01:01.000Z' })
      .then([{ ...reserved, data: { ...reserved.data, batchId: 'bat-jf-other', reservedAt: '2025-06-18T06:01:01.000Z' } }]);
  });

  it('leaves a fresh claim to the writer that may still be finishing it', () => {
    given([reserved])
      .when({ ...reserve, batchId: 'bat-jf-other', abandonedBatchId: 'bat-jf-20250618', now: '2025-06-18T06:00:30.000Z' })
      .thenThrows({ kind: 'conflict', code: 'lot_code_taken' });
  });
});
