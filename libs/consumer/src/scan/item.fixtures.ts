import { ItemView } from '@suyuan/production/batch.views';

/** A packed plum bag as the items read model holds it. */
export function packedItem(code = '7K3M9QX2ABCD4EFG', cartonId = 'CT0000000000AB'): ItemView {
  return {
    code,
    batchId: 'B1',
    cartonId,
    grade: '特级',
    netWeight: { value: 2.5, unit: 'kg' },
    packingId: 'PK1',
    packedAt: '2026-07-15T03:00:00.000Z',
    facilityId: 'FAC1',
  };
}
