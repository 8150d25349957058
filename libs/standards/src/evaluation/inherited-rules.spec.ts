import { AncestorFacts, BatchFacts, emptyFacts } from './batch-facts';
import { evaluateProduction } from './evaluate';
import { bj, dispatch, harvest, pesticide, rapidTest } from './facts.fixtures';
import { evaluateInheritedSafetyIntervals, evaluateInheritedTest, evaluateInputLots, evaluateProcessingYield } from './inherited-rules';
import { evaluatePreCooling, evaluateRequiredData } from './production-rules';

/*
 * Finished tea lot TEA-0620 made on 20 June from two lots of fresh leaves: LEAF-A (sprayed on
 * 1 June, picked on 18 June, tested) and LEAF-B (unsprayed, picked on 19 June, tested).
 */
const leafA: AncestorFacts = {
  lotCode: 'LEAF-A',
  farmPlotId: 'plot-a',
  inputs: [pesticide],
  harvests: [harvest],
  tests: [rapidTest],
};
const leafB: AncestorFacts = {
  lotCode: 'LEAF-B',
  farmPlotId: 'plot-b',
  inputs: [],
  harvests: [{ eventId: 'evt-harvest-b', harvestedAt: bj('2025-06-19T07:00'), quantity: { value: 300, unit: 'kg' } }],
  tests: [{ ...rapidTest, eventId: 'evt-test-b', testedAt: bj('2025-06-19T09:00'), value: 12 }],
};
const making = { eventId: 'evt-tf-0620', transformationId: 'tf-0620', endedAt: bj('2025-06-20T18:00'), yieldPct: 20 };

function tea(patch: Partial<BatchFacts> = {}, lineage: Record<string, AncestorFacts> = { 'bat-a': leafA, 'bat-b': leafB }): BatchFacts {
  return {
    ...emptyFacts('bat-tea', 'prd-tea', 'org-teaworks', bj('2025-06-20T18:00')),
    origin: 'transformation',
    made: [making],
    harvests: [{ eventId: 'evt-produced-0620', harvestedAt: making.endedAt, quantity: { value: 160, unit: 'kg' } }],
    inputIds: Object.keys(lineage),
    lineage,
    ...patch,
  };
}

const yieldRule = { minPct: 18, maxPct: 25 };
const testRule = {
  method: 'pesticide_residue_rapid_test',
  threshold: 50,
  passRequired: true,
  validDays: 30,
  requiredWhen: 'always' as const,
};

