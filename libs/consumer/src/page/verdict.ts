import { testMethod } from '@suyuan/production';
import type { ItemPassport, PassportTest } from '../passport/item-passport';

/** What the card's verdict is read from: the batch's facts, the carton's journey and the item's compliance. */
export type CardView = Pick<
  ItemPassport,
  | 'status'
  | 'product'
  | 'origin'
  | 'origins'
  | 'harvest'
  | 'processing'
  | 'tests'
  | 'hold'
  | 'recall'
  | 'inputHolds'
  | 'certificate'
  | 'farmInputs'
  | 'compliance'
  | 'coldChain'
  | 'journey'
>;

/**
 * One plain verdict: `unsafe` when a safety test failed, a hold stands or a safety interval was
 * broken (do not eat); `doubtful` when the cold chain, a handover or a rule of the standard
 * failed (check before eating); `sound` when tests passed and nothing failed; `untested` when
 * nothing failed but no test is on record yet.
 */
export type VerdictLevel = 'unsafe' | 'doubtful' | 'sound' | 'untested';

/** What went wrong, as facts; the card puts them in words. */
export type Problem =
  | { kind: 'failedTest'; test: PassportTest }
  | { kind: 'held' }
  | { kind: 'recalled'; class: 'I' | 'II' | 'III'; reason: string }
  | { kind: 'inputHeld'; lotCode: string; tests: PassportTest[] }
  | { kind: 'intervalBroken'; input: string }
  | { kind: 'coldChain'; minutes: number; maxC?: number }
  | { kind: 'handover'; facility: string; c: number; minC: number; maxC: number }
  | { kind: 'condition'; facility: string; condition: string }
  | { kind: 'rules'; rules: string[] }
  | { kind: 'certificateWithdrawn' };

/** Why it is sound, as facts. */
export type Reason =
  | { kind: 'tested'; methods: string[] }
  | { kind: 'intervals' }
  | { kind: 'coldChain'; minC: number; maxC: number; whole: boolean }
  | { kind: 'delivered'; hours: number }
  | { kind: 'certificate' }
  | { kind: 'standard'; title: string };

export interface Verdict {
  level: VerdictLevel;
  problems: Problem[];
  reasons: Reason[];
}

const HOUR_MS = 3_600_000;

export function judgeItem(p: CardView): Verdict {
  const unsafe: Problem[] = [];
  const doubtful: Problem[] = [];
  if (p.recall) unsafe.push({ kind: 'recalled', class: p.recall.class, reason: p.recall.reason });
  if (p.hold) unsafe.push(...p.hold.failed.map((test): Problem => ({ kind: 'failedTest', test })), { kind: 'held' });
  for (const test of standingFailures(p.tests)) if (!p.hold?.failed.some((f) => same(f, test))) unsafe.push({ kind: 'failedTest', test });
  // A test of no residue family (moisture, Brix) failed a product standard, not food safety.
  for (const test of p.tests) if (!test.passed && !testMethod(test.method)) doubtful.push({ kind: 'failedTest', test });
  for (const h of p.inputHolds ?? []) unsafe.push({ kind: 'inputHeld', lotCode: h.lotCode, tests: h.failed });
  for (const input of p.farmInputs) if (input.respected === false) unsafe.push({ kind: 'intervalBroken', input: input.name });

  const { coldChain } = p;
  if (coldChain.minutesOutOfRange > 0) doubtful.push({ kind: 'coldChain', minutes: coldChain.minutesOutOfRange, maxC: coldChain.maxC });
  for (const stop of p.journey) {
    if (stop.handoverInRange === false && stop.handoverRange && stop.handoverTemperatureC !== undefined) {
      const { minC, maxC } = stop.handoverRange;
      doubtful.push({ kind: 'handover', facility: stop.facilityName, c: stop.handoverTemperatureC, minC, maxC });
    }
    if (stop.condition && stop.condition !== 'intact')
      doubtful.push({ kind: 'condition', facility: stop.facilityName, condition: stop.condition });
  }
  // A failed test is already said in its own words.
  const testFailed = unsafe.some((u) => u.kind === 'failedTest');
  const violated = (p.compliance?.rules ?? [])
    .filter((r) => r.status === 'violated' && !(testFailed && r.rule.startsWith('tests:')))
    .map((r) => r.rule);
  if (violated.length > 0) doubtful.push({ kind: 'rules', rules: violated });
  if (p.certificate?.withdrawnAt !== undefined && unsafe.length === 0) doubtful.push({ kind: 'certificateWithdrawn' });

  if (unsafe.length > 0) return { level: 'unsafe', problems: [...unsafe, ...doubtful], reasons: [] };
  if (doubtful.length > 0) return { level: 'doubtful', problems: doubtful, reasons: [] };
  const reasons = reasonsOf(p);
  return { level: reasons.some((r) => r.kind === 'tested') ? 'sound' : 'untested', problems: [], reasons };
}

function reasonsOf(p: CardView): Reason[] {
  const reasons: Reason[] = [];
  const methods = [...new Set([...p.tests, ...(p.origins ?? []).flatMap((o) => o.tests)].filter((t) => t.passed).map((t) => t.method))];
  if (methods.length > 0) reasons.push({ kind: 'tested', methods });
  if (p.farmInputs.some((i) => i.safetyIntervalDays > 0)) reasons.push({ kind: 'intervals' });
  const { coldChain } = p;
  if (coldChain.readings > 0 && coldChain.minC !== undefined && coldChain.maxC !== undefined) {
    reasons.push({ kind: 'coldChain', minC: coldChain.minC, maxC: coldChain.maxC, whole: coldChain.minutesUnmonitored === 0 });
  }
  const delivered = p.journey.find((s) => s.delivered && s.to !== undefined);
  if (delivered && p.journey.length > 0) {
    const ms = Date.parse(delivered.to as string) - Date.parse(p.journey[0].from);
    if (ms >= 0) reasons.push({ kind: 'delivered', hours: Math.max(1, Math.ceil(ms / HOUR_MS)) });
  }
  if (p.certificate && p.certificate.withdrawnAt === undefined) reasons.push({ kind: 'certificate' });
  if (p.compliance?.status === 'compliant') reasons.push({ kind: 'standard', title: p.compliance.standard.title });
  return reasons;
}

/**
 * The failed safety tests that still stand: a testing lab's passing confirmatory test of the
 * same residue family, made after a failure, overturns it (and lifts the hold it caused).
 */
function standingFailures(tests: readonly PassportTest[]): PassportTest[] {
  return tests.filter((failed) => {
    const family = testMethod(failed.method)?.family;
    if (failed.passed || !family) return false;
    return !tests.some((t) => {
      const method = testMethod(t.method);
      return (
        t.passed && !t.selfTest && method?.confirmatory && method.family === family && Date.parse(t.testedAt) > Date.parse(failed.testedAt)
      );
    });
  });
}

function same(a: PassportTest, b: PassportTest): boolean {
  return a.sampleId === b.sampleId && a.method === b.method && a.testedAt === b.testedAt;
}

/** A failed safety test (also of a lot it was made from) breaks the certificate's promise, withdrawn or not. */
export function promiseBroken(p: Pick<ItemPassport, 'tests' | 'hold' | 'recall' | 'inputHolds' | 'certificate'>): boolean {
  return (
    p.certificate?.withdrawnAt !== undefined ||
    !!p.hold ||
    !!p.recall ||
    (p.inputHolds?.length ?? 0) > 0 ||
    standingFailures(p.tests).length > 0
  );
}
