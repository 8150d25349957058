import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import { batchRegistered, cooperative, harvested, packed, packhouseFacility, recordFarmInput, recordHarvest } from './batch.fixtures';
import { RegisterOutputLot } from './commands';
import { BatchEvent } from './events';
import {
  chicken,
  outputLotRegistered,
  plant,
  processor,
  produced,
  producedAgain,
  purchaseLotRegistered,
  purchasedFromHousehold,
  recordHouseholdPurchase,
  recordProduction,
  registerOutputLot,
  registerPurchaseLot,
  rivalPlant,
  rivalProcessor,
  slaughterhouse,
} from './supply.fixtures';

const given = deciderSpec(batchDecider);

/** 冰鲜 birds sorted into a lot the slaughterhouse sells on counted, with their weight. */
const slaughterPlant = { id: 'fac-lechang-slaughter-plant', ownerId: 'org-lechang-slaughterhouse', type: 'processing_plant' };
const chilledBirds: RegisterOutputLot = {
  ...registerOutputLot,
  actor: slaughterhouse,
  batchId: 'bat-lcs-20250616',
  lotCode: 'LCS2025-0616',
  product: chicken,
  plant: slaughterPlant,
  transformationId: 'tf-0616-slaughter',
  quantity: { value: 196, unit: 'head' },
  producedAt: '2025-06-16T10:00:00+08:00',
};

