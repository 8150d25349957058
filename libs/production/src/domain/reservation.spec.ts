import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import {
  batchRegistered,
  cooperative,
  graded,
  harvested,
  harvestedAgain,
  held,
  inPackhouseHands,
  packAgain,
  packed,
  packhouse,
} from './batch.fixtures';
import { BatchEvent, BatchInputReserved } from './events';
import {
  consumeInput,
  flockAtSlaughterhouse,
  flockHarvested,
  flockRegistered,
  handedToProcessor,
  inProcessorHands,
  inputConsumed,
  inputReserved,
  outputLotRegistered,
  processor,
  produced,
  purchaseLotRegistered,
  purchasedFromHousehold,
  releaseInput,
  reservationReleased,
  reserveInput,
  rivalProcessor,
  slaughterhouse,
} from './supply.fixtures';
import { ReserveInput } from './commands';

const given = deciderSpec(batchDecider);

const plumsInHand = [batchRegistered, harvested, ...inProcessorHands];
/** Graded and 10 kg packed into two cartons (CTN-0618-001 holds 5 kg, CTN-0618-002 5 kg), then handed to the factory. */
const packedPlums = [batchRegistered, ...inPackhouseHands, harvested, graded, packed, ...inProcessorHands];

const taking = (take: ReserveInput['take'], patch: Partial<ReserveInput> = {}): ReserveInput => ({ ...reserveInput, take, ...patch });
const kg = (value: number) => ({ kind: 'quantity' as const, quantity: { value, unit: 'kg' } });
const reserved = (data: Partial<BatchInputReserved['data']>): BatchInputReserved => ({
  ...inputReserved,
  data: { ...inputReserved.data, ...data },
});
/** Another transformation of the same factory, started the day after. */
const second = { transformationId: 'tf-0621-jam', startedAt: '2025-06-21T08:00:00+08:00' };

