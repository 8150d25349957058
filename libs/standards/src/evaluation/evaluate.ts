import { StandardRules } from '../domain/rules';
import { BatchFacts } from './batch-facts';
import { DeliveryFacts, WindowSummary, evaluateHubToVillage, evaluateTemperature } from './logistics-rules';
import {
  evaluateCertificates,
  evaluateGrading,
  evaluatePreCooling,
  evaluateRequiredData,
  evaluateSafetyIntervals,
  evaluateTest,
  evaluateHarvestToPacking,
} from './production-rules';
import { RuleResult, RuleStatus, inScope, outOfScope, result } from './rule-result';
import { evaluateInheritedSafetyIntervals, evaluateInheritedTest, evaluateInputLots, evaluateProcessingYield } from './inherited-rules';

/**
 * The rules decided by the batch's own steps, before the goods leave: for a batch with the
 * grades it holds, for an item with its own grade (a rule scoped to other grades does not bind it).
 * Only grading looks at the grades themselves: a `memo` shared by calls on the same facts and
 * rules for other grades evaluates each of the other rules once.
 */
export function evaluateProduction(
  facts: BatchFacts,
  rules: StandardRules,
  grades: readonly string[] | undefined,
  memo: Map<string, RuleResult> = new Map(),
): RuleResult[] {
  const out: RuleResult[] = [];
  const scoped = (rule: string, ruleGrades: string[] | undefined, evaluate: () => RuleResult) => {
    if (!inScope(ruleGrades, grades)) return out.push(outOfScope(rule, ruleGrades!));
    let known = memo.get(rule);
    if (!known) memo.set(rule, (known = evaluate()));
    out.push(known);
  };
  // A lot made from others inherits what hangs on their farms and harvests.
  const made = !!facts.inputIds?.length;
  if (rules.grading) out.push(evaluateGrading(facts, rules.grading, grades));
  if (rules.preCooling) scoped('preCooling', rules.preCooling.grades, () => evaluatePreCooling(facts, rules.preCooling!));
  for (const test of rules.tests ?? []) {
    scoped(`tests:${test.method}${test.analyte ? `:${test.analyte}` : ''}`, test.grades, () =>
      made ? evaluateInheritedTest(facts, test) : evaluateTest(facts, test),
    );
  }
  if (rules.safetyIntervals)
    scoped('safetyIntervals', rules.safetyIntervals.grades, () =>
      made ? evaluateInheritedSafetyIntervals(facts, rules.safetyIntervals!) : evaluateSafetyIntervals(facts, rules.safetyIntervals!),
    );
  if (rules.certificates) scoped('certificates', rules.certificates.grades, () => evaluateCertificates(facts, rules.certificates!));
  if (rules.harvestToPacking)
    scoped('harvestToPacking', rules.harvestToPacking.grades, () => evaluateHarvestToPacking(facts, rules.harvestToPacking!));
  if (rules.requiredData) scoped('requiredData', rules.requiredData.grades, () => evaluateRequiredData(facts, rules.requiredData!));
  if (rules.processingYield) scoped('processingYield', undefined, () => evaluateProcessingYield(facts, rules.processingYield!));
  if (made) scoped('inputLots', undefined, () => evaluateInputLots(facts));
  return out;
}

/** One carton's way to the consumer: the windows it was in, and its delivery. */
export interface GoodsFacts {
  grades: readonly string[];
  windows: readonly WindowSummary[];
  delivery: DeliveryFacts;
}

/** The rules decided on the road, for one carton (and so each item in it). */
export function evaluateGoods(rules: StandardRules, goods: GoodsFacts): RuleResult[] {
  const out: RuleResult[] = [];
  const delivered = !!goods.delivery.delivered;
  if (rules.storage) out.push(evaluateTemperature('storage', rules.storage, goods.windows, delivered));
  if (rules.transport) out.push(evaluateTemperature('transport', rules.transport, goods.windows, delivered));
  if (rules.hubToVillage) {
    out.push(
      inScope(rules.hubToVillage.grades, goods.grades)
        ? evaluateHubToVillage(rules.hubToVillage, goods.delivery)
        : outOfScope('hubToVillage', rules.hubToVillage.grades!),
    );
  }
  return out;
}

const SEVERITY: Record<RuleStatus, number> = { violated: 3, pending: 2, met: 1, not_applicable: 0 };

/**
 * A batch's verdict on a road rule from its cartons' verdicts: the worst one speaks for the
 * batch, so one late carton makes the batch non-compliant while its other items stay compliant.
 */
export function worstOf(rule: string, perCarton: readonly RuleResult[], undispatched: boolean): RuleResult {
  if (undispatched && !perCarton.some((r) => r.status === 'violated')) {
    return result(rule, 'pending', '部分货物尚未发出', 'Some of the goods have not left yet');
  }
  if (perCarton.length === 0) return result(rule, 'pending', '尚未包装', 'Not packed yet');
  return perCarton.reduce((worst, r) => (SEVERITY[r.status] > SEVERITY[worst.status] ? r : worst));
}
