import { evaluateProduction } from '../evaluation/evaluate';
import { ComplianceStatus, RuleStatus, overall } from '../evaluation/rule-result';
import { BatchComplianceView, BrandView, StandardView } from './compliance.views';
import { cohortRules } from './verdict';

/** One item's verdict as its scan shows it: its batch's rules for its grade, and its own carton's road. */
export interface ItemCompliance {
  status: ComplianceStatus;
  standard: { standardId: string; version: number; title: string; effectiveFrom: string };
  rules: { rule: string; status: RuleStatus; reason: string; reasonEn: string; dueBy?: string }[];
  brand?: Omit<BrandView, 'certifiedBy'>;
}

export function itemCompliance(
  doc: BatchComplianceView | undefined,
  standard: StandardView | undefined,
  item: { cartonId: string; grade: string },
): ItemCompliance | undefined {
  const version = doc?.standard && standard?.versions.find((v) => v.version === doc.standard!.version);
  if (!doc || !version) return undefined;
  const cohort = doc.cohorts.find((c) => item.cartonId in c.cartons);
  const rules = cohort ? cohortRules(doc, version, cohort) : evaluateProduction(doc.facts, version.rules, [item.grade]);
  const { certifiedBy: _by, ...brand } = doc.brand ?? ({} as BrandView);
  return {
    status: overall(rules),
    standard: { standardId: version.standardId, version: version.version, title: version.title, effectiveFrom: version.effectiveFrom },
    rules: rules.map(({ rule, status, reason, reasonEn, dueBy }) => ({
      rule,
      status,
      reason,
      reasonEn,
      ...(dueBy !== undefined && { dueBy }),
    })),
    ...(doc.brand && { brand: brand as Omit<BrandView, 'certifiedBy'> }),
  };
}
