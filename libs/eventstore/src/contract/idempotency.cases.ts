import { EventIdReuseError, NewEvent } from '../event-store.port';
import { CurrentStore, newEvent, newEvents, newStreamId } from './fixtures';

export function idempotencyCases(store: CurrentStore): void {
  describe('re-appending event ids (idempotent retries)', () => {
    const idsOf = (events: readonly { id: string }[]) => events.map((event) => event.id);

    async function appendedOnce(streamId: string, events: NewEvent[], fromPosition: number): Promise<void> {
      expect(idsOf(await store().readStream(streamId))).toEqual(idsOf(events));
      const all = await store().readAll({ fromPosition });
      expect(idsOf(all.filter((event) => event.streamId === streamId))).toEqual(idsOf(events));
    }

    it('returns the original result with the original expected revision and writes nothing', async () => {
      const streamId = newStreamId();
      const events = newEvents(3);
      const original = await store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });

      const retried = await store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });

      expect(retried).toEqual(original);
      await appendedOnce(streamId, events, 0);
    });

    it('returns the original result once the stream has moved on and the expected revision is stale', async () => {
      const streamId = newStreamId();
      const first = [newEvent()];
      await store().appendToStream(streamId, first, { expectedRevision: 'no_stream' });
      const retriedEvents = newEvents(2);
      const original = await store().appendToStream(streamId, retriedEvents, { expectedRevision: 0 });
      const later = [newEvent('BatchShipped')];
      await store().appendToStream(streamId, later, { expectedRevision: 2 });

      const retriedExact = await store().appendToStream(streamId, retriedEvents, { expectedRevision: 0 });
      const retriedAny = await store().appendToStream(streamId, retriedEvents);
      const retriedNoStream = await store().appendToStream(streamId, retriedEvents, { expectedRevision: 'no_stream' });

      expect(retriedExact).toEqual(original);
      expect(retriedAny).toEqual(original);
      expect(retriedNoStream).toEqual(original);
      await appendedOnce(streamId, [...first, ...retriedEvents, ...later], 0);
    });

    it('refuses an append mixing stored and new ids, and writes none of it', async () => {
      const streamId = newStreamId();
      const stored = newEvents(2);
      await store().appendToStream(streamId, stored);
      const fresh = newEvent();

      const error = await store()
        .appendToStream(streamId, [stored[1], fresh])
        .then(
          () => undefined,
          (rejection: unknown) => rejection,
        );

      expect(error).toBeInstanceOf(EventIdReuseError);
      expect(error).toMatchObject({ streamId, eventIds: [stored[1].id] });
      await appendedOnce(streamId, stored, 0);
    });

    it('refuses stored ids in another order', async () => {
      const streamId = newStreamId();
      const stored = newEvents(2);
      await store().appendToStream(streamId, stored);

      await expect(store().appendToStream(streamId, [stored[1], stored[0]])).rejects.toBeInstanceOf(EventIdReuseError);
      await appendedOnce(streamId, stored, 0);
    });
  });
}
