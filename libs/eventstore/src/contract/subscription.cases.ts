import { setImmediate as nextMacrotask, setTimeout as sleep } from 'node:timers/promises';
import { RecordedEvent, Subscription } from '../event-store.port';
import { CurrentStore, newEvent, newEvents, newStreamId, settlesWithin, waitUntil } from './fixtures';

const PRE_APPENDED_BATCHES = 120;
const WRITERS = 4;
const APPENDS_PER_WRITER = 40;

export function subscriptionCases(store: CurrentStore): void {
  describe('catch-up subscription to all streams', () => {
    /** Consumes like a projector that now and then yields to other work, keeping only this test's streams. */
    async function consume(subscription: Subscription, streams: Set<string>, seen: RecordedEvent[]): Promise<void> {
      let count = 0;
      for await (const event of subscription) {
        if (streams.has(event.streamId)) seen.push(event);
        if (++count % 7 === 0) await nextMacrotask();
      }
    }

    /** Returns a position just before the pre-appended events, taken from a marker in a stream of its own. */
    async function preAppend(streams: string[]): Promise<number> {
      const marker = await store().appendToStream(newStreamId('marker'), [newEvent('FacilityRegistered')]);
      for (let batch = 0; batch < PRE_APPENDED_BATCHES; batch++) {
        await store().appendToStream(streams[batch % streams.length], newEvents(1 + (batch % 9)));
      }
      return marker.position;
    }

    /** Paced so that appends land both while the consumer is still catching up and once it waits, caught up. */
    async function writeConcurrently(streams: string[]): Promise<void> {
      await Promise.all(
        streams.map(async (streamId, writer) => {
          for (let append = 0; append < APPENDS_PER_WRITER; append++) {
            await store().appendToStream(streamId, newEvents(1 + ((append + writer) % 3)), { expectedRevision: 'any' });
            await nextMacrotask();
            if (append % 4 === writer % 4) await sleep(2);
          }
        }),
      );
    }

    async function expectCatchUpThenLive(checkpointAmong: (preAppended: RecordedEvent[]) => number) {
      const preStreams = [newStreamId('batch'), newStreamId('batch'), newStreamId('shipment')];
      const writerStreams = Array.from({ length: WRITERS }, () => newStreamId('scan'));
      const streams = new Set([...preStreams, ...writerStreams]);
      const beforePreAppended = await preAppend(preStreams);
      const preAppended = (await store().readAll({ fromPosition: beforePreAppended })).filter((event) => streams.has(event.streamId));
      const checkpoint = checkpointAmong(preAppended);
      const seen: RecordedEvent[] = [];
      const subscription = store().subscribeToAll({ fromPosition: checkpoint });
      const consumer = consume(subscription, streams, seen);

      await writeConcurrently(writerStreams);
      const sentinel = newEvent('SubscriptionSentinel');
      await store().appendToStream(preStreams[0], [sentinel]);
      await waitUntil(() => seen.some((event) => event.id === sentinel.id));
      await subscription.close();
      await consumer;

      const expected = (await store().readAll({ fromPosition: checkpoint })).filter((event) => streams.has(event.streamId));
      expect(expected.length).toBeGreaterThan(WRITERS * APPENDS_PER_WRITER);
      expect(seen.map((event) => event.position)).toEqual(expected.map((event) => event.position));
      expect(seen).toEqual(expected);
      expect(seen.every((event) => event.position > checkpoint)).toBe(true);
    }

    it('from 0 replays every event, then delivers concurrent appends live, each once and in order', async () => {
      await expectCatchUpThenLive(() => 0);
    });

    it('from a checkpoint delivers only what follows it, then turns live', async () => {
      await expectCatchUpThenLive((preAppended) => preAppended[Math.floor(preAppended.length / 2)].position);
    });

    it('turns live on a caught-up store', async () => {
      const streamId = newStreamId();
      const { position } = await store().appendToStream(streamId, [newEvent()]);
      const seen: RecordedEvent[] = [];
      const subscription = store().subscribeToAll({ fromPosition: position });
      const consumer = consume(subscription, new Set([streamId]), seen);

      await nextMacrotask();
      const live = newEvents(3);
      await store().appendToStream(streamId, live);
      await waitUntil(() => seen.length === 3);
      await subscription.close();
      await consumer;

      expect(seen.map((event) => event.id)).toEqual(live.map((event) => event.id));
    });

    it('close() ends a for-await loop that waits for appends, and may be called again', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(2));
      const seen: RecordedEvent[] = [];
      const subscription = store().subscribeToAll();
      const consumer = consume(subscription, new Set([streamId]), seen);
      await waitUntil(() => seen.length === 2);

      await subscription.close();

      expect(await settlesWithin(consumer, 1_000)).toBe(true);
      await expect(subscription.close()).resolves.toBeUndefined();
    });

    it('closing the store ends its subscriptions', async () => {
      const subscription = store().subscribeToAll();
      const consumer = consume(subscription, new Set(), []);
      await nextMacrotask();

      await store().close();

      expect(await settlesWithin(consumer, 1_000)).toBe(true);
    });
  });
}