describe('transformations taking part of a lot', () => {
  describe('ReserveInput: who may take', () => {
    it('lets a processor holding the goods through an accepted hand-over reserve part of them', () => {
      given(plumsInHand).when(reserveInput).then([inputReserved]);
    });

    it('lets a processor take from its own lot', () => {
      given([outputLotRegistered, produced])
        .when(
          taking(kg(20), {
            transformationId: second.transformationId,
            acceptedProducts: ['prd-jiufeng-dried-plum'],
            startedAt: '2025-06-23T08:00:00+08:00',
          }),
        )
        .then([
          {
            type: 'BatchInputReserved',
            data: {
              batchId: 'bat-jfd-20250622',
              transformationId: 'tf-0621-jam',
              processorId: 'org-jiufeng-fruit-factory',
              quantity: { value: 20, unit: 'kg' },
              weightKg: 20,
              reservedAt: reserveInput.now,
            },
          },
        ]);
    });

    it('lets a processor that holds only some cartons, by the logistics record, take those cartons', () => {
      given([batchRegistered, ...inPackhouseHands, harvested, graded, packed])
        .when(taking({ kind: 'cartons', cartonIds: ['CTN-0618-001'] }, { actor: rivalProcessor, cartonsInHand: ['CTN-0618-001'] }))
        .then([
          reserved({
            processorId: 'org-pingshi-fruit-factory',
            quantity: { value: 5, unit: 'kg' },
            weightKg: 5,
            cartonIds: ['CTN-0618-001'],
          }),
        ]);
    });

    it('refuses cartons the processor does not hold, and loose goods to one that holds only cartons', () => {
      const packedElsewhere = [batchRegistered, ...inPackhouseHands, harvested, graded, packed];
      given(packedElsewhere)
        .when(
          taking(
            { kind: 'cartons', cartonIds: ['CTN-0618-001', 'CTN-0618-002'] },
            { actor: rivalProcessor, cartonsInHand: ['CTN-0618-001'] },
          ),
        )
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
      given(packedElsewhere)
        .when(taking(kg(5), { actor: rivalProcessor, cartonsInHand: ['CTN-0618-001'] }))
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
    });

    it('refuses anyone else, naming the lot', () => {
      const error = given(plumsInHand)
        .when({ ...reserveInput, actor: rivalProcessor })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
      expect(error.details).toEqual({ batchId: 'bat-jf-20250618' });
      expect(error.message).toContain('JF2025-0618');
    });

    it('refuses a processor whose hand-over is only offered, or has ended', () => {
      given([batchRegistered, harvested, handedToProcessor])
        .when(reserveInput)
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
      const ended: BatchEvent = {
        type: 'BatchHandoverEnded',
        data: {
          batchId: 'bat-jf-20250618',
          handoverId: 'ho-0619-factory',
          organizationId: processor.organizationId,
          endedAt: '2025-06-19T12:00:00+08:00',
          endedBy: processor.organizationId,
        },
      };
      given([...plumsInHand, ended])
        .when(reserveInput)
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
    });

    it('is for processors only, even the lot’s owner or a packhouse holding it', () => {
      given(plumsInHand)
        .when({ ...reserveInput, actor: cooperative })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
      given([batchRegistered, harvested, ...inPackhouseHands])
        .when({ ...reserveInput, actor: packhouse })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
    });

    it('finds no lot that was never registered', () => {
      given([]).when(reserveInput).thenThrows({ kind: 'not_found', code: 'batch_not_found' });
    });
  });

  describe('ReserveInput: what may be taken', () => {
    it('refuses a lot of a product the output is not made from', () => {
      const error = given(plumsInHand)
        .when({ ...reserveInput, acceptedProducts: ['prd-lechang-tea-leaf'] })
        .thenThrows({ kind: 'invalid', code: 'wrong_input_product' });
      expect(error.details).toEqual({ batchId: 'bat-jf-20250618', productId: 'prd-huangjin-nai-plum', accepted: ['prd-lechang-tea-leaf'] });
    });

    it('takes a lot of any product when the output names none', () => {
      given(plumsInHand)
        .when({ ...reserveInput, acceptedProducts: undefined })
        .then([inputReserved]);
    });

    it('refuses a lot held by a failed safety test', () => {
      given([...plumsInHand, held])
        .when(reserveInput)
        .thenThrows({ kind: 'conflict', code: 'batch_held' });
    });

    it('refuses a lot not harvested yet', () => {
      given([batchRegistered, ...inProcessorHands])
        .when(reserveInput)
        .thenThrows({ kind: 'conflict', code: 'not_harvested' });
    });

    it('refuses a transformation that started before the lot was harvested', () => {
      given(plumsInHand)
        .when({ ...reserveInput, startedAt: '2025-06-17T08:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'before_harvest', details: { field: 'startedAt' } });
    });

    it('refuses a transformation that started before an output lot was made', () => {
      given([outputLotRegistered, produced])
        .when({ ...reserveInput, acceptedProducts: undefined, startedAt: '2025-06-22T08:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'before_harvest', details: { field: 'startedAt' } });
    });

    it('refuses a transformation that started before the purchaser bought the goods, though after the household picked them', () => {
      given([purchaseLotRegistered, purchasedFromHousehold])
        .when({ ...reserveInput, startedAt: '2025-06-19T08:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'before_harvest', details: { field: 'startedAt' } });
      given([purchaseLotRegistered, purchasedFromHousehold])
        .when({ ...reserveInput, startedAt: '2025-06-19T10:30:00+08:00', take: { kind: 'whole' } })
        .then([reserved({ batchId: 'bat-jfp-20250619', quantity: { value: 120, unit: 'kg' }, weightKg: 120 })]);
    });

    it('refuses a transformation that starts in the future', () => {
      given(plumsInHand)
        .when({ ...reserveInput, startedAt: '2025-07-01T08:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'time_in_future', details: { field: 'startedAt' } });
    });

    it('takes a quantity in any weight unit, recorded in kg', () => {
      given(plumsInHand)
        .when(taking({ kind: 'quantity', quantity: { value: 0.3, unit: 't' } }))
        .then([inputReserved]);
    });

    it.each([
      ['nothing', { value: 0, unit: 'kg' }, 'invalid_quantity'],
      ['heads of a lot by weight', { value: 3, unit: 'head' }, 'unit_mismatch'],
      ['an unknown unit', { value: 3, unit: '筐' }, 'unknown_unit'],
    ])('refuses a quantity of %s', (_why, quantity, code) => {
      given(plumsInHand)
        .when(taking({ kind: 'quantity', quantity }))
        .thenThrows({ kind: 'invalid', code });
    });

    it('refuses more than remains, saying what remains', () => {
      const error = given(plumsInHand)
        .when(taking(kg(801)))
        .thenThrows({ kind: 'conflict', code: 'insufficient_quantity' });
      expect(error.details).toEqual({
        batchId: 'bat-jf-20250618',
        lotCode: 'JF2025-0618',
        remaining: { value: 800, unit: 'kg' },
        requested: { value: 801, unit: 'kg' },
      });
    });

    it('counts every harvest of the lot', () => {
      given([...plumsInHand, harvestedAgain])
        .when(taking(kg(1200)))
        .then([reserved({ quantity: { value: 1200, unit: 'kg' }, weightKg: 1200 })]);
    });

    it('takes the whole lot: all that remains loose', () => {
      given(plumsInHand)
        .when(taking({ kind: 'whole' }))
        .then([reserved({ quantity: { value: 800, unit: 'kg' }, weightKg: 800 })]);
      given([...plumsInHand, inputReserved])
        .when(taking({ kind: 'whole' }, second))
        .then([reserved({ transformationId: second.transformationId, quantity: { value: 500, unit: 'kg' }, weightKg: 500 })]);
    });

    it('refuses the whole lot when nothing remains', () => {
      const error = given([...plumsInHand, reserved({ quantity: { value: 800, unit: 'kg' } })])
        .when(taking({ kind: 'whole' }, second))
        .thenThrows({ kind: 'conflict', code: 'insufficient_quantity' });
      expect(error.details).toMatchObject({ remaining: { value: 0, unit: 'kg' } });
    });
  });

  describe('ReserveInput: cartons', () => {
    it('takes whole packed cartons at their items’ net weight, once each', () => {
      given(packedPlums)
        .when(taking({ kind: 'cartons', cartonIds: ['CTN-0618-001', 'CTN-0618-002', 'CTN-0618-001'] }))
        .then([reserved({ quantity: { value: 10, unit: 'kg' }, weightKg: 10, cartonIds: ['CTN-0618-001', 'CTN-0618-002'] })]);
    });

    it('refuses a carton the lot never packed', () => {
      const error = given(packedPlums)
        .when(taking({ kind: 'cartons', cartonIds: ['CTN-0618-404'] }))
        .thenThrows({ kind: 'not_found', code: 'carton_not_found' });
      expect(error.details).toEqual({ batchId: 'bat-jf-20250618', cartonId: 'CTN-0618-404' });
    });

    it('refuses a carton another transformation already took, until that one is released', () => {
      const cartonTaken = reserved({ quantity: { value: 5, unit: 'kg' }, weightKg: 5, cartonIds: ['CTN-0618-001'] });
      const error = given([...packedPlums, cartonTaken])
        .when(taking({ kind: 'cartons', cartonIds: ['CTN-0618-001'] }, second))
        .thenThrows({ kind: 'conflict', code: 'carton_consumed' });
      expect(error.details).toEqual({ batchId: 'bat-jf-20250618', cartonId: 'CTN-0618-001' });
      given([...packedPlums, cartonTaken, inputConsumed])
        .when(taking({ kind: 'cartons', cartonIds: ['CTN-0618-001'] }, second))
        .thenThrows({ kind: 'conflict', code: 'carton_consumed' });
      given([...packedPlums, cartonTaken, reservationReleased])
        .when(taking({ kind: 'cartons', cartonIds: ['CTN-0618-001'] }, second))
        .then([
          reserved({
            transformationId: second.transformationId,
            quantity: { value: 5, unit: 'kg' },
            weightKg: 5,
            cartonIds: ['CTN-0618-001'],
          }),
        ]);
    });

    it('needs at least one carton', () => {
      given(packedPlums)
        .when(taking({ kind: 'cartons', cartonIds: [] }))
        .thenThrows({ kind: 'invalid', code: 'no_cartons', details: { field: 'cartonIds' } });
    });

    it('leaves the loose remainder alone: cartons were counted when they were packed', () => {
      const cartonTaken = reserved({ quantity: { value: 5, unit: 'kg' }, weightKg: 5, cartonIds: ['CTN-0618-001'] });
      given([...packedPlums, cartonTaken])
        .when(taking({ kind: 'whole' }, second))
        .then([reserved({ transformationId: second.transformationId, quantity: { value: 790, unit: 'kg' }, weightKg: 790 })]);
    });
  });

  describe('ReserveInput: asked again', () => {
    it('changes nothing while the reservation stands (a retried transformation)', () => {
      given([...plumsInHand, inputReserved])
        .when(reserveInput)
        .then([]);
    });

    it('refuses a reservation the transformation has consumed or released', () => {
      given([...plumsInHand, inputReserved, inputConsumed])
        .when(reserveInput)
        .thenThrows({ kind: 'conflict', code: 'input_already_consumed' });
      given([...plumsInHand, inputReserved, reservationReleased])
        .when(reserveInput)
        .thenThrows({ kind: 'conflict', code: 'reservation_released' });
    });
  });

  describe('ReserveInput: a flock counted in heads', () => {
    const flock = [flockRegistered, flockHarvested, ...flockAtSlaughterhouse];
    const birds = (value: number, patch: Partial<ReserveInput> = {}): ReserveInput =>
      taking({ kind: 'quantity', quantity: { value, unit: 'head' } }, { actor: slaughterhouse, acceptedProducts: undefined, ...patch });
    const birdsReserved = (value: number, weightKg?: number): BatchInputReserved => ({
      type: 'BatchInputReserved',
      data: {
        batchId: 'bat-mx-20250615',
        transformationId: 'tf-0620-drying',
        processorId: 'org-lechang-slaughterhouse',
        quantity: { value, unit: 'head' },
        ...(weightKg !== undefined && { weightKg }),
        reservedAt: reserveInput.now,
      },
    });

    it('takes heads, with their share of the live weight', () => {
      given(flock)
        .when(birds(50))
        .then([birdsReserved(50, 90)]);
      given(flock)
        .when(taking({ kind: 'whole' }, { actor: slaughterhouse, acceptedProducts: undefined }))
        .then([birdsReserved(200, 360)]);
    });

    it('takes heads without a weight when no live weight was recorded', () => {
      const { liveWeight: _liveWeight, ...unweighed } = flockHarvested.data;
      given([flockRegistered, { ...flockHarvested, data: unweighed }, ...flockAtSlaughterhouse])
        .when(birds(50))
        .then([birdsReserved(50)]);
    });

    it('refuses a weight of a lot counted in heads, and more heads than remain', () => {
      given(flock)
        .when(taking(kg(90), { actor: slaughterhouse, acceptedProducts: undefined }))
        .thenThrows({ kind: 'invalid', code: 'unit_mismatch' });
      const error = given([...flock, birdsReserved(150, 270)])
        .when(birds(51, second))
        .thenThrows({ kind: 'conflict', code: 'insufficient_quantity' });
      expect(error.details).toMatchObject({ remaining: { value: 50, unit: 'head' } });
    });
  });

  describe('what remains, between packing and transformations', () => {
    const restTaken = reserved({ quantity: { value: 790, unit: 'kg' }, weightKg: 790 });

    it('takes no more than was left after packing', () => {
      const error = given(packedPlums)
        .when(taking(kg(791)))
        .thenThrows({ kind: 'conflict', code: 'insufficient_quantity' });
      expect(error.details).toMatchObject({ remaining: { value: 790, unit: 'kg' } });
      given(packedPlums)
        .when(taking(kg(790)))
        .then([restTaken]);
    });

    it('sees what another transformation set aside', () => {
      const error = given([...plumsInHand, inputReserved])
        .when(taking(kg(501), second))
        .thenThrows({ kind: 'conflict', code: 'insufficient_quantity' });
      expect(error.details).toMatchObject({ remaining: { value: 500, unit: 'kg' } });
    });

    it('refuses packing once a transformation took the rest, reserved or consumed', () => {
      const error = given([...packedPlums, restTaken])
        .when(packAgain)
        .thenThrows({ kind: 'conflict', code: 'insufficient_quantity' });
      expect(error.details).toEqual({ batchId: 'bat-jf-20250618', lotCode: 'JF2025-0618', remaining: { value: 0, unit: 'kg' } });
      given([...packedPlums, restTaken, inputConsumed])
        .when(packAgain)
        .thenThrows({ kind: 'conflict', code: 'insufficient_quantity' });
    });

    it('packs again what a released reservation gave back', () => {
      given([...packedPlums, restTaken, reservationReleased])
        .when(packAgain)
        .then([
          {
            ...packed,
            data: {
              ...packed.data,
              packingId: 'pk-0618-2',
              packedAt: packAgain.packedAt,
              items: packAgain.items,
              cartons: packAgain.cartons,
            },
          },
        ]);
    });
  });

  describe('ConsumeInput', () => {
    it('consumes the reservation once the transformation is recorded', () => {
      given([...plumsInHand, inputReserved])
        .when(consumeInput)
        .then([inputConsumed]);
    });

    it('changes nothing when asked again', () => {
      given([...plumsInHand, inputReserved, inputConsumed])
        .when(consumeInput)
        .then([]);
    });

    it('refuses a released reservation', () => {
      given([...plumsInHand, inputReserved, reservationReleased])
        .when(consumeInput)
        .thenThrows({ kind: 'conflict', code: 'reservation_released' });
    });

    it('is for the processor that made the reservation: another may neither consume nor release it', () => {
      const rival = { organizationId: 'org-rival-factory', keyId: 'key-rival', role: 'processor' as const };
      given([...plumsInHand, inputReserved])
        .when({ ...consumeInput, actor: rival })
        .thenThrows({ kind: 'forbidden', code: 'not_reservation_holder' });
      given([...plumsInHand, inputReserved])
        .when({
          type: 'ReleaseInput',
          actor: rival,
          now: consumeInput.now,
          transformationId: consumeInput.transformationId,
          reason: 'rival',
        })
        .thenThrows({ kind: 'forbidden', code: 'not_reservation_holder' });
    });

    it('finds no reservation the transformation never made', () => {
      given(plumsInHand).when(consumeInput).thenThrows({ kind: 'not_found', code: 'reservation_not_found' });
      given([]).when(consumeInput).thenThrows({ kind: 'not_found', code: 'batch_not_found' });
    });
  });

  describe('ReleaseInput', () => {
    it('releases the reservation when the transformation cannot be completed', () => {
      given([...plumsInHand, inputReserved])
        .when(releaseInput)
        .then([reservationReleased]);
    });

    it('changes nothing when asked again', () => {
      given([...plumsInHand, inputReserved, reservationReleased])
        .when(releaseInput)
        .then([]);
    });

    it('refuses a consumed reservation', () => {
      given([...plumsInHand, inputReserved, inputConsumed])
        .when(releaseInput)
        .thenThrows({ kind: 'conflict', code: 'input_already_consumed' });
    });

    it('finds no reservation the transformation never made', () => {
      given(plumsInHand).when(releaseInput).thenThrows({ kind: 'not_found', code: 'reservation_not_found' });
    });
  });
});
