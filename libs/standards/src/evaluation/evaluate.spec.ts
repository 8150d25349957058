import { StandardRules } from '../domain/rules';
import { evaluateGoods, evaluateProduction, worstOf } from './evaluate';
import {
  certificate,
  delivery,
  dispatched,
  facts,
  fertilizer,
  goods,
  grading,
  harvest,
  hubDispatch,
  packing,
  preCooling,
  rapidTest,
  rules,
  storageWindow,
  transportWindow,
  villageDelivery,
} from './facts.fixtures';
import { overall, result, RuleResult } from './rule-result';

const statuses = (results: RuleResult[]) => Object.fromEntries(results.map((r) => [r.rule, r.status]));

describe('evaluation', () => {
  describe('production rules of a batch', () => {
    it('judges every production rule of the standard, in order, naming tests by method', () => {
      const results = evaluateProduction(dispatched(), rules, ['特级', '一级']);
      expect(statuses(results)).toEqual({
        grading: 'met',
        preCooling: 'met',
        'tests:pesticide_residue_rapid_test': 'met',
        safetyIntervals: 'met',
        certificates: 'met',
        harvestToPacking: 'met',
        requiredData: 'met',
      });
      expect(results.map((r) => r.rule)).toEqual([
        'grading',
        'preCooling',
        'tests:pesticide_residue_rapid_test',
        'safetyIntervals',
        'certificates',
        'harvestToPacking',
        'requiredData',
      ]);
      expect(overall(results)).toBe('compliant');
    });

    it('leaves the road rules to the goods', () => {
      const results = evaluateProduction(
        facts(),
        { storage: rules.storage, transport: rules.transport, hubToVillage: rules.hubToVillage },
        undefined,
      );
      expect(results).toEqual([]);
    });

    it('names a test of an analyte by method and analyte', () => {
      const lab: StandardRules = {
        tests: [{ method: 'pesticide_residue_lab_test', analyte: 'chlorpyrifos', threshold: 0.02, passRequired: true, validDays: 7 }],
      };
      expect(evaluateProduction(facts(), lab, undefined).map((r) => r.rule)).toEqual(['tests:pesticide_residue_lab_test:chlorpyrifos']);
    });

    it('is pending while a rule waits, and non-compliant once one is violated', () => {
      const waiting = evaluateProduction(facts({ tests: [] }), rules, undefined);
      expect(overall(waiting)).toBe('pending');
      const late = evaluateProduction(facts({ preCoolings: [{ ...preCooling, startedAt: '2025-06-18T03:00:00.000Z' }] }), rules, undefined);
      expect(overall(late)).toBe('non_compliant');
      expect(late.find((r) => r.rule === 'preCooling')?.reasonEn).toContain('4.5 h');
    });

    describe('scoped to grades', () => {
      const scopedTo = (grades: string[]): StandardRules => ({
        preCooling: { ...rules.preCooling!, grades },
        tests: [{ ...rules.tests![0], grades }],
        safetyIntervals: { grades },
        certificates: { ...rules.certificates!, grades },
        harvestToPacking: { ...rules.harvestToPacking!, grades },
        requiredData: { ...rules.requiredData!, grades },
      });
      const ruleNames = [
        'preCooling',
        'tests:pesticide_residue_rapid_test',
        'safetyIntervals',
        'certificates',
        'harvestToPacking',
        'requiredData',
      ];

      it.each(ruleNames)('does not apply %s to an item of a grade it does not bind, saying which it binds', (name) => {
        const broken = facts({ preCoolings: [], tests: [], certificate: undefined, packings: [], asOf: '2025-06-20T00:00:00.000Z' });
        const r = evaluateProduction(broken, scopedTo(['特级', '一级']), ['二级']).find((x) => x.rule === name)!;
        expect(r).toEqual({
          rule: name,
          status: 'not_applicable',
          reason: '本规则只适用于特级、一级',
          reasonEn: 'This rule binds 特级, 一级 only',
          evidence: { eventIds: [] },
        });
      });

      it('applies to an item of a grade it binds', () => {
        const results = evaluateProduction(dispatched(), scopedTo(['特级']), ['特级']);
        expect(new Set(results.map((r) => r.status))).toEqual(new Set(['met']));
      });

      it('applies to a batch holding a grade it binds among others', () => {
        const results = evaluateProduction(facts({ tests: [] }), scopedTo(['特级']), ['特级', '二级']);
        expect(statuses(results)['tests:pesticide_residue_rapid_test']).toBe('pending');
      });

      it('applies while the grades are not known yet', () => {
        const results = evaluateProduction(facts({ gradings: [], packings: [] }), scopedTo(['特级']), undefined);
        expect(results.every((r) => r.status !== 'not_applicable')).toBe(true);
      });

      it('gives, with a memo shared across grades, what it gives without one: only grading looks at the grade', () => {
        const memo = new Map<string, RuleResult>();
        const scoped = scopedTo(['特级']);
        const shared = [['特级', '一级'], ['特级'], ['一级'], ['二级']].map((g) =>
          evaluateProduction(dispatched(), { ...scoped, grading: rules.grading }, g, memo),
        );
        const alone = [['特级', '一级'], ['特级'], ['一级'], ['二级']].map((g) =>
          evaluateProduction(dispatched(), { ...scoped, grading: rules.grading }, g),
        );
        expect(shared).toEqual(alone);
        expect(statuses(shared[2])).toMatchObject({ grading: 'met', preCooling: 'not_applicable' });
        expect([...memo.keys()]).not.toContain('grading');
      });

      it('does not apply grading to an item of a class the standard does not grade', () => {
        const [r] = evaluateProduction(facts(), { grading: rules.grading }, ['二级']);
        expect(r).toMatchObject({ rule: 'grading', status: 'not_applicable', evidence: { eventIds: [grading.eventId] } });
      });
    });

    it('does not apply the safety intervals or a test needed after a pesticide to a batch that had none', () => {
      const noSpray: StandardRules = { safetyIntervals: {}, tests: [{ ...rules.tests![0], requiredWhen: 'pesticide_applied' }] };
      const results = evaluateProduction(facts({ inputs: [fertilizer], tests: [] }), noSpray, undefined);
      expect(statuses(results)).toEqual({ safetyIntervals: 'not_applicable', 'tests:pesticide_residue_rapid_test': 'not_applicable' });
      expect(overall(results)).toBe('compliant');
    });

    it('rests each verdict on the events it was decided on', () => {
      const byRule = Object.fromEntries(evaluateProduction(dispatched(), rules, undefined).map((r) => [r.rule, r.evidence.eventIds]));
      expect(byRule).toMatchObject({
        grading: [grading.eventId],
        preCooling: [harvest.eventId, preCooling.eventId],
        'tests:pesticide_residue_rapid_test': [rapidTest.eventId, 'evt-dispatch-0619'],
        certificates: [certificate.eventId],
        harvestToPacking: [harvest.eventId, packing.eventId],
      });
    });
  });

  describe('road rules of a carton', () => {
    it('judges storage, transport and the hub-to-village time', () => {
      const results = evaluateGoods(rules, goods());
      expect(statuses(results)).toEqual({ storage: 'met', transport: 'met', hubToVillage: 'met' });
      expect(results.map((r) => r.evidence.eventIds)).toEqual([
        ['evt-hub-receipt-0619'],
        ['evt-hub-dispatch-0619'],
        [hubDispatch.eventId, villageDelivery.eventId],
      ]);
    });

    it('is pending until delivered', () => {
      const onTheWay = goods({
        windows: [storageWindow(), transportWindow({ to: undefined })],
        delivery: delivery({ delivered: undefined, asOf: '2025-06-19T08:00:00.000Z' }),
      });
      expect(statuses(evaluateGoods(rules, onTheWay))).toEqual({ storage: 'pending', transport: 'pending', hubToVillage: 'pending' });
    });

    it('finds a carton non-compliant by its worst leg, naming the minutes', () => {
      const results = evaluateGoods(
        rules,
        goods({ windows: [storageWindow(), transportWindow({ longestExcursionMinutes: 45, minutesOutOfRange: 45 })] }),
      );
      expect(statuses(results)).toMatchObject({ storage: 'met', transport: 'violated' });
      expect(results[1].reasonEn).toContain('45 min');
      expect(overall(results)).toBe('non_compliant');
    });

    it('does not apply the hub-to-village time to goods delivered not via the hub', () => {
      const [hub] = evaluateGoods({ hubToVillage: rules.hubToVillage }, goods({ delivery: delivery({ hubDispatch: undefined }) }));
      expect(hub).toMatchObject({ rule: 'hubToVillage', status: 'not_applicable', evidence: { eventIds: [villageDelivery.eventId] } });
    });

    it('does not apply the hub-to-village time to a grade it does not bind', () => {
      const late = delivery({ delivered: { ...villageDelivery, at: '2025-06-22T00:00:00.000Z' } });
      const scoped: StandardRules = { hubToVillage: { maxHours: 48, grades: ['特级'] } };
      expect(evaluateGoods(scoped, goods({ grades: ['二级'], delivery: late }))[0]).toMatchObject({
        status: 'not_applicable',
        reasonEn: 'This rule binds 特级 only',
      });
      expect(evaluateGoods(scoped, goods({ grades: ['特级'], delivery: late }))[0].status).toBe('violated');
    });

    it('does not apply storage to goods delivered without a stay in store', () => {
      const [storage] = evaluateGoods({ storage: rules.storage }, goods({ windows: [transportWindow()] }));
      expect(storage).toMatchObject({ rule: 'storage', status: 'not_applicable', evidence: { eventIds: [] } });
    });

    it('judges only the rules the standard sets', () => {
      expect(evaluateGoods({ grading: rules.grading }, goods())).toEqual([]);
    });
  });

  describe('a batch’s verdict on a road rule from its cartons', () => {
    const met = result('transport', 'met', '运输温度符合要求', 'Transport temperatures within limits', ['evt-a']);
    const pending = result('transport', 'pending', '运输中', 'In transport', ['evt-b']);
    const violated = result('transport', 'violated', '超标', 'Out of range 45 min', ['evt-c']);
    const notApplicable = result('transport', 'not_applicable', '未经运输环节', 'No transport step');

    it('takes the worst carton’s verdict: one late carton makes the batch non-compliant', () => {
      expect(worstOf('transport', [met, violated, pending], false)).toBe(violated);
    });

    it('prefers pending to met, and met to not applicable', () => {
      expect(worstOf('transport', [met, pending], false)).toBe(pending);
      expect(worstOf('transport', [notApplicable, met], false)).toBe(met);
      expect(worstOf('transport', [notApplicable], false)).toBe(notApplicable);
    });

    it('is pending while some goods have not left, unless a carton already failed', () => {
      expect(worstOf('transport', [met], true)).toMatchObject({ status: 'pending', reasonEn: 'Some of the goods have not left yet' });
      expect(worstOf('transport', [met, violated], true)).toBe(violated);
    });

    it('is pending before any carton left', () => {
      expect(worstOf('transport', [], false)).toMatchObject({ rule: 'transport', status: 'pending', evidence: { eventIds: [] } });
    });
  });

  describe('overall', () => {
    it('is compliant when every rule is met or does not apply', () => {
      expect(overall([])).toBe('compliant');
      expect(overall([result('a', 'met', '', ''), result('b', 'not_applicable', '', '')])).toBe('compliant');
    });

    it('is non-compliant on any violation, even with rules pending', () => {
      expect(overall([result('a', 'pending', '', ''), result('b', 'violated', '', '')])).toBe('non_compliant');
    });
  });
});