describe('rules an output lot inherits', () => {
  describe('processingYield', () => {
    it('is met inside the bounds', () => {
      const r = evaluateProcessingYield(tea(), yieldRule);
      expect(r).toMatchObject({ status: 'met', reason: '出成率 20.0 %，在标准 18–25 % 之内', evidence: { eventIds: ['evt-tf-0620'] } });
    });

    it('is violated outside them, with the numbers', () => {
      const above = evaluateProcessingYield(tea({ made: [{ ...making, yieldPct: 40 }] }), yieldRule);
      expect(above).toMatchObject({
        status: 'violated',
        reason: '出成率 40.0 %，超出标准 18–25 %',
        reasonEn: "Yield 40.0 % is above the standard's 18–25 %",
        evidence: { eventIds: ['evt-tf-0620'], values: { yieldPct: 40, minPct: 18, maxPct: 25 } },
      });
      expect(evaluateProcessingYield(tea({ made: [{ ...making, yieldPct: 12.5 }] }), yieldRule).reason).toBe(
        '出成率 12.5 %，低于标准 18–25 %',
      );
    });

    it('is pending until the lot is made, and not applicable to a lot grown or bought in', () => {
      expect(evaluateProcessingYield(tea({ made: [] }), yieldRule).status).toBe('pending');
      expect(evaluateProcessingYield(emptyFacts('b', 'p', 'c', ''), yieldRule).status).toBe('not_applicable');
      expect(evaluateProcessingYield({ ...emptyFacts('b', 'p', 'c', ''), origin: 'purchase' }, yieldRule).status).toBe('not_applicable');
    });

    it('is pending while the yield cannot be computed, and violated once the lot left so', () => {
      const unknown = { ...making, yieldPct: undefined };
      expect(evaluateProcessingYield(tea({ made: [unknown] }), yieldRule)).toMatchObject({
        status: 'pending',
        reasonEn: 'The yield cannot be computed: an input was not recorded by weight',
      });
      expect(evaluateProcessingYield(tea({ made: [unknown], firstDispatch: dispatch }), yieldRule).status).toBe('violated');
    });
  });

  describe('safetyIntervals', () => {
    it('judges each input lot’s spraying against that lot’s harvests', () => {
      const r = evaluateInheritedSafetyIntervals(tea(), {});
      expect(r).toMatchObject({ status: 'met', reasonEn: 'Every input lot was harvested after its safety intervals' });
      expect(r.evidence.eventIds).toEqual(expect.arrayContaining([pesticide.eventId, harvest.eventId]));
    });

    it('names the input lot picked too soon', () => {
      const early = { ...leafA, harvests: [{ ...harvest, harvestedAt: bj('2025-06-05T07:00') }] };
      const r = evaluateInheritedSafetyIntervals(tea({}, { 'bat-a': early, 'bat-b': leafB }), {});
      expect(r.status).toBe('violated');
      expect(r.reason).toMatch(/^原料批次LEAF-A：施用/);
      expect(r.reasonEn).toMatch(/^Input lot LEAF-A: Harvested 4 days after applying/);
    });

    it('reaches two generations back', () => {
      const early = { ...leafA, harvests: [{ ...harvest, harvestedAt: bj('2025-06-05T07:00') }] };
      const blend = { lotCode: 'TEA-RAW', inputs: [], harvests: [], tests: [], inputIds: ['bat-a'] };
      const r = evaluateInheritedSafetyIntervals(tea({ inputIds: ['bat-raw'] }, { 'bat-raw': blend, 'bat-a': early }), {});
      expect(r.status).toBe('violated');
    });

    it('binds nothing when no input lot had a sprayed input', () => {
      expect(evaluateInheritedSafetyIntervals(tea({}, { 'bat-b': leafB }), {}).status).toBe('not_applicable');
    });
  });

  describe('a required test', () => {
    it('is met by passing tests on every input lot (原料检测)', () => {
      const r = evaluateInheritedTest(tea(), testRule);
      expect(r).toMatchObject({ status: 'met', reasonEn: 'Every input lot passed the test' });
      expect(r.evidence.eventIds).toEqual([rapidTest.eventId, 'evt-test-b']);
    });

    it('is pending when an input lot was not tested and the lot itself not either', () => {
      expect(evaluateInheritedTest(tea({}, { 'bat-a': leafA, 'bat-b': { ...leafB, tests: [] } }), testRule).status).toBe('pending');
    });

    it('is met by the lot’s own passing test', () => {
      const own = { ...rapidTest, eventId: 'evt-test-tea', testedAt: bj('2025-06-20T19:00') };
      const r = evaluateInheritedTest(
        tea({ tests: [own], asOf: own.testedAt }, { 'bat-a': leafA, 'bat-b': { ...leafB, tests: [] } }),
        testRule,
      );
      expect(r).toMatchObject({ status: 'met', evidence: { eventIds: ['evt-test-tea'] } });
    });

    it('is violated by a failed test on an input lot, naming it, whatever the lot’s own test says', () => {
      const failed = { ...leafB, tests: [{ ...leafB.tests[0], eventId: 'evt-test-b-failed', value: 72, passed: false }] };
      const own = { ...rapidTest, eventId: 'evt-test-tea', testedAt: bj('2025-06-20T19:00') };
      const r = evaluateInheritedTest(tea({ tests: [own] }, { 'bat-a': leafA, 'bat-b': failed }), testRule);
      expect(r).toMatchObject({
        status: 'violated',
        reason: '原料批次LEAF-B检测不合格：72，标准限值50',
        evidence: { eventIds: ['evt-test-b-failed'] },
      });
    });

    it('counts a pesticide applied to an input lot for a test required when pesticide was applied', () => {
      const rule = { ...testRule, requiredWhen: 'pesticide_applied' as const };
      expect(evaluateInheritedTest(tea({}, { 'bat-b': { ...leafB, tests: [] } }), rule).status).toBe('not_applicable');
      expect(evaluateInheritedTest(tea({}, { 'bat-a': leafA, 'bat-b': { ...leafB, tests: [] } }), rule).status).toBe('met');
      expect(evaluateInheritedTest(tea({}, { 'bat-a': { ...leafA, tests: [] } }), rule).status).toBe('pending');
    });
  });

  describe('inputLots', () => {
    it('is met when no input lot failed or is held', () => {
      expect(evaluateInputLots(tea()).status).toBe('met');
    });

    it('is violated by a held input lot, naming it', () => {
      const r = evaluateInputLots(tea({}, { 'bat-a': { ...leafA, held: ['pesticide'] }, 'bat-b': leafB }));
      expect(r).toMatchObject({
        status: 'violated',
        reason: '原料批次LEAF-A因农药残留检测不合格被暂扣',
        reasonEn: 'Input lot LEAF-A is held after a failed pesticide residue test',
      });
    });

    it('is violated by a failed test no later passing one overturned', () => {
      const failed = { ...leafB.tests[0], eventId: 'evt-failed', value: 72, passed: false };
      expect(evaluateInputLots(tea({}, { 'bat-b': { ...leafB, tests: [failed] } })).status).toBe('violated');
      const confirmed = { ...failed, eventId: 'evt-lab', testedAt: bj('2025-06-21T09:00'), value: 10, passed: true };
      expect(evaluateInputLots(tea({}, { 'bat-b': { ...leafB, tests: [failed, confirmed] } })).status).toBe('met');
    });
  });

  describe('required data', () => {
    const rule = { fields: ['origin_plot' as const, 'harvest_time' as const, 'harvest_quantity' as const] };

    it('is met by the plots and harvests of the lots the goods first came from', () => {
      expect(evaluateRequiredData(tea(), rule).status).toBe('met');
    });

    it('misses what any of them misses', () => {
      const r = evaluateRequiredData(tea({}, { 'bat-a': leafA, 'bat-b': { ...leafB, harvests: [] } }), rule);
      expect(r).toMatchObject({ status: 'pending', evidence: { values: { missing: ['harvest_time', 'harvest_quantity'] } } });
    });

    it('takes a purchase lot’s households for its origin', () => {
      const bought = { lotCode: 'BUY-1', households: ['per-1'], inputs: [], harvests: [harvest], tests: [] };
      expect(evaluateRequiredData(tea({}, { 'bat-buy': bought }), rule).status).toBe('met');
    });
  });

  it('counts a processed lot’s pre-cooling from its making (a slaughter), not from its inputs’ harvests', () => {
    const rule = { withinHours: 2, maxCoreTemperatureC: 4 };
    const cooled = (at: string) => ({ eventId: 'evt-cool', startedAt: at, endedAt: at, coreTemperatureC: 3 });
    expect(evaluatePreCooling(tea({ preCoolings: [cooled(bj('2025-06-20T19:00'))] }), rule)).toMatchObject({
      status: 'met',
      reasonEn: 'Pre-cooled within 2 h of being made to 4 °C or below',
    });
    expect(evaluatePreCooling(tea({ preCoolings: [cooled(bj('2025-06-20T21:00'))] }), rule)).toMatchObject({
      status: 'violated',
      reason: '加工完成后3小时才开始预冷，标准要求2小时内',
    });
  });

  it('adds the yield and the input lots to a processed lot’s production rules', () => {
    const rules = { tests: [testRule], safetyIntervals: {}, processingYield: yieldRule };
    const results = evaluateProduction(tea(), rules, undefined);
    expect(Object.fromEntries(results.map((r) => [r.rule, r.status]))).toEqual({
      'tests:pesticide_residue_rapid_test': 'met',
      safetyIntervals: 'met',
      processingYield: 'met',
      inputLots: 'met',
    });
    expect(evaluateProduction({ ...emptyFacts('b', 'p', 'c', ''), farmPlotId: 'x' }, rules, undefined).map((r) => r.rule)).toEqual([
      'tests:pesticide_residue_rapid_test',
      'safetyIntervals',
      'processingYield',
    ]);
  });
});
