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
    let going = 0;
    for (const [id] of cohort.cartons) if (moving.has(id)) going++;
    if (going === 0) {
      out.push(cohort);
      continue;
    }
    changed++;
    // Mostly a whole batch moves together: its cohorts change as they are, unsplit.
    if (going === cohort.cartons.length) {
      out.push(change(cohort));
      continue;
    }
    const stay = cohort.cartons.filter(([id]) => !moving.has(id));
    const go = cohort.cartons.filter(([id]) => moving.has(id));
    out.push(withCartons(cohort, stay), change(withCartons(cohort, go)));
  }
  return changed === 0 || out.length === 1 ? out : merge(out);
}

/** Cartons of the listed ids, with the cohort each is in. */
export function cohortsHolding(cohorts: readonly Cohort[], cartonIds: readonly string[]): Cohort[] {
  const wanted = new Set(cartonIds);
  return cohorts.filter((c) => c.cartons.some(([id]) => wanted.has(id)));
}

/** Whether the cohort holds the carton. */
export const holds = (cohort: Cohort, cartonId: string): boolean => cohort.cartons.some(([id]) => id === cartonId);

export function withCartons(cohort: Cohort, cartons: [string, number][]): Cohort {
  return { ...cohort, cartons, items: cartons.reduce((sum, [, items]) => sum + items, 0) };
}

const byCartonId = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function merge(cohorts: readonly Cohort[]): Cohort[] {
  const bySignature = new Map<string, Cohort>();
  for (const c of cohorts) {
    const key = signature(c);
    const existing = bySignature.get(key);
    // Sorted by carton id: the same cartons read the same whichever order they moved in.
    bySignature.set(key, existing ? withCartons(existing, [...existing.cartons, ...c.cartons].sort(byCartonId)) : c);
  }
  return [...bySignature.values()];
}
