import { Call, STANDARDS, publishStandard } from '../../apps/cli/src/world';
import { Org } from './fixtures';

/** The sample trading standard's rules for 黄金柰李, a copy a test may change. */
export const plumRules = (): Record<string, any> => structuredClone(STANDARDS.plum.rules);

/** The standards owner publishes the sample plum standard (or `rules` under its title), in force from `effectiveFrom`. */
export function publishPlumStandard(
  call: Call,
  owner: Org,
  productId: string,
  rules: object = plumRules(),
  effectiveFrom = '2026-07-01T00:00:00+08:00',
) {
  return publishStandard<any>(call, owner.key, productId, { ...STANDARDS.plum, rules: rules as Record<string, unknown> }, effectiveFrom);
}
