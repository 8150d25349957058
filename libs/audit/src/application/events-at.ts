import { StoredDomainEvent } from '@suyuan/core';
import { EventStore } from '@suyuan/eventstore';

/**
 * The stored events at these global positions, by position. Neighbouring positions (a lot's
 * events recorded one after another) are read in one range; scattered ones one by one.
 */
export async function eventsAt(store: EventStore, positions: readonly number[]): Promise<Map<number, StoredDomainEvent>> {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const found = new Map<number, StoredDomainEvent>();
  const wanted = new Set(sorted);
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] - sorted[j] <= GAP) j++;
    const range = await store.readAll({ fromPosition: sorted[i] - 1, maxCount: sorted[j] - sorted[i] + 1 });
    for (const event of range) if (wanted.has(event.position)) found.set(event.position, event as unknown as StoredDomainEvent);
    i = j + 1;
  }
  return found;
}

/** Events between two wanted ones read rather than a second query started. */
const GAP = 8;
