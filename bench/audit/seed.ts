import { randomUUID } from 'node:crypto';
import { NewEvent } from '@suyuan/eventstore';

/**
 * An event shaped like the app's: who, where and when in the metadata, a few hundred bytes of
 * data with Chinese text, nested objects and numbers (a harvest, a reading, a hand-over).
 */
export function sampleEvent(n: number): NewEvent {
  const at = new Date(Date.UTC(2026, 6, 15, 0, n % 1440)).toISOString();
  return {
    id: randomUUID(),
    type: ['BatchHarvested', 'BatchHandedOver', 'BatchPreCooled', 'BatchTested'][n % 4],
    data: {
      quantity: { value: 100 + (n % 900) / 10, unit: 'kg' },
      plot: { id: `FAC${(n % 97).toString(36).toUpperCase()}PLOT`, name: '北乡村柰李园3号地块' },
      harvestedAt: at,
      note: n % 3 === 0 ? '雨后采收，果面有水' : null,
      readings: [4.1, 3.8, 3.6].map((c) => c + (n % 5) / 10),
    },
    metadata: { organizationId: `ORG${n % 13}`, keyId: `KEY${n % 29}`, facilityId: `FAC${n % 41}`, occurredAt: at, recordedAt: at },
  };
}

/** `count` events over `streams` streams, appended one at a time as the app's commands append them. */
export async function appendSample(
  store: { appendToStream(streamId: string, events: NewEvent[], options?: { expectedRevision?: number | 'any' }): Promise<unknown> },
  count: number,
  streams: number,
  offset = 0,
): Promise<void> {
  for (let n = offset; n < offset + count; n++) await store.appendToStream(`batch-${n % streams}`, [sampleEvent(n)]);
}