describe('lots of processors', () => {
  describe('RegisterOutputLot', () => {
    it('registers the lot at the processor’s plant, made by the transformation, with what it made', () => {
      given([]).when(registerOutputLot).then([outputLotRegistered, produced]);
    });

    it('keeps the live weight of an output counted in heads', () => {
      given([])
        .when({ ...chilledBirds, liveWeight: { value: 350, unit: 'kg' } })
        .then([
          {
            type: 'BatchRegistered',
            data: {
              batchId: 'bat-lcs-20250616',
              lotCode: 'LCS2025-0616',
              productId: 'prd-xuemao-chicken',
              cooperativeId: 'org-lechang-slaughterhouse',
              origin: { kind: 'transformation', transformationId: 'tf-0616-slaughter', plantId: 'fac-lechang-slaughter-plant' },
              grades: [],
            },
          },
          {
            type: 'BatchProduced',
            data: {
              batchId: 'bat-lcs-20250616',
              transformationId: 'tf-0616-slaughter',
              quantity: { value: 196, unit: 'head' },
              producedAt: '2025-06-16T10:00:00+08:00',
              liveWeight: { value: 350, unit: 'kg' },
            },
          },
        ]);
    });

    it.each([
      ['an output by weight', registerOutputLot, { value: 60, unit: 'kg' }, 'live_weight_not_applicable'],
      ['heads counted in heads', chilledBirds, { value: 196, unit: 'head' }, 'unit_mismatch'],
      ['nothing', chilledBirds, { value: 0, unit: 'kg' }, 'invalid_quantity'],
    ])('refuses a live weight on %s', (_why, command, liveWeight, code) => {
      given([])
        .when({ ...command, liveWeight })
        .thenThrows({ kind: 'invalid', code });
    });

    it('is for processors only', () => {
      given([])
        .when({ ...registerOutputLot, actor: cooperative })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
    });

    it('cannot register the same lot twice', () => {
      given([outputLotRegistered, produced]).when(registerOutputLot).thenThrows({ kind: 'conflict', code: 'batch_exists' });
    });

    it('is made at the processor’s own processing plant', () => {
      given([])
        .when({ ...registerOutputLot, plant: rivalPlant })
        .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
      given([])
        .when({ ...registerOutputLot, plant: { ...packhouseFacility, ownerId: processor.organizationId } })
        .thenThrows({ kind: 'invalid', code: 'wrong_facility_type' });
    });

    it('needs a lot code GS1 AI 10 can carry', () => {
      given([])
        .when({ ...registerOutputLot, lotCode: '李干 2025' })
        .thenThrows({ kind: 'invalid', code: 'invalid_lot_code' });
    });

    it.each([
      ['nothing', { value: 0, unit: 'kg' }, 'invalid_quantity'],
      ['an unknown unit', { value: 60, unit: '袋' }, 'unknown_unit'],
    ])('refuses a quantity of %s', (_why, quantity, code) => {
      given([])
        .when({ ...registerOutputLot, quantity })
        .thenThrows({ kind: 'invalid', code });
    });

    it('refuses an output produced in the future', () => {
      given([])
        .when({ ...registerOutputLot, producedAt: '2025-07-01T08:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'time_in_future', details: { field: 'producedAt' } });
    });
  });

  describe('RecordProduction', () => {
    it('tops the output lot up with a later transformation’s output, in any weight unit', () => {
      given([outputLotRegistered, produced]).when(recordProduction).then([producedAgain]);
      given([outputLotRegistered, produced])
        .when({ ...recordProduction, quantity: { value: 0.045, unit: 't' } })
        .then([{ ...producedAgain, data: { ...producedAgain.data, quantity: { value: 0.045, unit: 't' } } }]);
    });

    it('changes nothing when the transformation’s output is already in the lot', () => {
      given([outputLotRegistered, produced])
        .when({ ...recordProduction, transformationId: 'tf-0620-drying' })
        .then([]);
      given([outputLotRegistered, produced, producedAgain]).when(recordProduction).then([]);
    });

    it('is for output lots only', () => {
      given([purchaseLotRegistered]).when(recordProduction).thenThrows({ kind: 'conflict', code: 'not_an_output_lot' });
      given([batchRegistered, harvested])
        .when({ ...recordProduction, actor: cooperative })
        .thenThrows({ kind: 'conflict', code: 'not_an_output_lot' });
    });

    it('is the lot owner’s to record', () => {
      given([outputLotRegistered, produced])
        .when({ ...recordProduction, actor: rivalProcessor })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_owner' });
    });

    it('keeps the lot in the unit it was made in', () => {
      given([outputLotRegistered, produced])
        .when({ ...recordProduction, quantity: { value: 45, unit: 'piece' } })
        .thenThrows({ kind: 'invalid', code: 'unit_mismatch', details: { field: 'quantity.unit' } });
    });

    it('refuses an output produced in the future', () => {
      given([outputLotRegistered, produced])
        .when({ ...recordProduction, producedAt: '2025-07-01T08:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'time_in_future' });
    });

    it('finds no lot that was never registered', () => {
      given([]).when(recordProduction).thenThrows({ kind: 'not_found', code: 'batch_not_found' });
    });
  });

  describe('RegisterPurchaseLot', () => {
    it('registers the purchaser’s lot at its plant, empty until it buys', () => {
      given([]).when(registerPurchaseLot).then([purchaseLotRegistered]);
    });

    it('is for processors only, at their own processing plant, under a valid lot code, once', () => {
      given([])
        .when({ ...registerPurchaseLot, actor: cooperative })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
      given([])
        .when({ ...registerPurchaseLot, plant: rivalPlant })
        .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
      given([])
        .when({ ...registerPurchaseLot, plant: { ...plant, type: 'cold_store' } })
        .thenThrows({ kind: 'invalid', code: 'wrong_facility_type' });
      given([])
        .when({ ...registerPurchaseLot, lotCode: '' })
        .thenThrows({ kind: 'invalid', code: 'invalid_lot_code' });
      given([purchaseLotRegistered]).when(registerPurchaseLot).thenThrows({ kind: 'conflict', code: 'batch_exists' });
    });
  });

  describe('RecordHouseholdPurchase', () => {
    it('adds what one household sold, with its harvest time and certificate', () => {
      given([purchaseLotRegistered]).when(recordHouseholdPurchase).then([purchasedFromHousehold]);
    });

    it('adds a second household’s plums, declared with neither harvest time nor certificate', () => {
      const { harvestedAt: _harvestedAt, certificateNo: _certificateNo, ...bare } = recordHouseholdPurchase;
      given([purchaseLotRegistered, purchasedFromHousehold])
        .when({ ...bare, purchaseId: 'pu-0619-h02', personId: 'per-2b81d0', quantity: { value: 0.08, unit: 't' } })
        .then([
          {
            type: 'BatchPurchasedFromHousehold',
            data: {
              batchId: 'bat-jfp-20250619',
              purchaseId: 'pu-0619-h02',
              personId: 'per-2b81d0',
              quantity: { value: 0.08, unit: 't' },
              purchasedAt: '2025-06-19T10:00:00+08:00',
            },
          },
        ]);
    });

    it('goes into a purchase lot only', () => {
      given([outputLotRegistered, produced]).when(recordHouseholdPurchase).thenThrows({ kind: 'conflict', code: 'not_a_purchase_lot' });
    });

    it('is the lot owner’s to record', () => {
      given([purchaseLotRegistered])
        .when({ ...recordHouseholdPurchase, actor: rivalProcessor })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_owner' });
    });

    it('cannot record the same purchase twice', () => {
      given([purchaseLotRegistered, purchasedFromHousehold])
        .when(recordHouseholdPurchase)
        .thenThrows({ kind: 'conflict', code: 'purchase_exists' });
    });

    it('refuses a purchase before the harvest the household declared', () => {
      given([purchaseLotRegistered])
        .when({ ...recordHouseholdPurchase, purchasedAt: '2025-06-19T05:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'before_harvest', details: { field: 'purchasedAt' } });
    });

    it.each([
      ['a purchase', { purchasedAt: '2025-07-01T08:00:00+08:00' }, 'purchasedAt'],
      ['a harvest', { harvestedAt: '2025-07-01T08:00:00+08:00' }, 'harvestedAt'],
    ])('refuses %s in the future', (_why, patch, field) => {
      given([purchaseLotRegistered])
        .when({ ...recordHouseholdPurchase, ...patch })
        .thenThrows({ kind: 'invalid', code: 'time_in_future', details: { field } });
    });

    it('keeps the lot in the unit of its first purchase', () => {
      given([purchaseLotRegistered, purchasedFromHousehold])
        .when({ ...recordHouseholdPurchase, purchaseId: 'pu-0619-h02', quantity: { value: 3, unit: 'piece' } })
        .thenThrows({ kind: 'invalid', code: 'unit_mismatch' });
    });
  });

  describe('what only a grown batch records', () => {
    const made: [string, BatchEvent[]][] = [
      ['an output lot', [outputLotRegistered, produced]],
      ['a purchase lot', [purchaseLotRegistered, purchasedFromHousehold]],
    ];

    it.each(made)('refuses a farm input on %s', (_lot, events) => {
      given(events)
        .when({ ...recordFarmInput, actor: processor })
        .thenThrows({ kind: 'conflict', code: 'not_grown_here' });
    });

    it('says so first, before what else is wrong with the farm input', () => {
      const packedOutput: BatchEvent = { ...packed, data: { ...packed.data, batchId: 'bat-jfd-20250622' } };
      given([outputLotRegistered, produced, packedOutput])
        .when({ ...recordFarmInput, actor: processor, dose: { value: 0, unit: 'g/亩' } })
        .thenThrows({ kind: 'conflict', code: 'not_grown_here' });
    });

    it.each(made)('refuses a harvest on %s', (_lot, events) => {
      given(events)
        .when({ ...recordHarvest, actor: processor })
        .thenThrows({ kind: 'conflict', code: 'not_grown_here' });
    });
  });

  describe('live weight on a harvest', () => {
    const flockRegistered = { ...batchRegistered, data: { ...batchRegistered.data, grades: [] } };
    const birds = { ...recordHarvest, quantity: { value: 200, unit: 'head' } };

    it('goes with animals counted in heads, in any weight unit', () => {
      given([flockRegistered])
        .when({ ...birds, liveWeight: { value: 0.36, unit: 't' } })
        .then([{ ...harvested, data: { ...harvested.data, quantity: birds.quantity, liveWeight: { value: 0.36, unit: 't' } } }]);
    });

    it.each([
      ['a harvest by weight', { value: 800, unit: 'kg' }, { value: 800, unit: 'kg' }, 'live_weight_not_applicable'],
      ['a harvest in pieces', { value: 200, unit: 'piece' }, { value: 360, unit: 'kg' }, 'live_weight_not_applicable'],
      ['heads, given in heads', { value: 200, unit: 'head' }, { value: 200, unit: 'head' }, 'unit_mismatch'],
      ['heads, weighing nothing', { value: 200, unit: 'head' }, { value: 0, unit: 'kg' }, 'invalid_quantity'],
    ])('is refused on %s', (_why, quantity, liveWeight, code) => {
      given([flockRegistered])
        .when({ ...recordHarvest, quantity, liveWeight })
        .thenThrows({ kind: 'invalid', code });
    });
  });

  it('adds no goods to a lot whose items are packed: they carry its record and do not contain them', () => {
    const packedOutput = { ...packed, data: { ...packed.data, batchId: outputLotRegistered.data.batchId } };
    given([outputLotRegistered, produced, packedOutput]).when(recordProduction).thenThrows({ kind: 'conflict', code: 'batch_packed' });
    const packedPurchases = { ...packed, data: { ...packed.data, batchId: purchaseLotRegistered.data.batchId } };
    given([purchaseLotRegistered, purchasedFromHousehold, packedPurchases])
      .when({ ...recordHouseholdPurchase, purchaseId: 'pu-later' })
      .thenThrows({ kind: 'conflict', code: 'batch_packed' });
  });
});
