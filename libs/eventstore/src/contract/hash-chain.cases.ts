import { eventHash } from '../chain';
import { NewEvent } from '../event-store.port';
import { CurrentStore, newEvent, newEvents, newStreamId } from './fixtures';

export function hashChainCases(store: CurrentStore): void {
  describe('hash chain (tamper evidence)', () => {
    it('hashes every event over its content and the hash before it in its stream, whatever the append it came in', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(2));
      await store().appendToStream(streamId, [newEvent('BatchShipped', { to: '南昌', crates: [1, 2] })]);

      const events = await store().readStream(streamId);

      expect(events.map((event) => event.hash)).toEqual([
        eventHash(events[0], null),
        eventHash(events[1], events[0].hash),
        eventHash(events[2], events[1].hash),
      ]);
      expect(events.every((event) => /^[0-9a-f]{64}$/.test(event.hash))).toBe(true);
    });

    it('gives the same hash for the same event whatever the order of its keys, and covers metadata', async () => {
      const [first, second, third] = [newStreamId(), newStreamId(), newStreamId()];
      const id = () => newEvent().id;
      const event = (data: unknown, metadata?: unknown): NewEvent => ({ id: id(), type: 'BatchHarvested', data, metadata });
      await store().appendToStream(first, [event({ a: 1, b: { c: '脐橙', d: [true, null] } }, { keyId: 'k', organizationId: 'o' })]);
      await store().appendToStream(second, [event({ b: { d: [true, null], c: '脐橙' }, a: 1 }, { organizationId: 'o', keyId: 'k' })]);
      await store().appendToStream(third, [event({ a: 1, b: { c: '脐橙', d: [true, null] } }, { organizationId: 'o', keyId: 'other' })]);

      const [[a], [b], [c]] = await Promise.all([first, second, third].map((streamId) => store().readStream(streamId)));

      expect(eventHash({ ...a, streamId: 's', id: 'x' }, null)).toBe(eventHash({ ...b, streamId: 's', id: 'x' }, null));
      expect(eventHash({ ...a, streamId: 's', id: 'x' }, null)).not.toBe(eventHash({ ...c, streamId: 's', id: 'x' }, null));
      expect([a, b, c].map((event) => eventHash(event, null))).toEqual([a.hash, b.hash, c.hash]);
    });

    it('stores the data as recorded: the hash is canonical, the keys keep their order', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, [
        newEvent('TransformationStepRecorded', { step: '杀青', temperatureC: 260, durationMinutes: 3 }),
      ]);

      const [read] = await store().readStream(streamId);

      expect(Object.keys(read.data as object)).toEqual(['step', 'temperatureC', 'durationMinutes']);
    });

    it('reads the same hashes in readAll, readStream and a subscription', async () => {
      const streamId = newStreamId();
      const { position } = await store().appendToStream(streamId, newEvents(3));

      const fromStream = await store().readStream(streamId);
      const fromAll = (await store().readAll({ fromPosition: fromStream[0].position - 1 })).filter((event) => event.streamId === streamId);
      const subscription = store().subscribeToAll({ fromPosition: fromStream[0].position - 1 });
      const fromSubscription = [];
      for await (const event of subscription) {
        if (event.streamId === streamId) fromSubscription.push(event);
        if (event.position >= position) break;
      }

      expect(fromAll.map((event) => event.hash)).toEqual(fromStream.map((event) => event.hash));
      expect(fromSubscription.map((event) => event.hash)).toEqual(fromStream.map((event) => event.hash));
    });

    it('keeps the original hashes when an append is retried', async () => {
      const streamId = newStreamId();
      const events = newEvents(2);
      await store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });
      const before = await store().readStream(streamId);

      await store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });
      await store().appendToStream(streamId, [newEvent()]);

      const after = await store().readStream(streamId);
      expect(after.slice(0, 2).map((event) => event.hash)).toEqual(before.map((event) => event.hash));
      expect(after[2].hash).toBe(eventHash(after[2], before[1].hash));
    });

    it('chains each stream on its own: the first event of every stream starts from no hash', async () => {
      const [one, two] = [newStreamId(), newStreamId()];
      await store().appendToStream(one, newEvents(2));
      await store().appendToStream(two, newEvents(1));

      const [first] = await store().readStream(two);

      expect(first.hash).toBe(eventHash(first, null));
    });
  });
}
