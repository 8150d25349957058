import { BatchFacts, batchGrades } from '../evaluation/batch-facts';
import { evaluateGoods, evaluateProduction, worstOf } from '../evaluation/evaluate';
import { WindowSummary } from '../evaluation/logistics-rules';
import { ComplianceStatus, RuleResult, overall } from '../evaluation/rule-result';
import { Changes } from './changes';
import { BatchComplianceView, Cohort, StandardVersionView, StandardView, StatusCounts, zeroCounts } from './compliance.views';
import { recordAlerts } from './alerts';
import { Cause } from './cause';
import { recount } from './stats';

/**
 * The version a batch is judged under: the last one in force when it was packed, or, before
 * packing, at its latest recorded step (or its registration, before any). A revision thus re-judges open batches, while a batch
 * packed earlier keeps the version it was produced under.
 */
export function governingVersion(standard: StandardView | undefined, doc: BatchComplianceView): StandardVersionView | undefined {
  return versionInForce(standard, doc.facts.packings[0]?.packedAt ?? (doc.facts.asOf || doc.registeredAt));
}

/** The last version in force at `at`. */
export function versionInForce(standard: StandardView | undefined, at: string): StandardVersionView | undefined {
  let chosen: StandardVersionView | undefined;
  for (const v of standard?.versions ?? []) if (v.effectiveFrom <= at) chosen = v;
  return chosen;
}

const windowsOf = (doc: BatchComplianceView, cohort: Cohort): WindowSummary[] =>
  cohort.windowIds.map((id) => doc.windows[id]).filter((w): w is WindowSummary => !!w);

/** The verdict of the items of one cohort: the batch's rules for their grade, and their own road. */
export function cohortRules(doc: BatchComplianceView, version: StandardVersionView, cohort: Cohort): RuleResult[] {
  const goods = evaluateGoods(version.rules, {
    grades: [cohort.grade],
    windows: windowsOf(doc, cohort),
    delivery: { hubDispatch: cohort.hubDispatch, delivered: cohort.delivered, asOf: doc.facts.asOf },
  });
  return [...evaluateProduction(doc.facts, version.rules, [cohort.grade]), ...goods];
}

/**
 * The batch's rules (its production rules, and for each road rule the worst of its cartons)
 * and each cohort's verdict, from one evaluation of the production rules per grade and of
 * the road rules per cohort.
 */
function batchRules(doc: BatchComplianceView, version: StandardVersionView, productionMet = false) {
  const memo = new Map<string, RuleResult>();
  const production = productionMet ? [] : evaluateProduction(doc.facts, version.rules, batchGrades(doc.facts), memo);
  const byGrade = new Map<string, RuleResult[]>();
  const perCohort = doc.cohorts.map((c) =>
    evaluateGoods(version.rules, {
      grades: [c.grade],
      windows: windowsOf(doc, c),
      delivery: { hubDispatch: c.hubDispatch, delivered: c.delivered, asOf: doc.facts.asOf },
    }),
  );
  const road = (perCohort[0] ?? evaluateGoods(version.rules, { grades: [], windows: [], delivery: { asOf: doc.facts.asOf } })).map((r, i) =>
    worstOf(
      r.rule,
      perCohort.map((rules) => rules[i]),
      false,
    ),
  );
  const cohortStatus = doc.cohorts.map((c, i) => {
    let own = byGrade.get(c.grade);
    if (!own) byGrade.set(c.grade, (own = productionMet ? [] : evaluateProduction(doc.facts, version.rules, [c.grade], memo)));
    return overall([...own, ...perCohort[i]]);
  });
  return { production, road, cohortStatus };
}

/**
 * Judges the batch again after an event: rules, status, item counts; withdraws a brand label
 * the batch no longer deserves; raises and resolves alerts; moves the aggregates. Pure but
 * for `changes`, which collects the documents it writes.
 */
