import { bj, packing } from '../evaluation/facts.fixtures';
import { alertId } from './alerts';
import {
  BATCH_ID,
  STANDARD_ID,
  Store,
  brand,
  cause,
  complianceDoc,
  deliveredDoc,
  hotLeg,
  plumRules,
  standard,
  version,
  withHotLeg,
  written,
} from './compliance.fixtures';
import { AlertView, BatchComplianceView, ComplianceCellView, zeroCounts } from './compliance.views';
import { itemCompliance } from './item-compliance';
import { batchVerdict, cohortRules, governingVersion, judge, productionStillMet } from './verdict';

const rulesOf = (doc: BatchComplianceView) => batchVerdict(doc, standard());
const statuses = (doc: BatchComplianceView) => Object.fromEntries(rulesOf(doc).map((r) => [r.rule, r.status]));
const counts = (patch: Partial<ReturnType<typeof zeroCounts>>) => ({ ...zeroCounts(), ...patch });

/** The hot leg's readings came in at 10:00 on 19 June (Beijing), and were recorded a minute later. */
const hotUpload = cause('evt-readings-0619-1000', bj('2025-06-19T10:00'), bj('2025-06-19T10:01'));
const packed = cause('evt-packing-0618', bj('2025-06-18T12:00'), bj('2025-06-18T12:05'));

/** Judges the record in a fresh event and saves what it wrote, as the projector would. */
function judged(store: Store, doc: BatchComplianceView, by = packed, std = standard()) {
  const changes = store.changes();
  const next = judge(doc, std, by, changes);
  store.commit(changes);
  return { next, changes };
}

