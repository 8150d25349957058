import { SpecEvent } from '@suyuan/readmodels/testing';
import { TransformationInput, TransformationOutput, TransformationRecorded } from '../domain/events';

/**
 * Three generations of 乐昌白毛茶: two cooperatives' fresh-leaf lots (on two plots) blended by
 * the tea factory into one lot of finished tea, which it then splits into a gift-box lot and a
 * bulk lot.
 */
export const TEA_FACTORY = 'org-lechang-tea-factory';
export const PLANT = 'fac-tea-plant';
export const LEAVES = 'prd-fresh-leaves';
export const TEA = 'prd-baimao-tea';

export const leafA = { batchId: 'bat-leaves-a', lotCode: 'LVA-0410', productId: LEAVES, ownerId: 'org-coop-a' };
export const leafB = { batchId: 'bat-leaves-b', lotCode: 'LVB-0410', productId: LEAVES, ownerId: 'org-coop-b' };
export const blend = { batchId: 'bat-tea-blend', lotCode: 'TEA-0412', productId: TEA };
export const giftBox = { batchId: 'bat-tea-gift', lotCode: 'TEA-0412-G', productId: TEA };
export const bulk = { batchId: 'bat-tea-bulk', lotCode: 'TEA-0412-B', productId: TEA };

const input = (lot: typeof leafA, kg: number, extra: Partial<TransformationInput> = {}): TransformationInput => ({
  ...lot,
  quantity: { value: kg, unit: 'kg' },
  weightKg: kg,
  ...extra,
});
const output = (lot: typeof blend, kg: number, newLot = true): TransformationOutput => ({
  ...lot,
  quantity: { value: kg, unit: 'kg' },
  weightKg: kg,
  newLot,
});

export const PROCESSOR_METADATA = { organizationId: TEA_FACTORY, keyId: 'key-tea-factory-1', recordedAt: '2026-04-12T18:05:00.000Z' };

/** 杀青, 揉捻, 烘干: 100 kg and 60 kg of leaves into 36 kg of tea. */
export const blended: SpecEvent<TransformationRecorded> = {
  type: 'TransformationRecorded',
  data: {
    transformationId: 'tf-blend',
    processorId: TEA_FACTORY,
    plantId: PLANT,
    process: 'tea_processing',
    startedAt: '2026-04-11T08:00:00.000Z',
    endedAt: '2026-04-12T10:00:00.000Z',
    steps: [
      { name: '杀青', parameters: { temperatureC: 260, minutes: 3 } },
      { name: '烘干', parameters: { temperatureC: 90, minutes: 40 } },
    ],
    inputs: [input(leafA, 100), input(leafB, 60, { cartonIds: ['CTN-B-1'] })],
    outputs: [output(blend, 36)],
    yieldPct: 22.5,
  },
  metadata: PROCESSOR_METADATA,
};

/** The blend split in two lots. */
export const split: SpecEvent<TransformationRecorded> = {
  type: 'TransformationRecorded',
  data: {
    transformationId: 'tf-split',
    processorId: TEA_FACTORY,
    plantId: PLANT,
    process: 'packing_split',
    startedAt: '2026-04-13T08:00:00.000Z',
    endedAt: '2026-04-13T09:00:00.000Z',
    steps: [],
    inputs: [input({ ...blend, ownerId: TEA_FACTORY }, 36)],
    outputs: [output(giftBox, 12), output(bulk, 24)],
  },
  metadata: PROCESSOR_METADATA,
};
