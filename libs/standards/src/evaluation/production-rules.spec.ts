import { RequiredTestRule } from '../domain/rules';
import {
  bj,
  certificate,
  dispatch,
  dispatched,
  facts,
  fertilizer,
  grading,
  greenFood,
  harvest,
  packing,
  pesticide,
  plusHours,
  preCooling,
  rapidTest,
  registered,
  rules,
} from './facts.fixtures';
import {
  evaluateCertificates,
  evaluateGrading,
  evaluateHarvestToPacking,
  evaluatePreCooling,
  evaluateRequiredData,
  evaluateSafetyIntervals,
  evaluateTest,
} from './production-rules';

describe('production rules', () => {
  describe('grading (分级)', () => {
    const rule = rules.grading!;

    it('is met when every class the standard grades measures within its bounds and tolerance', () => {
      const r = evaluateGrading(facts(), rule, undefined);
      expect(r).toMatchObject({ rule: 'grading', status: 'met', evidence: { eventIds: [grading.eventId] } });
      expect(r.reason).toContain('特级、一级');
      expect(r.reasonEn).toContain('特级、一级');
    });

    it('is violated by a measurement below the class’s minimum, naming the value and the range', () => {
      const low = { ...grading, classes: [{ ...grading.classes[0], attributes: { diameterMm: 44, brix: 13.2 } }] };
      const r = evaluateGrading(facts({ gradings: [low] }), rule, undefined);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [grading.eventId], values: { grade: '特级', attribute: 'diameterMm', value: 44, min: 45 } },
      });
      expect(r.reason).toBe('特级的diameterMm为44，标准要求45–∞');
      expect(r.reasonEn).toBe('特级: diameterMm 44 is outside 45–∞');
    });

    it('is violated by a measurement at the class’s maximum, which is exclusive', () => {
      const atMax = { ...grading, classes: [{ ...grading.classes[1], attributes: { diameterMm: 45, brix: 11.6 } }] };
      const r = evaluateGrading(facts({ gradings: [atMax] }), rule, undefined);
      expect(r.status).toBe('violated');
      expect(r.reasonEn).toContain('40–45');
    });

    it('accepts a measurement at the class’s minimum, which is inclusive', () => {
      const atMin = { ...grading, classes: [{ ...grading.classes[1], attributes: { diameterMm: 40, brix: 11 } }] };
      expect(evaluateGrading(facts({ gradings: [atMin] }), rule, undefined).status).toBe('met');
    });

    it('is violated by more below grade than the class tolerates, naming both shares', () => {
      const many = { ...grading, classes: [{ ...grading.classes[0], belowGradePct: 7 }] };
      const r = evaluateGrading(facts({ gradings: [many] }), rule, undefined);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [grading.eventId], values: { belowGradePct: 7, tolerancePct: 5 } },
      });
      expect(r.reason).toContain('7%');
      expect(r.reason).toContain('5%');
      expect(r.reasonEn).toBe('特级: 7 % below grade, more than the 5 % tolerated');
    });

    it('is violated when an attribute the class is judged on was not measured', () => {
      const unmeasured = { ...grading, classes: [{ grade: '特级', attributes: { diameterMm: 47 }, belowGradePct: 3 }] };
      const r = evaluateGrading(facts({ gradings: [unmeasured] }), rule, undefined);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [grading.eventId], values: { grade: '特级', attribute: 'brix' } },
      });
      expect(r.reasonEn).toContain('brix');
    });

    it('is violated when the batch was packed without grading', () => {
      const r = evaluateGrading(facts({ gradings: [] }), rule, undefined);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: [packing.eventId] } });
    });

    it('is pending before grading', () => {
      expect(evaluateGrading(facts({ gradings: [], packings: [] }), rule, undefined)).toMatchObject({
        status: 'pending',
        evidence: { eventIds: [] },
      });
    });

    it('is pending while a class’s share below grade is not recorded', () => {
      const unrecorded = { ...grading, classes: [{ grade: '特级', attributes: { diameterMm: 47, brix: 13.2 } }] };
      const r = evaluateGrading(facts({ gradings: [unrecorded] }), rule, undefined);
      expect(r).toMatchObject({ status: 'pending', evidence: { eventIds: [grading.eventId], values: { grade: '特级' } } });
    });

    it('does not apply to classes the standard does not grade', () => {
      const second = { ...grading, classes: [{ grade: '二级', attributes: { diameterMm: 35 }, belowGradePct: 20 }] };
      const r = evaluateGrading(facts({ gradings: [second] }), rule, undefined);
      expect(r).toMatchObject({ status: 'not_applicable', evidence: { eventIds: [grading.eventId] } });
    });

    it('judges only the grades asked about: a 特级 item is not failed by its batch’s 一级', () => {
      const badFirst = { ...grading, classes: [grading.classes[0], { ...grading.classes[1], belowGradePct: 15 }] };
      expect(evaluateGrading(facts({ gradings: [badFirst] }), rule, ['特级']).status).toBe('met');
      expect(evaluateGrading(facts({ gradings: [badFirst] }), rule, ['一级']).status).toBe('violated');
      expect(evaluateGrading(facts({ gradings: [badFirst] }), rule, ['二级']).status).toBe('not_applicable');
    });

    it('judges every grading record', () => {
      const regrade = { ...grading, eventId: 'evt-grading-0620', classes: [{ ...grading.classes[1], belowGradePct: 12 }] };
      const r = evaluateGrading(facts({ gradings: [grading, regrade] }), rule, undefined);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: ['evt-grading-0620'] } });
    });
  });

  describe('preCooling (预冷)', () => {
    const rule = rules.preCooling!;

    it('is met when cooling began within the hours allowed and reached the core temperature', () => {
      const r = evaluatePreCooling(facts(), rule);
      expect(r).toMatchObject({ rule: 'preCooling', status: 'met', evidence: { eventIds: [harvest.eventId, preCooling.eventId] } });
      expect(r.reason).toBe('采收后4小时内预冷至5°C以下');
      expect(r.reasonEn).toBe('Pre-cooled within 4 h of harvest to 5 °C or below');
    });

    it('is met when cooling began exactly at the limit', () => {
      const atLimit = { ...preCooling, startedAt: bj('2025-06-18T10:30') };
      expect(evaluatePreCooling(facts({ preCoolings: [atLimit] }), rule).status).toBe('met');
    });

    it('is violated when cooling began late, naming how late', () => {
      const late = { ...preCooling, startedAt: bj('2025-06-18T11:00'), endedAt: bj('2025-06-18T13:00') };
      const r = evaluatePreCooling(facts({ preCoolings: [late] }), rule);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [harvest.eventId, preCooling.eventId], values: { withinHours: 4, hoursAfterHarvest: 4.5 } },
      });
      expect(r.reason).toBe('采收后4.5小时才开始预冷，标准要求4小时内');
      expect(r.reasonEn).toBe('Pre-cooling began 4.5 h after harvest; the standard allows 4 h');
    });

    it('is violated when the core stayed too warm, naming both temperatures', () => {
      const warm = { ...preCooling, coreTemperatureC: 7.5 };
      const r = evaluatePreCooling(facts({ preCoolings: [warm] }), rule);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [harvest.eventId, preCooling.eventId], values: { coreTemperatureC: 7.5, maxCoreTemperatureC: 5 } },
      });
      expect(r.reasonEn).toBe('Pre-cooled to a core 7.5 °C, above 5 °C');
    });

    it('is violated once the hours have passed without cooling', () => {
      const r = evaluatePreCooling(facts({ preCoolings: [], asOf: bj('2025-06-18T10:31') }), rule);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: [harvest.eventId], values: { withinHours: 4 } } });
      expect(r.reasonEn).toBe('Not pre-cooled within 4 h of harvest');
    });

    it('is pending until the deadline, saying when', () => {
      const r = evaluatePreCooling(facts({ preCoolings: [], asOf: bj('2025-06-18T09:00') }), rule);
      expect(r).toMatchObject({ status: 'pending', dueBy: bj('2025-06-18T10:30'), evidence: { eventIds: [] } });
      expect(r.reasonEn).toBe('Pre-cooling due by 2025-06-18 10:30 (UTC+8)');
    });

    it('is pending before harvest', () => {
      expect(evaluatePreCooling(registered(), rule)).toMatchObject({ status: 'pending', evidence: { eventIds: [] } });
    });

    it('judges each harvest by the first cooling after it', () => {
      const secondPick = { ...harvest, eventId: 'evt-harvest-0620', harvestedAt: bj('2025-06-20T06:00') };
      const r = evaluatePreCooling(facts({ harvests: [harvest, secondPick], asOf: bj('2025-06-20T07:00') }), rule);
      expect(r).toMatchObject({
        status: 'pending',
        dueBy: bj('2025-06-20T10:00'),
        evidence: { eventIds: [harvest.eventId, preCooling.eventId] },
      });
    });

    it('takes the first cooling by time, whatever the offsets it was recorded in', () => {
      const early = { ...preCooling, eventId: 'evt-precool-early', startedAt: '2025-06-18T08:30:00+08:00' };
      const late = { ...preCooling, eventId: 'evt-precool-late', startedAt: '2025-06-18T03:00:00.000Z' };
      const r = evaluatePreCooling(facts({ preCoolings: [late, early] }), rule);
      expect(r).toMatchObject({ status: 'met', evidence: { eventIds: [harvest.eventId, 'evt-precool-early'] } });
    });

    it('does not take a cooling that began before the harvest for it', () => {
      const secondPick = { ...harvest, eventId: 'evt-harvest-0620', harvestedAt: bj('2025-06-20T06:00') };
      const r = evaluatePreCooling(facts({ harvests: [harvest, secondPick], asOf: bj('2025-06-20T11:00') }), rule);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: ['evt-harvest-0620'] } });
    });
  });

  describe('tests (农药残留速测)', () => {
    const rule = rules.tests![0];

    it('is met before dispatch by a passing test, naming its value', () => {
      const r = evaluateTest(facts(), rule);
      expect(r).toMatchObject({
        rule: 'tests:pesticide_residue_rapid_test',
        status: 'met',
        evidence: { eventIds: [rapidTest.eventId], values: { value: 18.5 } },
      });
      expect(r.reasonEn).toBe('Passed: 18.5 against a limit of 50');
    });

    it('is met at dispatch by a passing test within the days allowed', () => {
      const r = evaluateTest(dispatched(), rule);
      expect(r).toMatchObject({ status: 'met', evidence: { eventIds: [rapidTest.eventId, dispatch.eventId] } });
      expect(r.reasonEn).toBe('Passed within 7 days before dispatch: 18.5 against a limit of 50');
    });

    it('is violated by a failed test, naming the value and the limit', () => {
      const failed = { ...rapidTest, value: 62, passed: false };
      const r = evaluateTest(facts({ tests: [failed] }), rule);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: [rapidTest.eventId], values: { value: 62, threshold: 50 } } });
      expect(r.reason).toBe('检测不合格：62，标准限值50');
      expect(r.reasonEn).toBe("Test failed: 62 against the standard's limit of 50");
    });

    it('is violated by a result at the standard’s limit, though the lab passed it', () => {
      const atLimit = { ...rapidTest, value: 50, threshold: 60, passed: true };
      expect(evaluateTest(facts({ tests: [atLimit] }), rule)).toMatchObject({
        status: 'violated',
        evidence: { values: { value: 50, threshold: 50 } },
      });
    });

    it('is violated when the passing test was too old at dispatch', () => {
      const old = { ...rapidTest, testedAt: bj('2025-06-11T10:15') };
      const r = evaluateTest(dispatched({ tests: [old] }), rule);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [dispatch.eventId, rapidTest.eventId], values: { validDays: 7 } },
      });
      expect(r.reasonEn).toBe('No passing test within 7 days before dispatch');
    });

    it('is violated when the goods left without a test, and a test after dispatch does not help', () => {
      expect(evaluateTest(dispatched({ tests: [] }), rule)).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [dispatch.eventId] },
      });
      const afterwards = { ...rapidTest, testedAt: bj('2025-06-19T09:00') };
      expect(evaluateTest(dispatched({ tests: [afterwards] }), rule).status).toBe('violated');
    });

    it('turns pending again before dispatch once the passing test is older than the days allowed', () => {
      const old = { ...rapidTest, testedAt: bj('2025-06-01T10:15') };
      const r = evaluateTest(facts({ tests: [old] }), rule);
      expect(r).toMatchObject({ status: 'pending', evidence: { eventIds: [rapidTest.eventId], values: { validDays: 7 } } });
      expect(r.reasonEn).toBe('The test is over 7 days old; test again before dispatch');
    });

    it('is pending before dispatch without a test', () => {
      const r = evaluateTest(facts({ tests: [] }), rule);
      expect(r).toMatchObject({ status: 'pending', evidence: { eventIds: [] } });
    });

    it('counts a test of another method for nothing', () => {
      const other = { ...rapidTest, method: 'heavy_metal_test' };
      expect(evaluateTest(facts({ tests: [other] }), rule).status).toBe('pending');
    });

    it('wants the analyte it names, and is named after it', () => {
      const chlorpyrifos: RequiredTestRule = { ...rule, method: 'pesticide_residue_lab_test', analyte: 'chlorpyrifos', threshold: 0.02 };
      const imidacloprid = { ...rapidTest, method: 'pesticide_residue_lab_test', analyte: 'imidacloprid', value: 0.01, threshold: 0.5 };
      expect(evaluateTest(facts({ tests: [imidacloprid] }), chlorpyrifos)).toMatchObject({
        rule: 'tests:pesticide_residue_lab_test:chlorpyrifos',
        status: 'pending',
      });
      expect(evaluateTest(facts({ tests: [{ ...imidacloprid, analyte: 'chlorpyrifos' }] }), chlorpyrifos).status).toBe('met');
    });

    it('does not apply, when needed only after a pesticide, to a batch that had none', () => {
      const r = evaluateTest(facts({ inputs: [fertilizer], tests: [] }), { ...rule, requiredWhen: 'pesticide_applied' });
      expect(r).toMatchObject({ status: 'not_applicable', evidence: { eventIds: [] } });
      expect(r.reasonEn).toContain('No pesticide');
    });

    it('applies, when needed only after a pesticide, to a batch that had one', () => {
      expect(evaluateTest(facts({ tests: [] }), { ...rule, requiredWhen: 'pesticide_applied' }).status).toBe('pending');
    });

    it('is met by any test when a pass is not required', () => {
      const failed = { ...rapidTest, value: 62, passed: false };
      const noPass = { ...rule, passRequired: false };
      expect(evaluateTest(facts({ tests: [failed] }), noPass).status).toBe('met');
      expect(evaluateTest(dispatched({ tests: [failed] }), noPass)).toMatchObject({
        status: 'met',
        evidence: { eventIds: [rapidTest.eventId, dispatch.eventId] },
      });
    });
  });

  describe('safetyIntervals (安全间隔期)', () => {
    const rule = rules.safetyIntervals!;

    it('is met when every harvest came after the safety interval', () => {
      const r = evaluateSafetyIntervals(facts(), rule);
      expect(r).toMatchObject({ rule: 'safetyIntervals', status: 'met', evidence: { eventIds: [pesticide.eventId, harvest.eventId] } });
    });

    it('is met by a harvest on the day the interval ends', () => {
      const onTheDay = { ...harvest, harvestedAt: bj('2025-06-15T07:00') };
      expect(evaluateSafetyIntervals(facts({ harvests: [onTheDay] }), rule).status).toBe('met');
    });

    it('is violated by a harvest inside the interval, naming the input and the days', () => {
      const early = { ...harvest, harvestedAt: bj('2025-06-11T07:00') };
      const r = evaluateSafetyIntervals(facts({ harvests: [early] }), rule);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: {
          eventIds: [pesticide.eventId, harvest.eventId],
          values: { input: '10% 吡虫啉可湿性粉剂', safetyIntervalDays: 14, daysBeforeHarvest: 10 },
        },
      });
      expect(r.reason).toBe('施用10% 吡虫啉可湿性粉剂后10天即采收，安全间隔期为14天');
      expect(r.reasonEn).toBe('Harvested 10 days after applying 10% 吡虫啉可湿性粉剂; its safety interval is 14 days');
    });

    it('is violated by a veterinary drug’s interval too, by default', () => {
      const drug = {
        ...pesticide,
        eventId: 'evt-input-drug',
        kind: 'veterinary_drug',
        name: '兽药',
        appliedAt: bj('2025-06-17T07:00'),
        safetyIntervalDays: 3,
      };
      expect(evaluateSafetyIntervals(facts({ inputs: [drug] }), rule)).toMatchObject({
        status: 'violated',
        evidence: { eventIds: ['evt-input-drug', harvest.eventId] },
      });
    });

    it('binds only the kinds the standard names', () => {
      const drug = {
        ...pesticide,
        eventId: 'evt-input-drug',
        kind: 'veterinary_drug',
        appliedAt: bj('2025-06-17T07:00'),
        safetyIntervalDays: 3,
      };
      expect(evaluateSafetyIntervals(facts({ inputs: [drug] }), { kinds: ['pesticide'] }).status).toBe('not_applicable');
    });

    it('is not failed by a spraying after the harvest', () => {
      const later = { ...pesticide, appliedAt: bj('2025-06-18T08:00') };
      expect(evaluateSafetyIntervals(facts({ inputs: [later] }), rule).status).toBe('met');
    });

    it('is pending before harvest, saying from when the harvest is allowed', () => {
      const r = evaluateSafetyIntervals(registered({ inputs: [pesticide] }), rule);
      expect(r).toMatchObject({ status: 'pending', evidence: { eventIds: [pesticide.eventId] } });
      expect(r.reasonEn).toBe('Not harvested yet; harvest allowed from 2025-06-15 07:00 (UTC+8)');
    });

    it('does not apply when no pesticide was applied', () => {
      expect(evaluateSafetyIntervals(facts({ inputs: [fertilizer] }), rule)).toMatchObject({
        status: 'not_applicable',
        evidence: { eventIds: [] },
      });
      expect(evaluateSafetyIntervals(facts({ inputs: [] }), rule).status).toBe('not_applicable');
    });
  });

  describe('certificates (承诺达标合格证)', () => {
    const rule = rules.certificates!;
    const withGreenFood = { required: ['compliance_certificate' as const, 'green_food' as const] };

    it('is met by the compliance certificate', () => {
      const r = evaluateCertificates(facts(), rule);
      expect(r).toMatchObject({ rule: 'certificates', status: 'met', evidence: { eventIds: [certificate.eventId] } });
    });

    it('waits while a failed safety test holds the batch before it left: its certificate is withdrawn', () => {
      const r = evaluateCertificates(facts({ held: ['pesticide'] }), rule);
      expect(r).toMatchObject({ status: 'pending', evidence: { eventIds: [certificate.eventId], values: { held: ['pesticide'] } } });
      expect(r.reasonEn).toContain('withdrawn');
    });

    it('keeps what was held at dispatch when a failure comes after the goods left', () => {
      expect(evaluateCertificates(dispatched({ held: ['pesticide'] }), rule).status).toBe('met');
    });

    it('is met by the certifications the standard adds, valid at dispatch', () => {
      const r = evaluateCertificates(dispatched({ certifications: [greenFood] }), withGreenFood);
      expect(r).toMatchObject({ status: 'met', evidence: { eventIds: [certificate.eventId, greenFood.eventId] } });
    });

    it('is violated when the goods left without the compliance certificate, naming it', () => {
      const r = evaluateCertificates(dispatched({ certificate: undefined }), rule);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [dispatch.eventId], values: { missing: ['compliance_certificate'] } },
      });
      expect(r.reason).toBe('发货时缺少承诺达标合格证');
      expect(r.reasonEn).toBe('Dispatched without the compliance certificate');
    });

    it('is violated by a certification expired at dispatch, naming when', () => {
      const expired = { ...greenFood, validUntil: bj('2025-06-18T23:59') };
      const r = evaluateCertificates(dispatched({ certifications: [expired] }), withGreenFood);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: [greenFood.eventId], values: { kind: 'green_food' } } });
      expect(r.reasonEn).toBe(`The green food certificate expired on ${bj('2025-06-18T23:59')}`);
    });

    it('is met by a renewed certification, though an expired one is also on record', () => {
      const expired = { ...greenFood, eventId: 'evt-certification-green-food-2024', validUntil: bj('2025-03-31T23:59') };
      const r = evaluateCertificates(dispatched({ certifications: [expired, greenFood] }), withGreenFood);
      expect(r).toMatchObject({ status: 'met', evidence: { eventIds: [certificate.eventId, greenFood.eventId] } });
    });

    it('compares the expiry with the dispatch as instants, whatever the offsets', () => {
      // Noon in Beijing is 04:00 UTC: expired two hours before the 06:00 UTC dispatch.
      const expired = { ...greenFood, validUntil: '2025-06-19T12:00:00+08:00' };
      const r = evaluateCertificates(
        dispatched({ firstDispatch: { ...dispatch, at: '2025-06-19T06:00:00.000Z' }, certifications: [expired] }),
        withGreenFood,
      );
      expect(r.status).toBe('violated');
      const valid = { ...greenFood, validUntil: '2025-06-19T16:00:00+08:00' };
      expect(
        evaluateCertificates(
          dispatched({ firstDispatch: { ...dispatch, at: '2025-06-19T06:00:00.000Z' }, certifications: [valid] }),
          withGreenFood,
        ).status,
      ).toBe('met');
    });

    describe('held when the goods left: on record before the first dispatch was recorded', () => {
      const withGi = { required: ['compliance_certificate' as const, 'geographical_indication' as const] };
      const gi = { eventId: 'evt-certification-gi', position: 9, kind: 'geographical_indication' };
      const afterDispatch = { ...gi, position: dispatch.position + 3 };

      it('counts a 地理标志 recorded before the dispatch', () => {
        expect(evaluateCertificates(dispatched({ certifications: [gi] }), withGi)).toMatchObject({
          status: 'met',
          evidence: { eventIds: [certificate.eventId, gi.eventId] },
        });
      });

      it('does not count a 地理标志 recorded after the dispatch, naming it and the dispatch', () => {
        const r = evaluateCertificates(dispatched({ certifications: [afterDispatch] }), withGi);
        expect(r).toMatchObject({
          status: 'violated',
          evidence: {
            eventIds: [dispatch.eventId, gi.eventId],
            values: { missing: ['geographical_indication'], recordedAfterDispatch: ['geographical_indication'] },
          },
        });
        expect(r.reason).toBe('发货时缺少地理标志（地理标志在发货之后才登记）');
        expect(r.reasonEn).toBe(
          'Dispatched without the geographical indication (the geographical indication recorded only after dispatch)',
        );
      });

      it('does not count a 承诺达标合格证 recorded after the dispatch, whatever issue time it states', () => {
        const backDated = { ...certificate, position: dispatch.position + 1, issuedAt: bj('2025-06-18T12:30') };
        const r = evaluateCertificates(dispatched({ certificate: backDated }), rule);
        expect(r).toMatchObject({
          status: 'violated',
          evidence: { eventIds: [dispatch.eventId, certificate.eventId], values: { recordedAfterDispatch: ['compliance_certificate'] } },
        });
      });

      it('compares when things were recorded, not the times they state: a dispatch back-filled to before the certificate was recorded after it', () => {
        const backFilled = { ...dispatch, at: bj('2025-06-18T09:00') };
        expect(evaluateCertificates(dispatched({ firstDispatch: backFilled, certifications: [gi] }), withGi).status).toBe('met');
      });

      it('counts every certification on record while the goods have not left', () => {
        expect(evaluateCertificates(facts({ certifications: [afterDispatch] }), withGi).status).toBe('met');
      });
    });

    it('is pending before dispatch while a certificate is missing, naming it', () => {
      const r = evaluateCertificates(facts({ certificate: undefined }), withGreenFood);
      expect(r).toMatchObject({
        status: 'pending',
        evidence: { eventIds: [], values: { missing: ['compliance_certificate', 'green_food'] } },
      });
      expect(r.reason).toBe('发货前须出具承诺达标合格证、绿色食品证书');
      expect(r.reasonEn).toBe('The compliance certificate, green food certificate must be issued before dispatch');
    });
  });

  describe('harvestToPacking (采收到包装)', () => {
    const rule = rules.harvestToPacking!;

    it('is met when packed within the hours, naming how long it took', () => {
      const r = evaluateHarvestToPacking(facts(), rule);
      expect(r).toMatchObject({
        rule: 'harvestToPacking',
        status: 'met',
        evidence: { eventIds: [harvest.eventId, packing.eventId], values: { hours: 5.5 } },
      });
      expect(r.reasonEn).toBe('Packed within 5.5 h of harvest');
    });

    it('is violated by a packing after the hours, naming how long it took', () => {
      const late = { ...packing, packedAt: bj('2025-06-19T12:30') };
      const r = evaluateHarvestToPacking(facts({ packings: [late] }), rule);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [harvest.eventId, packing.eventId], values: { hours: 30, maxHours: 24 } },
      });
      expect(r.reason).toBe('采收后30小时才包装，标准要求24小时内');
      expect(r.reasonEn).toBe('Packed 30 h after harvest; the standard allows 24 h');
    });

    it('counts from the first harvest', () => {
      const secondPick = { ...harvest, eventId: 'evt-harvest-0620', harvestedAt: bj('2025-06-20T06:00') };
      const packedAfterSecond = { ...packing, packedAt: bj('2025-06-20T08:00') };
      const r = evaluateHarvestToPacking(facts({ harvests: [secondPick, harvest], packings: [packedAfterSecond] }), rule);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: [harvest.eventId, packing.eventId], values: { hours: 49.5 } } });
    });

    it('finds the first harvest by time, whatever the offsets it was recorded in', () => {
      const inBeijing = { ...harvest, harvestedAt: '2025-06-18T06:30:00+08:00' };
      const inUtc = { ...harvest, eventId: 'evt-harvest-utc', harvestedAt: '2025-06-17T23:00:00.000Z' };
      const r = evaluateHarvestToPacking(facts({ harvests: [inUtc, inBeijing] }), rule);
      expect(r).toMatchObject({ status: 'met', evidence: { eventIds: [harvest.eventId, packing.eventId], values: { hours: 5.5 } } });
    });

    it('is violated once the hours have passed unpacked', () => {
      const r = evaluateHarvestToPacking(facts({ packings: [], asOf: bj('2025-06-19T07:00') }), rule);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: [harvest.eventId] } });
      expect(r.reasonEn).toBe('Not packed within 24 h of harvest');
    });

    it('is pending until the deadline, saying when', () => {
      const r = evaluateHarvestToPacking(facts({ packings: [] }), rule);
      expect(r).toMatchObject({ status: 'pending', dueBy: plusHours(harvest.harvestedAt, 24), evidence: { eventIds: [harvest.eventId] } });
    });

    it('is pending before harvest', () => {
      expect(evaluateHarvestToPacking(registered(), rule).status).toBe('pending');
    });
  });

  describe('requiredData (必备数据)', () => {
    const rule = rules.requiredData!;

    it('is met when everything the standard wants is on record', () => {
      expect(evaluateRequiredData(facts(), rule)).toMatchObject({ rule: 'requiredData', status: 'met' });
    });

    it('is violated when the goods left without some of it, naming what', () => {
      const r = evaluateRequiredData(
        dispatched({ packings: [{ ...packing, netWeightMissing: true }], certificate: { ...certificate, hasContact: false } }),
        rule,
      );
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [dispatch.eventId], values: { missing: ['net_weight', 'certificate_contact'] } },
      });
      expect(r.reason).toBe('发货时缺少：净含量、合格证联系方式');
      expect(r.reasonEn).toBe('Dispatched without: net weight, contact on the certificate');
    });

    it('is pending before dispatch while some is missing, naming what', () => {
      const r = evaluateRequiredData(registered(), rule);
      expect(r).toMatchObject({
        status: 'pending',
        evidence: {
          values: { missing: ['harvest_time', 'harvest_quantity', 'net_weight', 'grade', 'packing_facility', 'certificate_contact'] },
        },
      });
      expect(r.reasonEn).toContain('Still missing: harvest time');
    });

    it('wants a harvest quantity above zero and every packing with its net weight', () => {
      const r = evaluateRequiredData(
        facts({
          harvests: [{ ...harvest, quantity: { value: 0, unit: 'kg' } }],
          packings: [packing, { ...packing, eventId: 'evt-packing-2', netWeightMissing: true }],
        }),
        rule,
      );
      expect(r.evidence.values).toEqual({ missing: ['harvest_quantity', 'net_weight'] });
    });

    it('wants only the fields it lists', () => {
      expect(evaluateRequiredData(registered(), { fields: ['origin_plot'] }).status).toBe('met');
      expect(evaluateRequiredData(registered({ farmPlotId: undefined }), { fields: ['origin_plot'] }).status).toBe('pending');
    });
  });
});
