import { ProcessingYieldRule, RequiredTestRule, SafetyIntervalRule } from '../domain/rules';
import { AncestorFacts, BatchFacts, emptyFacts } from './batch-facts';
import { evaluateSafetyIntervals, evaluateTest } from './production-rules';
import { RuleResult, result } from './rule-result';

/*
 * Rules an output lot inherits from the lots it was made from (原料): what hangs on a harvest or
 * a farm is judged on the inputs, any generation back, and a failure there is the output's.
 */

const FAMILY_NAMES: Record<string, [string, string]> = {
  pesticide: ['农药残留', 'pesticide residue'],
  veterinary_drug: ['兽药残留', 'veterinary drug residue'],
};

/** An ancestor's record as facts of its own, on the output's clock and first dispatch. */
function asFacts(facts: BatchFacts, batchId: string, a: AncestorFacts): BatchFacts {
  return {
    ...emptyFacts(batchId, '', '', facts.asOf),
    inputs: a.inputs,
    harvests: a.harvests,
    tests: a.tests,
    ...(facts.firstDispatch && { firstDispatch: facts.firstDispatch }),
  };
}

const ancestors = (facts: BatchFacts): [string, AncestorFacts][] => Object.entries(facts.lineage ?? {});

/** An input lot's verdict, said of the output: the reason names the input lot. */
function ofInput(a: AncestorFacts, r: RuleResult): RuleResult {
  return { ...r, reason: `原料批次${a.lotCode}：${r.reason}`, reasonEn: `Input lot ${a.lotCode}: ${r.reasonEn}` };
}

/**
 * 出成率: each transformation that made the lot yielded, by weight, within the standard's bounds.
 * A yield that cannot be computed (an input not known by weight) keeps the rule open until the
 * goods leave, and fails it then, as missing required data does: the lot left unaccounted for.
 */
export function evaluateProcessingYield(facts: BatchFacts, rule: ProcessingYieldRule): RuleResult {
  const name = 'processingYield';
  const bounds = `${rule.minPct}–${rule.maxPct} %`;
  if (facts.origin !== 'transformation') return result(name, 'not_applicable', '不是加工批次', 'Not a processed lot');
  const made = facts.made ?? [];
  if (made.length === 0) return result(name, 'pending', '尚未加工完成', 'Not made yet');
  for (const m of made) {
    if (m.yieldPct === undefined || (m.yieldPct >= rule.minPct && m.yieldPct <= rule.maxPct)) continue;
    const pct = m.yieldPct.toFixed(1);
    const above = m.yieldPct > rule.maxPct;
    return result(
      name,
      'violated',
      `出成率 ${pct} %，${above ? '超出' : '低于'}标准 ${bounds}`,
      `Yield ${pct} % is ${above ? 'above' : 'below'} the standard's ${bounds}`,
      [m.eventId],
      { yieldPct: m.yieldPct, minPct: rule.minPct, maxPct: rule.maxPct, transformationId: m.transformationId },
    );
  }
  const unknown = made.filter((m) => m.yieldPct === undefined);
  if (unknown.length > 0) {
    const ids = unknown.map((m) => m.eventId);
    if (facts.firstDispatch) {
      return result(
        name,
        'violated',
        '发货时出成率仍无法核算：有原料未按重量记录',
        'Dispatched with a yield that cannot be computed: an input was not recorded by weight',
        [...ids, facts.firstDispatch.eventId],
      );
    }
    return result(
      name,
      'pending',
      '出成率无法核算：有原料未按重量记录',
      'The yield cannot be computed: an input was not recorded by weight',
      ids,
    );
  }
  const pcts = made.map((m) => `${m.yieldPct!.toFixed(1)} %`).join('、');
  return result(
    name,
    'met',
    `出成率 ${pcts}，在标准 ${bounds} 之内`,
    `Yield ${pcts} within the standard's ${bounds}`,
    made.map((m) => m.eventId),
    { yieldPct: made.map((m) => m.yieldPct) },
  );
}

