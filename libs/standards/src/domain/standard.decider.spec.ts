import { deciderSpec } from '@suyuan/core/testing';
import { PublishStandard } from './commands';
import { StandardRules } from './rules';
import { standardDecider } from './standard.decider';
import {
  admin,
  cooperative,
  ecommerceCentre,
  plumAssociation,
  plumRules,
  plumStandardPublished,
  plumStandardRevised,
  publishPlumStandard,
  revisePlumStandard,
} from './standard.fixtures';

const given = deciderSpec(standardDecider);

/** Publishes the plum standard with these rules instead. */
const withRules = (rules: unknown): PublishStandard => ({ ...publishPlumStandard, rules: rules as StandardRules });

/** A contradictory standard is refused as invalid_standard, naming the rule in the details and the message. */
function refusesRule(rules: unknown, rule: string, mentions: string[] = []) {
  const error = given([]).when(withRules(rules)).thenThrows({ kind: 'invalid', code: 'invalid_standard' });
  expect(error.details).toEqual({ rule });
  expect(error.message).toContain(rule);
  for (const text of mentions) expect(error.message).toContain(text);
}

describe('standard decider', () => {
  describe('publishing', () => {
    it('publishes the first version of a product’s standard as version 1, effective from UTC', () => {
      given([]).when(publishPlumStandard).then([plumStandardPublished]);
    });

    it('publishes a revision as version 2, with its own rules', () => {
      given([plumStandardPublished]).when(revisePlumStandard).then([plumStandardRevised]);
    });

    it('numbers a third version 3', () => {
      given([plumStandardPublished, plumStandardRevised])
        .when({ ...revisePlumStandard, effectiveFrom: '2025-08-01T00:00:00+08:00' })
        .then([{ ...plumStandardRevised, data: { ...plumStandardRevised.data, version: 3, effectiveFrom: '2025-07-31T16:00:00.000Z' } }]);
    });

    it('lets a revision take effect at the same time as the version before it', () => {
      given([plumStandardPublished])
        .when({ ...revisePlumStandard, effectiveFrom: publishPlumStandard.effectiveFrom })
        .then([{ ...plumStandardRevised, data: { ...plumStandardRevised.data, effectiveFrom: '2025-05-31T16:00:00.000Z' } }]);
    });

    it('keeps a description and trims the title', () => {
      given([])
        .when({ ...publishPlumStandard, title: '  乐昌黄金柰李电商交易标准 ', description: '特级、一级可贴“乐昌农品”' })
        .then([{ ...plumStandardPublished, data: { ...plumStandardPublished.data, description: '特级、一级可贴“乐昌农品”' } }]);
    });

    it('keeps only the known fields of the rules, with the defaults filled in', () => {
      const [event] = standardDecider.decide(
        withRules({
          tests: [{ method: 'pesticide_residue_rapid_test', threshold: 50, note: 'ignored' }],
          certificates: { required: ['green_food'] },
          storage: { minC: 0, maxC: 5, maxExcursionMinutes: 20 },
        }),
        standardDecider.initialState(),
      );
      expect(event.data.rules).toEqual({
        tests: [{ method: 'pesticide_residue_rapid_test', threshold: 50, passRequired: true, validDays: 7, requiredWhen: 'always' }],
        certificates: { required: ['compliance_certificate', 'green_food'] },
        storage: { minC: 0, maxC: 5, maxExcursionMinutes: 20, maxTotalMinutesOutOfRange: 20 },
      });
    });
  });

  describe('who publishes', () => {
    it.each([
      ['a cooperative', cooperative],
      ['the administrator', admin],
    ])('is not for %s', (_who, actor) => {
      given([])
        .when({ ...publishPlumStandard, actor })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
    });

    it('needs a registered product', () => {
      given([])
        .when({ ...publishPlumStandard, product: undefined })
        .thenThrows({ kind: 'not_found', code: 'product_not_found' });
    });

    it('cannot be revised by another standards owner', () => {
      given([plumStandardPublished])
        .when({ ...revisePlumStandard, actor: plumAssociation })
        .thenThrows({ kind: 'forbidden', code: 'not_standard_owner' });
    });

    it('is revised by the owner of version 1 under any of its keys', () => {
      given([plumStandardPublished])
        .when({ ...revisePlumStandard, actor: { ...ecommerceCentre, keyId: 'key-ecc-2' } })
        .then([plumStandardRevised]);
    });
  });

  describe('when it takes effect', () => {
    it('refuses a revision effective before the version before it, naming both times', () => {
      const error = given([plumStandardPublished])
        .when({ ...revisePlumStandard, effectiveFrom: '2025-05-31T23:59:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'effective_before_previous' });
      expect(error.message).toContain('2025-05-31T23:59:00+08:00');
      expect(error.message).toContain('version 1');
    });

    it('compares across offsets: 08:00 in Beijing is midnight UTC', () => {
      given([plumStandardPublished])
        .when({ ...revisePlumStandard, effectiveFrom: '2025-05-31T15:59:00Z' })
        .thenThrows({ kind: 'invalid', code: 'effective_before_previous' });
    });

    it('refuses a time without an offset', () => {
      given([])
        .when({ ...publishPlumStandard, effectiveFrom: '2025-06-01T00:00:00' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });
  });

  describe('refusing a contradictory standard, naming the rule', () => {
    it('refuses a blank title', () => {
      const error = given([])
        .when({ ...publishPlumStandard, title: '  ' })
        .thenThrows({ kind: 'invalid', code: 'invalid_standard' });
      expect(error.details).toEqual({ rule: 'title' });
    });

    it('refuses a grade attribute whose min is above its max', () => {
      refusesRule(
        { grading: { classes: [{ grade: '特级', attributes: { diameterMm: { min: 50, max: 45 } }, tolerancePct: 5 }] } },
        'grading',
        ['diameterMm', '50', '45'],
      );
    });

    it('refuses a grade attribute whose min equals its max, as max is exclusive', () => {
      refusesRule({ grading: { classes: [{ grade: '特级', attributes: { brix: { min: 12, max: 12 } }, tolerancePct: 5 }] } }, 'grading', [
        'brix',
      ]);
    });

    it('refuses grade classes that overlap, naming both', () => {
      refusesRule(
        {
          grading: {
            classes: [
              { grade: '特级', attributes: { diameterMm: { min: 44 } }, tolerancePct: 5 },
              { grade: '一级', attributes: { diameterMm: { min: 40, max: 45 } }, tolerancePct: 10 },
            ],
          },
        },
        'grading',
        ['特级', '一级', 'overlap'],
      );
    });

    it('accepts classes that touch, the max of one being the min of the next', () => {
      expect(() =>
        standardDecider.decide(
          withRules({
            grading: {
              classes: [
                { grade: '特级', attributes: { diameterMm: { min: 45 } }, tolerancePct: 5 },
                { grade: '一级', attributes: { diameterMm: { min: 40, max: 45 } }, tolerancePct: 10 },
              ],
            },
          }),
          standardDecider.initialState(),
        ),
      ).not.toThrow();
    });

    it('refuses classes on different attributes, since an item could belong to both', () => {
      refusesRule(
        {
          grading: {
            classes: [
              { grade: '特级', attributes: { diameterMm: { min: 45 } }, tolerancePct: 5 },
              { grade: '一级', attributes: { brix: { min: 11 } }, tolerancePct: 10 },
            ],
          },
        },
        'grading',
      );
    });

    it.each([-1, 101, Number.NaN])('refuses a tolerance of %s %%', (tolerancePct) => {
      refusesRule({ grading: { classes: [{ grade: '特级', attributes: { diameterMm: { min: 45 } }, tolerancePct }] } }, 'grading', [
        'tolerancePct',
        '0 to 100',
      ]);
    });

    it.each([0, 100])('accepts a tolerance of %s %%', (tolerancePct) => {
      given([])
        .when(withRules({ grading: { classes: [{ grade: '特级', attributes: { diameterMm: { min: 45 } }, tolerancePct }] } }))
        .then([
          {
            ...plumStandardPublished,
            data: {
              ...plumStandardPublished.data,
              rules: { grading: { classes: [{ grade: '特级', attributes: { diameterMm: { min: 45 } }, tolerancePct }] } },
            },
          },
        ]);
    });

    it('refuses a grade class the product does not have', () => {
      refusesRule({ grading: { classes: [{ grade: '精品果', attributes: { diameterMm: { min: 45 } }, tolerancePct: 5 }] } }, 'grading', [
        '精品果',
      ]);
    });

    it('refuses a grade class listed twice', () => {
      refusesRule(
        {
          grading: {
            classes: [
              { grade: '特级', attributes: { diameterMm: { min: 45 } }, tolerancePct: 5 },
              { grade: '特级', attributes: { diameterMm: { max: 40 } }, tolerancePct: 5 },
            ],
          },
        },
        'grading',
        ['特级'],
      );
    });

    it.each(['storage', 'transport'])('refuses a %s range whose minC is above its maxC', (kind) => {
      refusesRule({ [kind]: { minC: 6, maxC: 2, maxExcursionMinutes: 0, maxTotalMinutesOutOfRange: 0 } }, kind, [`${kind}.minC`, '6', '2']);
    });

    it.each(['storage', 'transport'])('refuses a %s excursion longer than all the time out of range allowed', (kind) => {
      refusesRule({ [kind]: { minC: 0, maxC: 5, maxExcursionMinutes: 60, maxTotalMinutesOutOfRange: 30 } }, kind, [
        'maxExcursionMinutes',
        '60',
        '30',
      ]);
    });

    it('refuses an unknown rule kind, naming it and the known ones', () => {
      refusesRule({ ...plumRules, humidity: { maxPct: 90 } }, 'humidity', ['humidity', 'hubToVillage']);
    });

    it('keeps a yield bound (fresh tea leaves → finished tea 18–25 %)', () => {
      const [event] = standardDecider.decide(withRules({ processingYield: { minPct: 18, maxPct: 25 } }), standardDecider.initialState());
      expect(event.data).toMatchObject({ rules: { processingYield: { minPct: 18, maxPct: 25 } } });
    });

    it('keeps the scan limits a product sets over its category’s defaults', () => {
      const [event] = standardDecider.decide(withRules({ scans: { maxConsumers: 30, shelfLifeDays: 45 } }), standardDecider.initialState());
      expect(event.data).toMatchObject({ rules: { scans: { maxConsumers: 30, shelfLifeDays: 45 } } });
    });

    it.each([
      [{ maxConsumers: 0 }, 'scans.maxConsumers'],
      [{ maxPlaces: 2.5 }, 'scans.maxPlaces'],
      [{ shelfLifeDays: 4000 }, 'scans.shelfLifeDays'],
      [{}, 'maxConsumers, maxPlaces, shelfLifeDays'],
    ])('refuses scan limits %j, naming %s', (scans, mention) => {
      refusesRule({ scans }, 'scans', [mention]);
    });

    it('refuses a standard without rules', () => {
      refusesRule({}, 'rules');
    });

    it('refuses rules that are not an object', () => {
      refusesRule([plumRules], 'rules');
    });

    it.each([
      ['preCooling', { withinHours: 4, maxCoreTemperatureC: 5, grades: ['精品果'] }],
      ['tests', [{ method: 'pesticide_residue_rapid_test', threshold: 50, grades: ['精品果'] }]],
      ['safetyIntervals', { grades: ['精品果'] }],
      ['certificates', { required: [], grades: ['精品果'] }],
      ['harvestToPacking', { maxHours: 24, grades: ['精品果'] }],
      ['hubToVillage', { maxHours: 48, grades: ['精品果'] }],
      ['requiredData', { fields: ['grade'], grades: ['精品果'] }],
    ])('refuses %s scoped to a grade the product does not have', (kind, rule) => {
      refusesRule({ [kind]: rule }, kind, ['精品果']);
    });

    it('refuses a rule scoped to no grade at all', () => {
      refusesRule({ preCooling: { withinHours: 4, maxCoreTemperatureC: 5, grades: [] } }, 'preCooling');
    });

    it('refuses the same test required twice', () => {
      refusesRule(
        {
          tests: [
            { method: 'pesticide_residue_rapid_test', threshold: 50 },
            { method: 'pesticide_residue_rapid_test', threshold: 40 },
          ],
        },
        'tests',
        ['pesticide_residue_rapid_test', 'twice'],
      );
    });

    it('lets one method test two analytes', () => {
      expect(() =>
        standardDecider.decide(
          withRules({
            tests: [
              { method: 'pesticide_residue_lab_test', analyte: 'imidacloprid', threshold: 0.5 },
              { method: 'pesticide_residue_lab_test', analyte: 'chlorpyrifos', threshold: 0.5 },
            ],
          }),
          standardDecider.initialState(),
        ),
      ).not.toThrow();
    });

    it.each([
      ['a pre-cooling of 0 hours', { preCooling: { withinHours: 0, maxCoreTemperatureC: 5 } }, 'preCooling'],
      ['a core temperature that is not a number', { preCooling: { withinHours: 4, maxCoreTemperatureC: '5' } }, 'preCooling'],
      ['a negative excursion', { storage: { minC: 0, maxC: 5, maxExcursionMinutes: -1 } }, 'storage'],
      ['a test without a threshold', { tests: [{ method: 'pesticide_residue_rapid_test' }] }, 'tests'],
      ['a test method that is not a code', { tests: [{ method: '农残速测', threshold: 50 }] }, 'tests'],
      ['a test valid for half a day', { tests: [{ method: 'pesticide_residue_rapid_test', threshold: 50, validDays: 0.5 }] }, 'tests'],
      [
        'a test required when it rains',
        { tests: [{ method: 'pesticide_residue_rapid_test', threshold: 50, requiredWhen: 'raining' }] },
        'tests',
      ],
      ['no required test', { tests: [] }, 'tests'],
      ['an unknown certificate', { certificates: { required: ['iso_9001'] } }, 'certificates'],
      ['an unknown data field', { requiredData: { fields: ['colour'] } }, 'requiredData'],
      ['no required data field', { requiredData: { fields: [] } }, 'requiredData'],
      ['village delivery within 0 hours', { hubToVillage: { maxHours: 0 } }, 'hubToVillage'],
      ['a grade class without bounds', { grading: { classes: [{ grade: '特级', attributes: {}, tolerancePct: 5 }] } }, 'grading'],
      ['no grade class', { grading: { classes: [] } }, 'grading'],
      ['a yield bound upside down', { processingYield: { minPct: 25, maxPct: 18 } }, 'processingYield'],
      ['a yield of 0 %', { processingYield: { minPct: 0, maxPct: 25 } }, 'processingYield'],
      ['a yield bound that is not a number', { processingYield: { minPct: '18', maxPct: 25 } }, 'processingYield'],
    ])('refuses %s', (_what, rules, rule) => {
      refusesRule(rules, rule);
    });
  });
});
