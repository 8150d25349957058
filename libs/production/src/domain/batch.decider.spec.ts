import { fold } from '@suyuan/core';
import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import {
  batchRegistered,
  certificateIssued,
  coldStore,
  cooperative,
  farmInputApplied,
  graded,
  harvested,
  held,
  harvestedAgain,
  inPackhouseHands,
  issueCertificate,
  logistics,
  otherCooperative,
  otherPlot,
  packBatch,
  packed,
  packhouse,
  packhouseFacility,
  plot,
  preCooled,
  qualityTestRecorded,
  recordFarmInput,
  recordGrading,
  recordHarvest,
  recordPreCooling,
  recordQualityTest,
  registerBatch,
} from './batch.fixtures';
import { BatchCommand } from './commands';

const given = deciderSpec(batchDecider);

describe('batch decider', () => {
  describe('RegisterBatch', () => {
    it('registers a batch on the cooperative’s own plot, with the product’s grades', () => {
      given([]).when(registerBatch).then([batchRegistered]);
    });

    it('keeps the planned quantity', () => {
      given([])
        .when({ ...registerBatch, plannedQuantity: { value: 1.5, unit: 't' } })
        .then([{ ...batchRegistered, data: { ...batchRegistered.data, plannedQuantity: { value: 1.5, unit: 't' } } }]);
    });

    it('is for cooperatives only', () => {
      given([])
        .when({ ...registerBatch, actor: packhouse })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
    });

    it('cannot register the same batch twice', () => {
      given([batchRegistered]).when(registerBatch).thenThrows({ kind: 'conflict', code: 'batch_exists' });
    });

    it('grows on a farm plot only', () => {
      given([])
        .when({ ...registerBatch, farmPlot: { ...plot, type: 'packhouse' } })
        .thenThrows({ kind: 'invalid', code: 'not_a_farm_plot' });
    });

    it('grows on the cooperative’s own plot only', () => {
      given([])
        .when({ ...registerBatch, farmPlot: otherPlot })
        .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
    });

    it.each([
      ['a space', 'JF 2025'],
      ['Chinese characters', '九峰2025'],
      ['21 characters', 'JF2025-0618-ABCDEFGHI'],
      ['nothing', ''],
    ])('rejects a lot code with %s, which GS1 AI 10 cannot carry', (_why, lotCode) => {
      given([])
        .when({ ...registerBatch, lotCode })
        .thenThrows({ kind: 'invalid', code: 'invalid_lot_code' });
    });

    it('rejects a planned quantity of zero', () => {
      given([])
        .when({ ...registerBatch, plannedQuantity: { value: 0, unit: 'kg' } })
        .thenThrows({ kind: 'invalid', code: 'invalid_quantity' });
    });

    it('rejects a planned quantity in an unknown unit', () => {
      given([])
        .when({ ...registerBatch, plannedQuantity: { value: 50, unit: '筐' } })
        .thenThrows({ kind: 'invalid', code: 'unknown_unit' });
    });
  });

  describe('before the batch is registered', () => {
    it.each<BatchCommand>([
      recordFarmInput,
      recordHarvest,
      recordPreCooling,
      recordQualityTest,
      recordGrading,
      packBatch,
      issueCertificate,
    ])('$type finds no batch', (command) => {
      given([]).when(command).thenThrows({ kind: 'not_found', code: 'batch_not_found' });
    });
  });

  describe('RecordFarmInput', () => {
    it('records a pesticide application on the batch’s plot', () => {
      given([batchRegistered]).when(recordFarmInput).then([farmInputApplied]);
    });

    it('records an input between picking days', () => {
      given([batchRegistered, harvested])
        .when({ ...recordFarmInput, inputId: 'in-0619-fertilizer', kind: 'fertilizer', safetyIntervalDays: 0 })
        .then([
          {
            ...farmInputApplied,
            data: { ...farmInputApplied.data, inputId: 'in-0619-fertilizer', kind: 'fertilizer', safetyIntervalDays: 0 },
          },
        ]);
    });

    it('is for the batch’s cooperative only', () => {
      given([batchRegistered])
        .when({ ...recordFarmInput, actor: otherCooperative })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_owner' });
    });

    it('cannot record the same input twice', () => {
      given([batchRegistered, farmInputApplied]).when(recordFarmInput).thenThrows({ kind: 'conflict', code: 'farm_input_exists' });
    });

    it('cannot record an input once packing has started', () => {
      given([batchRegistered, harvested, packed]).when(recordFarmInput).thenThrows({ kind: 'conflict', code: 'batch_packed' });
    });

    it.each([0, -5, Number.NaN])('rejects a dose of %d', (value) => {
      given([batchRegistered])
        .when({ ...recordFarmInput, dose: { value, unit: 'g/亩' } })
        .thenThrows({ kind: 'invalid', code: 'invalid_quantity' });
    });

    it.each([-1, 7.5])('rejects a safety interval of %d days', (safetyIntervalDays) => {
      given([batchRegistered])
        .when({ ...recordFarmInput, safetyIntervalDays })
        .thenThrows({ kind: 'invalid', code: 'invalid_safety_interval' });
    });

    it('rejects an application time that does not parse', () => {
      given([batchRegistered])
        .when({ ...recordFarmInput, appliedAt: '6月1日早上' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });
  });

  describe('RecordHarvest', () => {
    it('records a harvest', () => {
      given([batchRegistered, farmInputApplied]).when(recordHarvest).then([harvested]);
    });

    it('records a second picking day, in another weight unit', () => {
      given([batchRegistered, harvested])
        .when({
          ...recordHarvest,
          harvestId: 'hv-0620',
          harvestedAt: '2025-06-20T06:00:00+08:00',
          quantity: { value: 0.4, unit: 't' },
        })
        .then([harvestedAgain]);
    });

    it('records a harvest inside the safety interval: the violation is a finding, not a lost record', () => {
      given([batchRegistered, farmInputApplied])
        .when({ ...recordHarvest, harvestedAt: '2025-06-05T06:30:00+08:00' })
        .then([{ ...harvested, data: { ...harvested.data, harvestedAt: '2025-06-05T06:30:00+08:00' } }]);
    });

    it('is for the batch’s cooperative only', () => {
      given([batchRegistered])
        .when({ ...recordHarvest, actor: otherCooperative })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_owner' });
    });

    it('cannot record the same harvest twice', () => {
      given([batchRegistered, harvested]).when(recordHarvest).thenThrows({ kind: 'conflict', code: 'harvest_exists' });
    });

    it('cannot harvest once packing has started', () => {
      given([batchRegistered, harvested, packed])
        .when({ ...recordHarvest, harvestId: 'hv-0620' })
        .thenThrows({ kind: 'conflict', code: 'batch_packed' });
    });

    it.each([0, -800])('rejects a quantity of %d', (value) => {
      given([batchRegistered])
        .when({ ...recordHarvest, quantity: { value, unit: 'kg' } })
        .thenThrows({ kind: 'invalid', code: 'invalid_quantity' });
    });

    it('rejects an unknown unit', () => {
      given([batchRegistered])
        .when({ ...recordHarvest, quantity: { value: 40, unit: '筐' } })
        .thenThrows({ kind: 'invalid', code: 'unknown_unit' });
    });

    it('rejects a count after harvests by weight, which could not be added up', () => {
      given([batchRegistered, harvested])
        .when({ ...recordHarvest, harvestId: 'hv-0620', quantity: { value: 5000, unit: 'piece' } })
        .thenThrows({ kind: 'invalid', code: 'unit_mismatch' });
    });

    it('rejects a harvest time that does not parse', () => {
      given([batchRegistered])
        .when({ ...recordHarvest, harvestedAt: '2025-06-18 06:30' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });
  });

  describe('RecordPreCooling (预冷)', () => {
    it('records pre-cooling at a packhouse', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when(recordPreCooling)
        .then([preCooled]);
    });

    it('records pre-cooling in a cold store', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordPreCooling, facility: coldStore })
        .then([{ ...preCooled, data: { ...preCooled.data, facilityId: 'fac-jiufeng-cold-store' } }]);
    });

    it('happens at the actor’s own facility', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordPreCooling, actor: cooperative })
        .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
    });

    it('happens at a packhouse or cold store only', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordPreCooling, actor: cooperative, facility: plot })
        .thenThrows({ kind: 'invalid', code: 'wrong_facility_type' });
    });

    it('needs a harvest', () => {
      given([batchRegistered, ...inPackhouseHands])
        .when(recordPreCooling)
        .thenThrows({ kind: 'conflict', code: 'not_harvested' });
    });

    it('cannot end before it started', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordPreCooling, endedAt: '2025-06-18T08:59:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'ended_before_started' });
    });

    it('cannot start before the first harvest', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordPreCooling, startedAt: '2025-06-18T06:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'before_harvest' });
    });

    it('compares times across offsets', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordPreCooling, startedAt: '2025-06-17T22:29:00Z' })
        .thenThrows({ kind: 'invalid', code: 'before_harvest' });
    });

    it('rejects a time that does not parse', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordPreCooling, endedAt: '11:30' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });

    it('rejects a core temperature that is not a number', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordPreCooling, coreTemperatureC: Number.NaN })
        .thenThrows({ kind: 'invalid', code: 'invalid_number' });
    });
  });

  describe('RecordQualityTest', () => {
    it('records a lab’s pesticide residue rapid test', () => {
      given([batchRegistered, harvested]).when(recordQualityTest).then([qualityTestRecorded]);
    });

    it('records a field sample before harvest', () => {
      given([batchRegistered])
        .when({ ...recordQualityTest, testedAt: '2025-06-15T10:00:00+08:00' })
        .then([{ ...qualityTestRecorded, data: { ...qualityTestRecorded.data, testedAt: '2025-06-15T10:00:00+08:00' } }]);
    });

    it('records the cooperative’s self-test (自检) without a facility, marked as such', () => {
      given([batchRegistered, harvested])
        .when({ ...recordQualityTest, actor: cooperative, facility: undefined })
        .then([
          {
            ...qualityTestRecorded,
            data: { ...qualityTestRecorded.data, labId: 'org-jiufeng-coop', facilityId: undefined, selfTest: true },
          },
        ]);
    });

    it('is not for a packhouse, even one holding the goods: a lab or the owner tests', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordQualityTest, actor: packhouse, facility: packhouseFacility })
        .thenThrows({ kind: 'forbidden', code: 'not_allowed_to_test' });
    });

    it('records a failed safety test, and holds the batch', () => {
      given([batchRegistered, harvested])
        .when({ ...recordQualityTest, value: 62, passed: false })
        .then([{ ...qualityTestRecorded, data: { ...qualityTestRecorded.data, value: 62, passed: false } }, held]);
    });

    it('reads the verdict from the value where the method says how (inhibition at or above 50 % fails)', () => {
      given([batchRegistered, harvested])
        .when({ ...recordQualityTest, value: 50, passed: undefined })
        .then([{ ...qualityTestRecorded, data: { ...qualityTestRecorded.data, value: 50, passed: false } }, held]);
    });

    it('refuses a verdict that contradicts its own value and threshold', () => {
      given([batchRegistered, harvested])
        .when({ ...recordQualityTest, value: 99, passed: true })
        .thenThrows({ kind: 'invalid', code: 'verdict_contradicts_value', details: { field: 'passed' } });
    });

    it('refuses an inhibition outside 0–100 %', () => {
      given([batchRegistered, harvested])
        .when({ ...recordQualityTest, value: 140, passed: false })
        .thenThrows({ kind: 'invalid', code: 'implausible_value', details: { field: 'value' } });
    });

    it('keeps the lab’s verdict for a method whose direction only the lab knows', () => {
      const moisture = { ...recordQualityTest, method: 'moisture', value: 12, threshold: 8, unit: '%', passed: true };
      given([batchRegistered, harvested])
        .when(moisture)
        .then([
          { ...qualityTestRecorded, data: { ...qualityTestRecorded.data, method: 'moisture', value: 12, threshold: 8, passed: true } },
        ]);
    });

    it('is not for logistics', () => {
      given([batchRegistered, harvested])
        .when({ ...recordQualityTest, actor: logistics, facility: undefined })
        .thenThrows({ kind: 'forbidden', code: 'not_allowed_to_test' });
    });

    it('lets a cooperative self-test its own batches only', () => {
      given([batchRegistered, harvested])
        .when({ ...recordQualityTest, actor: otherCooperative, facility: undefined })
        .thenThrows({ kind: 'forbidden', code: 'not_allowed_to_test' });
    });

    it('refuses a test time in the future', () => {
      given([batchRegistered])
        .when({ ...recordQualityTest, testedAt: '2025-06-26T09:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'time_in_future', details: { field: 'testedAt' } });
    });

    it('happens at the actor’s own facility', () => {
      given([batchRegistered, harvested])
        .when({ ...recordQualityTest, facility: packhouseFacility })
        .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
    });

    it('cannot record the same test twice', () => {
      given([batchRegistered, harvested, qualityTestRecorded])
        .when(recordQualityTest)
        .thenThrows({ kind: 'conflict', code: 'test_exists' });
    });

    it('rejects a value that is not finite', () => {
      given([batchRegistered])
        .when({ ...recordQualityTest, value: Number.POSITIVE_INFINITY })
        .thenThrows({ kind: 'invalid', code: 'invalid_number' });
    });

    it('rejects a threshold that is not a number', () => {
      given([batchRegistered])
        .when({ ...recordQualityTest, threshold: Number.NaN })
        .thenThrows({ kind: 'invalid', code: 'invalid_number' });
    });

    it('rejects a test time that does not parse', () => {
      given([batchRegistered])
        .when({ ...recordQualityTest, testedAt: 'yesterday' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });
  });

  describe('RecordGrading (分级)', () => {
    it('records grading at a packhouse', () => {
      given([batchRegistered, ...inPackhouseHands, harvested, preCooled])
        .when(recordGrading)
        .then([graded]);
    });

    it('records a second grading while the totals stay within the harvest', () => {
      const rest = {
        ...recordGrading,
        gradingId: 'gr-0618-b',
        classes: [{ grade: '二级', quantity: { value: 150, unit: 'kg' }, attributes: { diameterMm: 35 } }],
      };
      given([batchRegistered, ...inPackhouseHands, harvested, graded])
        .when(rest)
        .then([{ ...graded, data: { ...graded.data, gradingId: 'gr-0618-b', classes: rest.classes } }]);
    });

    it('compares grams with a harvest in kilograms', () => {
      const inGrams = { ...recordGrading, classes: [{ grade: '特级', quantity: { value: 800_000, unit: 'g' }, attributes: {} }] };
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when(inGrams)
        .then([{ ...graded, data: { ...graded.data, classes: inGrams.classes } }]);
    });

    it('happens at the actor’s own facility', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordGrading, actor: cooperative })
        .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
    });

    it('happens at a packhouse only', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordGrading, facility: coldStore })
        .thenThrows({ kind: 'invalid', code: 'wrong_facility_type' });
    });

    it('needs a harvest', () => {
      given([batchRegistered, ...inPackhouseHands])
        .when(recordGrading)
        .thenThrows({ kind: 'conflict', code: 'not_harvested' });
    });

    it('cannot record the same grading twice', () => {
      given([batchRegistered, ...inPackhouseHands, harvested, graded])
        .when(recordGrading)
        .thenThrows({ kind: 'conflict', code: 'grading_exists' });
    });

    it('rejects a grade the product does not have, naming it', () => {
      const error = given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordGrading, classes: [{ grade: '甲级', quantity: { value: 100, unit: 'kg' }, attributes: {} }] })
        .thenThrows({ kind: 'invalid', code: 'unknown_grade' });
      expect(error.message).toContain('甲级');
    });

    it('cannot grade more than was harvested, and says both quantities', () => {
      const error = given([batchRegistered, ...inPackhouseHands, harvested])
        .when({
          ...recordGrading,
          classes: [
            { grade: '特级', quantity: { value: 500, unit: 'kg' }, attributes: {} },
            { grade: '一级', quantity: { value: 400, unit: 'kg' }, attributes: {} },
          ],
        })
        .thenThrows({ kind: 'invalid', code: 'quantities_do_not_add_up' });
      expect(error.message).toContain('900 kg');
      expect(error.message).toContain('800 kg');
    });

    it('counts earlier gradings in the total', () => {
      given([batchRegistered, ...inPackhouseHands, harvested, graded])
        .when({
          ...recordGrading,
          gradingId: 'gr-0618-b',
          classes: [{ grade: '二级', quantity: { value: 151, unit: 'kg' }, attributes: {} }],
        })
        .thenThrows({ kind: 'invalid', code: 'quantities_do_not_add_up' });
    });

    it('counts every picking day in the harvest', () => {
      given([batchRegistered, ...inPackhouseHands, harvested, harvestedAgain])
        .when({ ...recordGrading, classes: [{ grade: '特级', quantity: { value: 1.2, unit: 't' }, attributes: {} }] })
        .then([
          {
            ...graded,
            data: { ...graded.data, classes: [{ grade: '特级', quantity: { value: 1.2, unit: 't' }, attributes: {} }] },
          },
        ]);
    });

    it('rejects a count for a batch harvested by weight', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordGrading, classes: [{ grade: '特级', quantity: { value: 3000, unit: 'piece' }, attributes: {} }] })
        .thenThrows({ kind: 'invalid', code: 'unit_mismatch' });
    });

    it('needs at least one class', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordGrading, classes: [] })
        .thenThrows({ kind: 'invalid', code: 'no_classes' });
    });

    it('rejects a grading time that does not parse', () => {
      given([batchRegistered, ...inPackhouseHands, harvested])
        .when({ ...recordGrading, gradedAt: '2025-06-18T13:00:00+0800' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });
  });

  describe('IssueComplianceCertificate (承诺达标合格证)', () => {
    it('issues the certificate for the harvested quantity', () => {
      given([batchRegistered, harvested, qualityTestRecorded]).when(issueCertificate).then([certificateIssued]);
    });

    it('issues it for part of the harvest, in tonnes, on several bases', () => {
      const basis = ['quality_control' as const, 'commissioned_test' as const];
      given([batchRegistered, harvested])
        .when({ ...issueCertificate, quantity: { value: 0.5, unit: 't' }, basis })
        .then([{ ...certificateIssued, data: { ...certificateIssued.data, quantity: { value: 0.5, unit: 't' }, basis } }]);
    });

    it('is issued by the batch’s cooperative only', () => {
      given([batchRegistered, harvested])
        .when({ ...issueCertificate, actor: packhouse })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_owner' });
    });

    it('is issued once per batch', () => {
      given([batchRegistered, harvested, certificateIssued])
        .when({ ...issueCertificate, certificateNo: 'HG440281-20250618-0002' })
        .thenThrows({ kind: 'conflict', code: 'certificate_exists' });
    });

    it('needs a harvest', () => {
      given([batchRegistered]).when(issueCertificate).thenThrows({ kind: 'conflict', code: 'not_harvested' });
    });

    it('must state its basis', () => {
      given([batchRegistered, harvested])
        .when({ ...issueCertificate, basis: [] })
        .thenThrows({ kind: 'invalid', code: 'basis_required' });
    });

    it('rejects a basis the rules do not know', () => {
      given([batchRegistered, harvested])
        .when({ ...issueCertificate, basis: ['looks_fine' as never] })
        .thenThrows({ kind: 'invalid', code: 'unknown_basis' });
    });

    it('rejects a quantity of zero', () => {
      given([batchRegistered, harvested])
        .when({ ...issueCertificate, quantity: { value: 0, unit: 'kg' } })
        .thenThrows({ kind: 'invalid', code: 'invalid_quantity' });
    });

    it('cannot certify more than was harvested', () => {
      const error = given([batchRegistered, harvested])
        .when({ ...issueCertificate, quantity: { value: 2, unit: 't' } })
        .thenThrows({ kind: 'invalid', code: 'quantities_do_not_add_up' });
      expect(error.message).toContain('2000 kg');
      expect(error.message).toContain('800 kg');
    });

    it('rejects a count for a batch harvested by weight', () => {
      given([batchRegistered, harvested])
        .when({ ...issueCertificate, quantity: { value: 100, unit: 'piece' } })
        .thenThrows({ kind: 'invalid', code: 'unit_mismatch' });
    });

    it('rejects an issue time that does not parse', () => {
      given([batchRegistered, harvested])
        .when({ ...issueCertificate, issuedAt: '2025年6月18日' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });
  });

  describe('state', () => {
    it('adds up harvests in kg and keeps the first and last harvest time', () => {
      const state = fold(batchDecider, [batchRegistered, harvestedAgain, harvested]);
      expect(state.harvested).toEqual({ value: 1200, unit: 'kg' });
      expect(state.firstHarvestAt).toBe(Date.parse('2025-06-18T06:30:00+08:00'));
      expect(state.lastHarvestAt).toBe(Date.parse('2025-06-20T06:00:00+08:00'));
    });

    it('adds up grades, packed items, net weight and cartons', () => {
      const state = fold(batchDecider, [batchRegistered, harvested, graded, packed, certificateIssued]);
      expect(state.graded).toEqual({ 特级: 300, 一级: 350 });
      expect(state.packedCodes.size).toBe(3);
      expect(state.packedNetWeightKg).toBe(10);
      expect([...state.packedCartonIds]).toEqual(['CTN-0618-001', 'CTN-0618-002']);
      expect(state.certificateNo).toBe('HG440281-20250618-0001');
    });
  });
});