/** 安全间隔期 of a processed lot: each input lot's spraying against that lot's own harvests. */
export function evaluateInheritedSafetyIntervals(facts: BatchFacts, rule: SafetyIntervalRule): RuleResult {
  const own = evaluateSafetyIntervals(facts, rule);
  const judged = [own, ...ancestors(facts).map(([id, a]) => ofInput(a, evaluateSafetyIntervals(asFacts(facts, id, a), rule)))];
  const worst = judged.find((r) => r.status === 'violated') ?? judged.find((r) => r.status === 'pending');
  if (worst) return worst;
  const met = judged.filter((r) => r.status === 'met');
  if (met.length === 0) return own;
  return result('safetyIntervals', 'met', '原料批次的采收均在安全间隔期之后', 'Every input lot was harvested after its safety intervals', [
    ...new Set(met.flatMap((r) => r.evidence.eventIds)),
  ]);
}

/**
 * A required test of a processed lot: failed on any input lot, any generation back, it fails the
 * output; passed on the lot itself, it stands; otherwise every input lot must have passed it
 * (宰前/原料检测), itself or through its own inputs.
 */
export function evaluateInheritedTest(facts: BatchFacts, rule: RequiredTestRule): RuleResult {
  const all = ancestors(facts);
  const allInputs = [...facts.inputs, ...all.flatMap(([, a]) => a.inputs)];
  const own = evaluateTest({ ...facts, inputs: allInputs }, rule);
  if (own.status === 'not_applicable' || own.status === 'violated') return own;
  const matches = (t: BatchFacts['tests'][number]) => t.method === rule.method && (!rule.analyte || t.analyte === rule.analyte);
  for (const [, a] of all) {
    const failed = rule.passRequired && a.tests.find((t) => matches(t) && (!t.passed || t.value >= rule.threshold));
    if (failed) {
      return result(
        own.rule,
        'violated',
        `原料批次${a.lotCode}检测不合格：${failed.value}，标准限值${rule.threshold}`,
        `Input lot ${a.lotCode} failed the test: ${failed.value} against the standard's limit of ${rule.threshold}`,
        [failed.eventId],
        { lotCode: a.lotCode, value: failed.value, threshold: rule.threshold, testedAt: failed.testedAt },
      );
    }
  }
  if (own.status === 'met' || !facts.inputIds?.length) return own;
  const lineage = facts.lineage ?? {};
  const evidence: string[] = [];
  const covered = (id: string): boolean => {
    const a = lineage[id];
    if (!a) return false;
    const r = evaluateTest(asFacts(facts, id, a), rule);
    if (r.status === 'met' || r.status === 'not_applicable') {
      evidence.push(...r.evidence.eventIds);
      return true;
    }
    return !!a.inputIds?.length && a.inputIds.every(covered);
  };
  if (!facts.inputIds.every(covered)) return own;
  return result(own.rule, 'met', '原料批次均检测合格', 'Every input lot passed the test', [...new Set(evidence)], { byInputs: true });
}

/**
 * 原料批次: no lot the output was made from, any generation back, is held after a failed safety
 * test, or has a failed test that no later passing one of the same kind overturned.
 */
export function evaluateInputLots(facts: BatchFacts): RuleResult {
  const name = 'inputLots';
  for (const [, a] of ancestors(facts)) {
    const failed = a.tests.filter(
      (t) =>
        !t.passed &&
        !a.tests.some(
          (later) =>
            later.passed && later.method === t.method && later.analyte === t.analyte && Date.parse(later.testedAt) > Date.parse(t.testedAt),
        ),
    );
    if (a.held?.length) {
      const zh = a.held.map((f) => FAMILY_NAMES[f]?.[0] ?? f).join('、');
      const en = a.held.map((f) => FAMILY_NAMES[f]?.[1] ?? f).join(', ');
      return result(
        name,
        'violated',
        `原料批次${a.lotCode}因${zh}检测不合格被暂扣`,
        `Input lot ${a.lotCode} is held after a failed ${en} test`,
        failed.map((t) => t.eventId),
        { lotCode: a.lotCode, held: a.held },
      );
    }
    const t = failed[0];
    if (t) {
      return result(
        name,
        'violated',
        `原料批次${a.lotCode}检测不合格：${t.value}，限值${t.threshold}`,
        `Input lot ${a.lotCode} failed a test: ${t.value} against a limit of ${t.threshold}`,
        [t.eventId],
        { lotCode: a.lotCode, method: t.method, value: t.value, threshold: t.threshold },
      );
    }
  }
  return result(name, 'met', '原料批次均无不合格检测或暂扣', 'No input lot failed a test or is held');
}