export function judge(doc: BatchComplianceView, standard: StandardView | undefined, cause: Cause, changes: Changes): BatchComplianceView {
  const version = governingVersion(standard, doc);
  let next: BatchComplianceView;
  if (!version) {
    next = {
      ...doc,
      standard: undefined,
      status: undefined,
      nextDueBy: undefined,
      productionSettled: false,
      items: zeroCounts(),
      violated: [],
    };
  } else {
    const { production, road, cohortStatus } = batchRules(
      doc,
      version,
      productionStillMet(changes.get<BatchComplianceView>('compliance', doc.id), doc, version),
    );
    const rules = [...production, ...road];
    next = {
      ...doc,
      standard: {
        standardId: version.standardId,
        version: version.version,
        title: version.title,
        ownerId: version.ownerId,
        effectiveFrom: version.effectiveFrom,
      },
      status: overall(rules),
      nextDueBy: rules
        .map((r) => r.dueBy)
        .filter((d): d is string => !!d)
        .sort()[0],
      productionSettled: production.every((r) => r.status === 'met' || r.status === 'not_applicable'),
      items: itemCounts(doc, cohortStatus),
      violated: rules.filter((r) => r.status === 'violated').map((r) => r.rule),
    };
    next = withdrawBrand(next, rules, cause);
    recordAlerts(doc, next, rules, cause, changes);
  }
  if (!version) recordAlerts(doc, next, [], cause, changes);
  return recount({ ...next, updatedAt: cause.recordedAt }, changes);
}

/**
 * Whether the production rules are known to be met still, without evaluating them: the last
 * judgement, under the same version, found them all met (or binding nothing) after the goods
 * had left, and nothing but the clock has moved in the facts since. Production rules read the
 * clock only before dispatch (a test going stale, a certification expiring) and while pending
 * (a deadline passing), so a road step or a logger upload need the road rules alone.
 */
export function productionStillMet(last: BatchComplianceView | undefined, doc: BatchComplianceView, version: StandardVersionView): boolean {
  if (!last?.productionSettled || !last.facts.firstDispatch || !last.standard) return false;
  if (last.standard.standardId !== version.standardId || last.standard.version !== version.version) return false;
  return sameButClock(last.facts, doc.facts);
}

/** Facts are never changed in place (a step adds a new array): the same objects mean the same facts. */
function sameButClock(a: BatchFacts, b: BatchFacts): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof BatchFacts)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => k === 'asOf' || a[k] === b[k]);
}

/**
 * The batch's rules as they stand, for readers: recomputed from the stored facts (the
 * evaluation is cheap and pure), so the record written on every event stays small.
 */
export function batchVerdict(doc: BatchComplianceView, standard: StandardView | undefined): RuleResult[] {
  const version = doc.standard && standard?.versions.find((v) => v.version === doc.standard!.version);
  if (!version) return [];
  const { production, road } = batchRules(doc, version);
  return [...production, ...road];
}

function itemCounts(doc: BatchComplianceView, cohortStatus: readonly ComplianceStatus[]): StatusCounts {
  const counts = zeroCounts();
  doc.cohorts.forEach((cohort, i) => (counts[cohortStatus[i]] += cohort.items));
  return counts;
}

/**
 * A certified batch that turns non-compliant loses the label at once, and says why. The label
 * follows the verdict: should the violation go (a late reading corrects a window, a revision
 * relaxes a rule), the label is back, as is the record of its withdrawal in the alerts.
 */
function withdrawBrand(doc: BatchComplianceView, rules: readonly RuleResult[], cause: Cause): BatchComplianceView {
  if (!doc.brand) return doc;
  if (doc.status === 'non_compliant') {
    if (doc.brand.status === 'withdrawn') return doc;
    const because = rules.filter((r) => r.status === 'violated').map(({ rule, reason, reasonEn }) => ({ rule, reason, reasonEn }));
    return { ...doc, brand: { ...doc.brand, status: 'withdrawn', withdrawnAt: cause.occurredAt, withdrawnBecause: because } };
  }
  if (doc.brand.status === 'certified') return doc;
  const { withdrawnAt: _at, withdrawnBecause: _because, ...brand } = doc.brand;
  return { ...doc, brand: { ...brand, status: 'certified' } };
}
