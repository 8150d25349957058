import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import {
  batchRegistered,
  coldStore,
  cooperative,
  graded,
  harvested,
  inPackhouseHands,
  item,
  packAgain,
  packBatch,
  packed,
} from './batch.fixtures';
import { BatchHarvested, PackedItem } from './events';

const given = deciderSpec(batchDecider);

/** Only 10 kg picked: enough for the three boxes of packBatch, not for more. */
const smallHarvest: BatchHarvested = { ...harvested, data: { ...harvested.data, quantity: { value: 10, unit: 'kg' } } };

const inPieces = (value: number): BatchHarvested => ({
  ...harvested,
  data: { ...harvested.data, quantity: { value, unit: 'piece' } },
});

const packing = (items: PackedItem[], cartons = [{ cartonId: 'CTN-0618-001', itemCount: items.length }]) => ({
  ...packBatch,
  items,
  cartons,
});

describe('batch decider: PackBatch', () => {
  it('packs graded items into cartons', () => {
    given([batchRegistered, ...inPackhouseHands, harvested, graded])
      .when(packBatch)
      .then([packed]);
  });

  it('packs in a second session', () => {
    given([batchRegistered, ...inPackhouseHands, harvested, graded, packed])
      .when(packAgain)
      .then([
        {
          type: 'BatchPacked',
          data: {
            batchId: 'bat-jf-20250618',
            packingId: 'pk-0618-2',
            facilityId: 'fac-jiufeng-packhouse',
            packedAt: '2025-06-18T17:00:00+08:00',
            items: packAgain.items,
            cartons: packAgain.cartons,
          },
        },
      ]);
  });

  it('packs any grade of the product when the batch was not graded', () => {
    const ungraded = packing([item('2B6NC9XK4T8PW1RF', 'CTN-0618-001', '二级', 5)]);
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when(ungraded)
      .then([{ ...packed, data: { ...packed.data, items: ungraded.items, cartons: ungraded.cartons } }]);
  });

  it('packs up to exactly the harvested weight, comparing grams with kilograms', () => {
    const inGrams = packing([
      { ...item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '特级', 0), netWeight: { value: 5000, unit: 'g' } },
      { ...item('9D4HW2JN6C8QZ1TB', 'CTN-0618-001', '一级', 0), netWeight: { value: 5000, unit: 'g' } },
    ]);
    given([batchRegistered, ...inPackhouseHands, smallHarvest])
      .when(inGrams)
      .then([{ ...packed, data: { ...packed.data, items: inGrams.items, cartons: inGrams.cartons } }]);
  });

  it('happens at the actor’s own facility', () => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when({ ...packBatch, actor: cooperative })
      .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
  });

  it('happens at a packhouse only', () => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when({ ...packBatch, facility: coldStore })
      .thenThrows({ kind: 'invalid', code: 'wrong_facility_type' });
  });

  it('cannot pack an unharvested batch', () => {
    const error = given([batchRegistered, ...inPackhouseHands])
      .when(packBatch)
      .thenThrows({ kind: 'conflict', code: 'not_harvested' });
    expect(error.message).toBe('Cannot pack an unharvested batch');
  });

  it('cannot record the same packing twice', () => {
    given([batchRegistered, ...inPackhouseHands, harvested, packed])
      .when(packBatch)
      .thenThrows({ kind: 'conflict', code: 'packing_exists' });
  });

  it('needs at least one item', () => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when({ ...packBatch, items: [], cartons: [] })
      .thenThrows({ kind: 'invalid', code: 'no_items' });
  });

  it('rejects an item in a carton the packing does not list', () => {
    const error = given([batchRegistered, ...inPackhouseHands, harvested])
      .when({ ...packBatch, cartons: [{ cartonId: 'CTN-0618-001', itemCount: 2 }] })
      .thenThrows({ kind: 'invalid', code: 'unknown_carton' });
    expect(error.message).toContain('CTN-0618-002');
  });

  it('rejects a carton whose item count differs from the items in it', () => {
    const error = given([batchRegistered, ...inPackhouseHands, harvested])
      .when({
        ...packBatch,
        cartons: [
          { cartonId: 'CTN-0618-001', itemCount: 3 },
          { cartonId: 'CTN-0618-002', itemCount: 1 },
        ],
      })
      .thenThrows({ kind: 'invalid', code: 'carton_count_mismatch' });
    expect(error.message).toContain('CTN-0618-001');
  });

  it('rejects an empty carton', () => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when({ ...packBatch, cartons: [...packBatch.cartons, { cartonId: 'CTN-0618-009', itemCount: 0 }] })
      .thenThrows({ kind: 'invalid', code: 'empty_carton' });
  });

  it('rejects a carton listed twice', () => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when({ ...packBatch, cartons: [...packBatch.cartons, { cartonId: 'CTN-0618-002', itemCount: 1 }] })
      .thenThrows({ kind: 'invalid', code: 'duplicate_carton' });
  });

  it('rejects a carton already packed for this batch', () => {
    given([batchRegistered, ...inPackhouseHands, harvested, graded, packed])
      .when({
        ...packAgain,
        items: [item('5R7TB1WQ9H3KM6DE', 'CTN-0618-002', '一级', 5)],
        cartons: [{ cartonId: 'CTN-0618-002', itemCount: 1 }],
      })
      .thenThrows({ kind: 'conflict', code: 'carton_already_packed' });
  });

  it('rejects an item code listed twice', () => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when(packing([item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '特级', 2.5), item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '特级', 2.5)]))
      .thenThrows({ kind: 'invalid', code: 'duplicate_item_code' });
  });

  it('rejects an item code already packed', () => {
    const error = given([batchRegistered, ...inPackhouseHands, harvested, graded, packed])
      .when({ ...packAgain, items: [item('3F8KP5XR2M7WG4NC', 'CTN-0618-003', '一级', 5)] })
      .thenThrows({ kind: 'conflict', code: 'item_already_packed' });
    expect(error.message).toContain('3F8KP5XR2M7WG4NC');
  });

  it('rejects a grade the product does not have', () => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when(packing([item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '精品', 2.5)]))
      .thenThrows({ kind: 'invalid', code: 'unknown_grade' });
  });

  it('rejects a grade the grading did not produce', () => {
    const error = given([batchRegistered, ...inPackhouseHands, harvested, graded])
      .when(packing([item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '二级', 2.5)]))
      .thenThrows({ kind: 'invalid', code: 'grade_not_graded' });
    expect(error.message).toContain('二级');
  });

  it.each([0, -2.5])('rejects a net weight of %d', (kg) => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when(packing([item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '特级', kg)]))
      .thenThrows({ kind: 'invalid', code: 'invalid_quantity' });
  });

  it('rejects a net weight that is not a weight', () => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when(packing([{ ...item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '特级', 0), netWeight: { value: 12, unit: 'piece' } }]))
      .thenThrows({ kind: 'invalid', code: 'unit_mismatch' });
  });

  it('cannot pack more weight than was harvested', () => {
    const error = given([batchRegistered, ...inPackhouseHands, smallHarvest])
      .when(packing([item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '特级', 10.5)]))
      .thenThrows({ kind: 'invalid', code: 'quantities_do_not_add_up' });
    expect(error.message).toContain('10.5 kg');
    expect(error.message).toContain('10 kg');
  });

  it('counts earlier sessions in the packed weight', () => {
    given([batchRegistered, ...inPackhouseHands, smallHarvest, graded, packed])
      .when(packAgain)
      .thenThrows({ kind: 'invalid', code: 'quantities_do_not_add_up' });
  });

  it('packs as many items as pieces harvested when the batch is counted', () => {
    given([batchRegistered, ...inPackhouseHands, inPieces(3)])
      .when(packBatch)
      .then([packed]);
  });

  it('cannot pack more items than pieces harvested, since each item holds at least one', () => {
    const error = given([batchRegistered, ...inPackhouseHands, inPieces(2)])
      .when(packBatch)
      .thenThrows({ kind: 'invalid', code: 'quantities_do_not_add_up' });
    expect(error.message).toContain('3 piece');
  });

  it('rejects a packing time that does not parse', () => {
    given([batchRegistered, ...inPackhouseHands, harvested])
      .when({ ...packBatch, packedAt: 'Wed Jun 18 2025' })
      .thenThrows({ kind: 'invalid', code: 'invalid_time' });
  });
});