describe('verdict', () => {
  describe('the governing version', () => {
    const v1 = version(1, bj('2025-06-01T00:00'));
    const v2 = version(2, bj('2025-06-18T11:00'));
    const v3 = version(3, bj('2025-06-20T00:00'));

    it('is none without a standard', () => {
      expect(governingVersion(undefined, complianceDoc())).toBeUndefined();
    });

    it('is the last version in force at the first packing, whatever came into force since', () => {
      const doc = complianceDoc({}, { asOf: bj('2025-06-21T10:00') });
      expect(governingVersion(standard(v1, v2, v3), doc)).toBe(v2);
      const second = { ...packing, eventId: 'evt-packing-0620', packedAt: bj('2025-06-20T12:00') };
      expect(governingVersion(standard(v1, v2, v3), complianceDoc({}, { packings: [packing, second] }))).toBe(v2);
    });

    it('takes a version that came into force at the very time of packing', () => {
      expect(governingVersion(standard(v1, version(2, packing.packedAt)), complianceDoc())?.version).toBe(2);
    });

    it('is, before packing, the version in force at the latest step', () => {
      const unpacked = (asOf: string) => complianceDoc({}, { packings: [], asOf });
      expect(governingVersion(standard(v1, v2, v3), unpacked(bj('2025-06-18T10:00')))).toBe(v1);
      expect(governingVersion(standard(v1, v2, v3), unpacked(bj('2025-06-21T10:00')))).toBe(v3);
    });

    it('is, before any step, the version in force at registration', () => {
      const justRegistered = (registeredAt: string) => complianceDoc({ registeredAt }, { packings: [], harvests: [], asOf: '' });
      expect(governingVersion(standard(v1, v2, v3), justRegistered(bj('2025-06-19T08:00')))).toBe(v2);
      expect(governingVersion(standard(v1, v2), justRegistered(bj('2025-05-20T08:00')))).toBeUndefined();
    });

    it('is none when the batch was packed before the standard came into force', () => {
      expect(governingVersion(standard(v3), complianceDoc())).toBeUndefined();
    });
  });

  describe('judging', () => {
    it('judges a packed batch not yet dispatched: production met, the road pending, every item pending', () => {
      const { next } = judged(new Store(), complianceDoc());
      expect(next.standard).toEqual({
        standardId: STANDARD_ID,
        version: 1,
        title: '乐昌黄金柰李电商交易标准',
        ownerId: 'org-lechang-ecc',
        effectiveFrom: bj('2025-06-01T00:00'),
      });
      expect(statuses(next)).toEqual({
        grading: 'met',
        preCooling: 'met',
        'tests:pesticide_residue_rapid_test': 'met',
        safetyIntervals: 'met',
        certificates: 'met',
        harvestToPacking: 'met',
        requiredData: 'met',
        storage: 'pending',
        transport: 'pending',
        hubToVillage: 'pending',
      });
      expect(next).toMatchObject({
        status: 'pending',
        productionSettled: true,
        items: counts({ pending: 28 }),
        violated: [],
        updatedAt: packed.recordedAt,
      });
    });

    it('judges a batch all of whose cartons were delivered in time and kept cold compliant', () => {
      const { next } = judged(new Store(), deliveredDoc());
      expect(next.status).toBe('compliant');
      expect(rulesOf(next).every((r) => r.status === 'met')).toBe(true);
      expect(next.items).toEqual(counts({ compliant: 28 }));
    });

    it('lets one carton’s hot leg make the batch non-compliant, and only its items', () => {
      const { next } = judged(new Store(), withHotLeg(), hotUpload);
      expect(next.status).toBe('non_compliant');
      expect(statuses(next)).toMatchObject({ storage: 'pending', transport: 'violated', hubToVillage: 'pending' });
      expect(next.violated).toEqual(['transport']);
      expect(next.items).toEqual(counts({ non_compliant: 10, pending: 18 }));
      expect(rulesOf(next).find((r) => r.rule === 'transport')).toMatchObject({
        reason: '粤F·冷藏车 A1234运输温度超出0–8°C达45分钟，允许30分钟',
        evidence: { eventIds: ['evt-dispatch-0619'] },
      });
      expect(next.productionSettled).toBe(true);
    });

    it('counts the items of a cohort under its own grade: a rule scoped to 特级 does not bind 一级', () => {
      const scoped = version(1, bj('2025-06-01T00:00'), {
        rules: { ...plumRules, preCooling: { withinHours: 3, maxCoreTemperatureC: 5, grades: ['特级'] } },
      });
      const late = complianceDoc(
        {},
        {
          preCoolings: [
            { eventId: 'evt-precool-late', startedAt: bj('2025-06-18T11:30'), endedAt: bj('2025-06-18T12:30'), coreTemperatureC: 4 },
          ],
        },
      );
      const { next } = judged(new Store(), late, packed, standard(scoped));
      expect(next.violated).toEqual(['preCooling']);
      expect(next.items).toEqual(counts({ non_compliant: 20, pending: 8 }));
      expect(cohortRules(next, scoped, next.cohorts[1]).find((r) => r.rule === 'preCooling')?.status).toBe('not_applicable');
    });

    it('makes every item non-compliant when a production rule is violated, and the production unsettled', () => {
      const failed = {
        eventId: 'evt-test-fail',
        method: 'pesticide_residue_rapid_test',
        testedAt: bj('2025-06-18T10:15'),
        value: 62,
        threshold: 50,
        passed: false,
      };
      const { next } = judged(new Store(), complianceDoc({}, { tests: [failed] }));
      expect(next).toMatchObject({
        status: 'non_compliant',
        productionSettled: false,
        violated: ['tests:pesticide_residue_rapid_test'],
        items: counts({ non_compliant: 28 }),
      });
    });

    it('judges a batch with no cohorts yet (not packed) pending, with no items', () => {
      const { next } = judged(new Store(), complianceDoc({ cohorts: [] }, { packings: [] }));
      expect(next.status).toBe('pending');
      expect(next.items).toEqual(zeroCounts());
      expect(statuses(next)).toMatchObject({ storage: 'pending', transport: 'pending', hubToVillage: 'pending' });
    });

    it('keeps no verdict while no standard is in force', () => {
      const { next, changes } = judged(new Store(), complianceDoc(), packed, standard(version(1, bj('2025-07-01T00:00'))));
      expect(next).toMatchObject({
        standard: undefined,
        status: undefined,
        items: zeroCounts(),
        violated: [],
        productionSettled: false,
        updatedAt: packed.recordedAt,
      });
      expect(changes.writes()).toEqual([]);
      expect(judge(complianceDoc(), undefined, packed, new Store().changes()).status).toBeUndefined();
    });

    it('gives a cohort its own road: the cartons still at the packhouse are pending, those on the hot leg violated', () => {
      const doc = withHotLeg();
      const v = version(1, bj('2025-06-01T00:00'));
      const rule = (i: number, name: string) => cohortRules(doc, v, doc.cohorts[i]).find((r) => r.rule === name)!.status;
      expect(rule(0, 'transport')).toBe('violated');
      expect(rule(1, 'transport')).toBe('pending');
    });
  });

  describe('production rules once the goods have left', () => {
    const v1 = () => standard().versions[0];
    /** The delivered batch as last judged and stored: production met, the goods gone. */
    function stored() {
      const store = new Store();
      // The projection saves the judged record; judge itself writes only what follows from it.
      const { next: last } = judged(store, deliveredDoc());
      store.put('compliance', last.id, last);
      return { store, last };
    }
    const tenDaysOn = (doc: BatchComplianceView) => ({ ...doc, facts: { ...doc.facts, asOf: bj('2025-06-30T12:00') } });

    it('are known to be met still while only the clock moved, and the verdict is the one a full evaluation gives', () => {
      const { store, last } = stored();
      expect(last.productionSettled).toBe(true);
      const later = tenDaysOn(last);
      expect(productionStillMet(last, later, v1())).toBe(true);
      const skipped = judge(later, standard(), hotUpload, store.changes());
      const full = judge(later, standard(), hotUpload, new Store().changes());
      const { counted: _a, ...a } = skipped;
      const { counted: _b, ...b } = full;
      expect(a).toEqual(b);
      expect(skipped).toMatchObject({ status: 'compliant', productionSettled: true, violated: [] });
    });

    it('are evaluated again when a production fact changed, the goods were not dispatched, the version changed, or they were not all met', () => {
      const { last } = stored();
      const failed = {
        eventId: 'evt-retest-fail',
        method: 'pesticide_residue_rapid_test',
        testedAt: bj('2025-06-19T09:00'),
        value: 62,
        threshold: 50,
        passed: false,
      };
      expect(productionStillMet(last, { ...last, facts: { ...last.facts, tests: [...last.facts.tests, failed] } }, v1())).toBe(false);
      expect(productionStillMet(last, tenDaysOn(last), version(2, bj('2025-06-01T00:00')))).toBe(false);
      expect(productionStillMet({ ...last, productionSettled: false }, tenDaysOn(last), v1())).toBe(false);
      const undispatched = { ...last, facts: { ...last.facts, firstDispatch: undefined } };
      expect(
        productionStillMet(undispatched, { ...undispatched, facts: { ...undispatched.facts, asOf: bj('2025-06-30T12:00') } }, v1()),
      ).toBe(false);
      expect(productionStillMet(undefined, last, v1())).toBe(false);
    });

    it('turn the batch non-compliant when a failed test is recorded after dispatch', () => {
      const { store, last } = stored();
      const failed = {
        eventId: 'evt-retest-fail',
        method: 'pesticide_residue_rapid_test',
        testedAt: bj('2025-06-19T09:00'),
        value: 62,
        threshold: 50,
        passed: false,
      };
      const next = judge(
        { ...last, facts: { ...last.facts, tests: [...last.facts.tests, failed] } },
        standard(),
        hotUpload,
        store.changes(),
      );
      expect(next).toMatchObject({ status: 'non_compliant', productionSettled: false, violated: ['tests:pesticide_residue_rapid_test'] });
    });
  });

  describe('the brand label', () => {
    it('is withdrawn when the batch turns non-compliant, naming the rules and when', () => {
      const { next } = judged(new Store(), withHotLeg({ brand: brand() }), hotUpload);
      expect(next.brand).toEqual({
        ...brand(),
        status: 'withdrawn',
        withdrawnAt: hotUpload.occurredAt,
        withdrawnBecause: [
          {
            rule: 'transport',
            reason: '粤F·冷藏车 A1234运输温度超出0–8°C达45分钟，允许30分钟',
            reasonEn: 'At 粤F·冷藏车 A1234 the transport temperature left 0–8 °C for 45 min; 30 min allowed',
          },
        ],
      });
    });

    it('stays withdrawn as it was while the batch stays non-compliant', () => {
      const store = new Store();
      const first = judged(store, withHotLeg({ brand: brand() }), hotUpload).next;
      const later = cause('evt-readings-0619-1100', bj('2025-06-19T11:00'));
      const again = judged(
        store,
        { ...first, windows: { [hotLeg().id]: hotLeg({ minutesOutOfRange: 55, longestExcursionMinutes: 55 }) } },
        later,
      ).next;
      expect(again.brand).toEqual(first.brand);
    });

    it('is restored once the violation goes, with no trace of the withdrawal on the label', () => {
      const store = new Store();
      const withdrawn = judged(store, withHotLeg({ brand: brand() }), hotUpload).next;
      const corrected = {
        ...withdrawn,
        windows: { [hotLeg().id]: hotLeg({ maxC: 7.5, minutesOutOfRange: 10, longestExcursionMinutes: 10 }) },
      };
      const { next } = judged(store, corrected, cause('evt-readings-0619-1100', bj('2025-06-19T11:00')));
      expect(next.status).toBe('pending');
      expect(next.brand).toEqual(brand());
    });

    it('is left alone while the batch is compliant or pending, and absent when never certified', () => {
      expect(judged(new Store(), complianceDoc({ brand: brand() })).next.brand).toEqual(brand());
      expect(judged(new Store(), deliveredDoc({ brand: brand() })).next.brand).toEqual(brand());
      expect(judged(new Store(), withHotLeg(), hotUpload).next.brand).toBeUndefined();
    });
  });

  describe('alerts', () => {
    const identity = {
      batchId: BATCH_ID,
      lotCode: 'JF-20250618-01',
      productId: 'prd-huangjin-nai-plum',
      productName: '黄金柰李',
      cooperativeId: 'org-jiufeng-coop',
      cooperativeName: '乐昌市九峰镇黄金柰李专业合作社',
      county: '乐昌市',
    };

    it('raises an open alert when a rule turns violated, with the event that caused it', () => {
      const store = new Store();
      const pending = judged(
        store,
        withHotLeg({ windows: { [hotLeg().id]: hotLeg({ minutesOutOfRange: 0, longestExcursionMinutes: 0 }) } }),
      ).next;
      expect(store.get('alerts', alertId(BATCH_ID, 'transport'))).toBeUndefined();

      const { changes } = judged(store, { ...pending, windows: { [hotLeg().id]: hotLeg() } }, hotUpload);
      expect(written<AlertView>(changes, 'alerts')).toEqual({
        [`${BATCH_ID}|transport`]: {
          id: `${BATCH_ID}|transport`,
          ...identity,
          rule: 'transport',
          status: 'open',
          reason: '粤F·冷藏车 A1234运输温度超出0–8°C达45分钟，允许30分钟',
          reasonEn: 'At 粤F·冷藏车 A1234 the transport temperature left 0–8 °C for 45 min; 30 min allowed',
          eventId: hotUpload.eventId,
          occurredAt: hotUpload.occurredAt,
          raisedAt: hotUpload.recordedAt,
        },
      });
    });

    it('raises nothing again for a rule that stays violated: the first cause stays the evidence', () => {
      const store = new Store();
      const first = judged(store, withHotLeg(), hotUpload).next;
      const { changes } = judged(store, first, cause('evt-readings-0619-1100', bj('2025-06-19T11:00')));
      expect(written(changes, 'alerts')).toEqual({});
      expect(store.get<AlertView>('alerts', alertId(BATCH_ID, 'transport'))!.eventId).toBe(hotUpload.eventId);
    });

    it('resolves the alert of a rule no longer violated', () => {
      const store = new Store();
      const violated = judged(store, withHotLeg(), hotUpload).next;
      const relaxed = standard(
        version(1, bj('2025-06-01T00:00'), {
          rules: { ...plumRules, transport: { minC: 0, maxC: 8, maxExcursionMinutes: 60, maxTotalMinutesOutOfRange: 60 } },
        }),
      );
      const revision = cause('evt-standard-v1-relaxed', bj('2025-06-19T12:00'), bj('2025-06-19T12:02'));
      const { next, changes } = judged(store, violated, revision, relaxed);
      expect(next.violated).toEqual([]);
      expect(written<AlertView>(changes, 'alerts')).toEqual({
        [`${BATCH_ID}|transport`]: expect.objectContaining({
          status: 'resolved',
          resolvedAt: revision.recordedAt,
          eventId: hotUpload.eventId,
        }),
      });
    });

    it('raises a brand alert when the label is withdrawn, and resolves it when the label is back', () => {
      const store = new Store();
      const { next: withdrawn, changes } = judged(store, withHotLeg({ brand: brand() }), hotUpload);
      expect(written<AlertView>(changes, 'alerts')[`${BATCH_ID}|brand`]).toEqual({
        id: `${BATCH_ID}|brand`,
        ...identity,
        rule: 'brand',
        status: 'open',
        reason: '区域公用品牌标识已撤销：transport不符合标准',
        reasonEn: 'Regional brand label withdrawn: transport violated',
        eventId: hotUpload.eventId,
        occurredAt: hotUpload.occurredAt,
        raisedAt: hotUpload.recordedAt,
      });

      const fix = cause('evt-readings-0619-1100', bj('2025-06-19T11:00'));
      const restored = judged(
        store,
        { ...withdrawn, windows: { [hotLeg().id]: hotLeg({ minutesOutOfRange: 5, longestExcursionMinutes: 5 }) } },
        fix,
      );
      expect(written<AlertView>(restored.changes, 'alerts')).toEqual({
        [`${BATCH_ID}|transport`]: expect.objectContaining({ status: 'resolved', resolvedAt: fix.recordedAt }),
        [`${BATCH_ID}|brand`]: expect.objectContaining({ status: 'resolved', resolvedAt: fix.recordedAt }),
      });
    });

    it('opens a new episode when a resolved rule is violated again, keeping the earlier one on the alert', () => {
      const store = new Store();
      const hot = judged(store, withHotLeg(), hotUpload).next;
      const fix = cause('evt-readings-0619-1100', bj('2025-06-19T11:00'));
      const cooled = judged(
        store,
        { ...hot, windows: { [hotLeg().id]: hotLeg({ minutesOutOfRange: 5, longestExcursionMinutes: 5 }) } },
        fix,
      ).next;
      const again = cause('evt-readings-0619-1400', bj('2025-06-19T14:00'), bj('2025-06-19T14:01'));
      judged(store, { ...cooled, windows: { [hotLeg().id]: hotLeg({ minutesOutOfRange: 50, longestExcursionMinutes: 40 }) } }, again);
      const alert = store.get<AlertView>('alerts', alertId(BATCH_ID, 'transport'))!;
      expect(alert).toMatchObject({ status: 'open', eventId: again.eventId, occurredAt: again.occurredAt, raisedAt: again.recordedAt });
      expect(alert.resolvedAt).toBeUndefined();
      expect(alert.earlier).toEqual([
        {
          reason: '粤F·冷藏车 A1234运输温度超出0–8°C达45分钟，允许30分钟',
          reasonEn: 'At 粤F·冷藏车 A1234 the transport temperature left 0–8 °C for 45 min; 30 min allowed',
          eventId: hotUpload.eventId,
          occurredAt: hotUpload.occurredAt,
          raisedAt: hotUpload.recordedAt,
          resolvedAt: fix.recordedAt,
        },
      ]);
      expect(alert.reason).toContain('40分钟');
    });

    it('writes no alert for a batch whose verdict did not turn', () => {
      const store = new Store();
      const first = judged(store, complianceDoc()).next;
      expect(written(judged(store, first).changes, 'alerts')).toEqual({});
    });
  });

  describe('an item’s verdict', () => {
    it('is its carton’s: the batch’s production rules for its grade, and its own road', () => {
      const doc = judged(new Store(), withHotLeg({ brand: brand() }), hotUpload).next;
      const hot = itemCompliance(doc, standard(), { cartonId: 'ctn-001', grade: '特级' })!;
      expect(hot.status).toBe('non_compliant');
      expect(hot.rules.find((r) => r.rule === 'transport')).toMatchObject({
        status: 'violated',
        reasonEn: expect.stringContaining('45 min'),
      });
      expect(hot.standard).toEqual({
        standardId: STANDARD_ID,
        version: 1,
        title: '乐昌黄金柰李电商交易标准',
        effectiveFrom: bj('2025-06-01T00:00'),
      });
      expect(hot.brand).toMatchObject({ status: 'withdrawn', brand: '乐昌农品' });
      expect(hot.brand).not.toHaveProperty('certifiedBy');
      const home = itemCompliance(doc, standard(), { cartonId: 'ctn-003', grade: '一级' })!;
      expect(home.status).toBe('pending');
      expect(home.rules.find((r) => r.rule === 'transport')?.status).toBe('pending');
    });

    it('is none while the batch has no version in force, or its version is unknown', () => {
      expect(itemCompliance(undefined, standard(), { cartonId: 'ctn-001', grade: '特级' })).toBeUndefined();
      const unjudged = judged(new Store(), complianceDoc(), packed, standard(version(1, bj('2025-07-01T00:00')))).next;
      expect(itemCompliance(unjudged, standard(), { cartonId: 'ctn-001', grade: '特级' })).toBeUndefined();
      const doc = judged(new Store(), complianceDoc()).next;
      expect(itemCompliance(doc, standard(version(2, bj('2025-06-01T00:00'))), { cartonId: 'ctn-001', grade: '特级' })).toBeUndefined();
      expect(itemCompliance(doc, standard(), { cartonId: 'ctn-001', grade: '特级' })).not.toHaveProperty('brand');
    });
  });

  describe('the aggregates', () => {
    const CELL = `prd-huangjin-nai-plum|org-jiufeng-coop|乐昌市|2025-06|${STANDARD_ID}@1`;
    const cellOf = (store: Store, id = CELL) => store.get<ComplianceCellView>('complianceStats', id);

    it('counts a batch judged for the first time in the one cell of its product, cooperative, county, month and version', () => {
      const store = new Store();
      const { next, changes } = judged(store, complianceDoc());
      expect(Object.keys(written(changes, 'complianceStats'))).toEqual([CELL]);
      expect(cellOf(store)).toEqual({
        id: CELL,
        keys: {
          product: { key: 'prd-huangjin-nai-plum', label: '黄金柰李' },
          cooperative: { key: 'org-jiufeng-coop', label: '乐昌市九峰镇黄金柰李专业合作社' },
          county: { key: '乐昌市', label: '乐昌市' },
          month: { key: '2025-06', label: '2025-06' },
          standard: { key: `${STANDARD_ID}@1`, label: '乐昌黄金柰李电商交易标准 v1' },
        },
        batches: counts({ pending: 1 }),
        items: counts({ pending: 28 }),
        violations: {},
      });
      expect(next.counted).toEqual({ cell: CELL, status: 'pending', items: counts({ pending: 28 }), violated: [] });
    });

    it('moves a batch going from pending to non-compliant within its cell, counting the rule it violates', () => {
      const store = new Store();
      const pending = judged(store, complianceDoc()).next;
      const { next, changes } = judged(store, { ...withHotLeg(), counted: pending.counted }, hotUpload);
      expect(Object.keys(written(changes, 'complianceStats'))).toEqual([CELL]);
      expect(cellOf(store)).toMatchObject({
        batches: counts({ non_compliant: 1 }),
        items: counts({ non_compliant: 10, pending: 18 }),
        violations: { transport: 1 },
      });
      expect(next.counted).toMatchObject({ status: 'non_compliant', violated: ['transport'] });
    });

    it('moves it among the other batches already counted in the cell', () => {
      const store = new Store();
      const first = judged(store, complianceDoc()).next;
      const others: ComplianceCellView = {
        ...cellOf(store)!,
        batches: counts({ compliant: 5, non_compliant: 2, pending: 4 }),
        items: counts({ compliant: 140, non_compliant: 40, pending: 88 }),
        violations: { transport: 1, hubToVillage: 1 },
      };
      store.put('complianceStats', CELL, others);
      judged(store, { ...withHotLeg(), counted: first.counted }, hotUpload);
      expect(cellOf(store)).toEqual({
        ...others,
        batches: counts({ compliant: 5, non_compliant: 3, pending: 3 }),
        items: counts({ compliant: 140, non_compliant: 50, pending: 78 }),
        violations: { transport: 2, hubToVillage: 1 },
      });
    });

    it('takes a rule out of the violation counts once no batch violates it', () => {
      const store = new Store();
      const violated = judged(store, withHotLeg(), hotUpload).next;
      const cooled = { ...violated, windows: { [hotLeg().id]: hotLeg({ minutesOutOfRange: 5, longestExcursionMinutes: 5 }) } };
      judged(store, cooled, cause('evt-readings-0619-1100', bj('2025-06-19T11:00')));
      expect(cellOf(store)).toMatchObject({ batches: counts({ pending: 1 }), violations: {} });
    });

    it('writes nothing when the batch counts as it did', () => {
      const store = new Store();
      const first = judged(store, complianceDoc()).next;
      const { next, changes } = judged(store, first, cause('evt-certificate-0618', bj('2025-06-18T12:30')));
      expect(written(changes, 'complianceStats')).toEqual({});
      expect(next.counted).toEqual(first.counted);
    });

    it('counts a batch without a standard in force nowhere', () => {
      const { next, changes } = judged(new Store(), complianceDoc(), packed, standard(version(1, bj('2025-07-01T00:00'))));
      expect(written(changes, 'complianceStats')).toEqual({});
      expect(next.counted).toBeUndefined();
    });

    it('moves a batch to the cell of its first packing month from that of its registration', () => {
      const store = new Store();
      const mayCell = CELL.replace('2025-06', '2025-05');
      const registered = judged(store, complianceDoc({ month: '2025-05', cohorts: [] }, { packings: [] })).next;
      expect(cellOf(store, mayCell)!.batches).toEqual(counts({ pending: 1 }));
      const { changes } = judged(store, { ...complianceDoc(), counted: registered.counted });
      expect(Object.keys(written(changes, 'complianceStats')).sort()).toEqual([CELL, mayCell].sort());
      expect(cellOf(store, mayCell)!.batches).toEqual(zeroCounts());
      expect(cellOf(store)!.batches).toEqual(counts({ pending: 1 }));
    });
  });
});
