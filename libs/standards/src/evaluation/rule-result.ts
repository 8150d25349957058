export type RuleStatus = 'met' | 'violated' | 'pending' | 'not_applicable';
export type ComplianceStatus = 'compliant' | 'non_compliant' | 'pending';

/** One rule's verdict, with what it was decided on and a reason a person can read. */
export interface RuleResult {
  /** The rule kind, or kind:detail where a standard has several (tests:pesticide_residue_rapid_test). */
  rule: string;
  status: RuleStatus;
  /** 中文 */
  reason: string;
  reasonEn: string;
  /** Ids of the events the verdict rests on, and the values compared. */
  evidence: { eventIds: string[]; values?: Record<string, unknown> };
  /** Pending rules with a deadline: when they turn violated if nothing happens. */
  dueBy?: string;
}

export const result = (
  rule: string,
  status: RuleStatus,
  reason: string,
  reasonEn: string,
  eventIds: string[] = [],
  values?: Record<string, unknown>,
  dueBy?: string,
): RuleResult => ({
  rule,
  status,
  reason,
  reasonEn,
  evidence: values ? { eventIds, values } : { eventIds },
  ...(dueBy !== undefined && { dueBy }),
});

/** Any violation makes the whole non-compliant; otherwise anything pending keeps it pending. */
export function overall(results: readonly RuleResult[]): ComplianceStatus {
  if (results.some((r) => r.status === 'violated')) return 'non_compliant';
  if (results.some((r) => r.status === 'pending')) return 'pending';
  return 'compliant';
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const hours = (ms: number) => Math.round((ms / HOUR_MS) * 10) / 10;

/** Whether a rule scoped to grade classes binds goods of these grades (unknown grades: it might). */
export function inScope(ruleGrades: readonly string[] | undefined, grades: readonly string[] | undefined): boolean {
  if (!ruleGrades || !grades || grades.length === 0) return true;
  return grades.some((g) => ruleGrades.includes(g));
}

export function outOfScope(rule: string, ruleGrades: readonly string[]): RuleResult {
  const list = ruleGrades.join('、');
  return result(rule, 'not_applicable', `本规则只适用于${list}`, `This rule binds ${ruleGrades.join(', ')} only`);
}
