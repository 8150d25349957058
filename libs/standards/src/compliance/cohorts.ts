import { Cohort } from './compliance.views';

const signature = (c: Cohort) => JSON.stringify([c.grade, c.windowIds, c.hubDispatch?.eventId, c.delivered?.eventId]);

/**
 * Applies `change` to the listed cartons only: a cohort some of whose cartons move is split
 * in two, and cohorts that end up alike are merged again, so their number stays that of the
 * distinct ways the goods went.
 */
export function moveCartons(cohorts: readonly Cohort[], cartonIds: readonly string[], change: (c: Cohort) => Cohort): Cohort[] {
  const moving = new Set(cartonIds);
  const out: Cohort[] = [];
  let changed = 0;
  for (const cohort of cohorts) {
    const ids = Object.keys(cohort.cartons);
    let going = 0;
    for (const id of ids) if (moving.has(id)) going++;
    if (going === 0) {
      out.push(cohort);
      continue;
    }
    changed++;
    // Mostly a whole batch moves together: its cohorts change as they are, unsplit.
    if (going === ids.length) {
      out.push(change(cohort));
      continue;
    }
    const stay: Record<string, number> = {};
    const go: Record<string, number> = {};
    for (const id of ids) (moving.has(id) ? go : stay)[id] = cohort.cartons[id];
    out.push(withCartons(cohort, stay), change(withCartons(cohort, go)));
  }
  return changed === 0 || out.length === 1 ? out : merge(out);
}

/** Cartons of the listed ids, with the cohort each is in. */
export function cohortsHolding(cohorts: readonly Cohort[], cartonIds: readonly string[]): Cohort[] {
  return cohorts.filter((c) => cartonIds.some((id) => id in c.cartons));
}

export function withCartons(cohort: Cohort, cartons: Record<string, number>): Cohort {
  return { ...cohort, cartons, items: Object.values(cartons).reduce((a, b) => a + b, 0) };
}

export function merge(cohorts: readonly Cohort[]): Cohort[] {
  const bySignature = new Map<string, Cohort>();
  for (const c of cohorts) {
    const key = signature(c);
    const existing = bySignature.get(key);
    bySignature.set(key, existing ? withCartons(existing, { ...existing.cartons, ...c.cartons }) : c);
  }
  return [...bySignature.values()];
}
