import { ExpectedRevision, WrongExpectedRevisionError } from '../event-store.port';
import { CurrentStore, expectWrongExpectedRevision, newEvent, newEvents, newStreamId } from './fixtures';

export function expectedRevisionCases(store: CurrentStore): void {
  describe('appending with an expected revision', () => {
    it('no_stream: creates a new stream, then refuses the existing one', async () => {
      const streamId = newStreamId();

      const created = await store().appendToStream(streamId, newEvents(2), { expectedRevision: 'no_stream' });

      expect(created.nextRevision).toBe(1);
      await expectWrongExpectedRevision(
        store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no_stream' }),
        streamId,
        'no_stream',
        1,
      );
    });

    it('stream_exists: refuses a missing stream, then appends to the existing one', async () => {
      const streamId = newStreamId();

      await expectWrongExpectedRevision(
        store().appendToStream(streamId, [newEvent()], { expectedRevision: 'stream_exists' }),
        streamId,
        'stream_exists',
        -1,
      );
      await store().appendToStream(streamId, [newEvent()]);
      const appended = await store().appendToStream(streamId, [newEvent()], { expectedRevision: 'stream_exists' });

      expect(appended.nextRevision).toBe(1);
    });

    it('any, the default: appends whether the stream exists or not', async () => {
      const streamId = newStreamId();

      const first = await store().appendToStream(streamId, [newEvent()], { expectedRevision: 'any' });
      const second = await store().appendToStream(streamId, newEvents(2), { expectedRevision: 'any' });
      const third = await store().appendToStream(streamId, [newEvent()]);

      expect([first.nextRevision, second.nextRevision, third.nextRevision]).toEqual([0, 2, 3]);
    });

    it('exact: appends when the last revision matches', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(3));

      const appended = await store().appendToStream(streamId, newEvents(2), { expectedRevision: 2 });

      expect(appended.nextRevision).toBe(4);
      expect((await store().readStream(streamId)).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
    });

    it('exact -1: the stream must not exist yet', async () => {
      const streamId = newStreamId();

      await store().appendToStream(streamId, [newEvent()], { expectedRevision: -1 });

      await expectWrongExpectedRevision(store().appendToStream(streamId, [newEvent()], { expectedRevision: -1 }), streamId, -1, 0);
    });

    it.each<[string, number]>([
      ['behind', 1],
      ['ahead', 5],
    ])('exact: refuses a revision %s of the stream and writes nothing', async (_, expected) => {
      const streamId = newStreamId();
      const stored = await store().appendToStream(streamId, newEvents(3));

      await expectWrongExpectedRevision(
        store().appendToStream(streamId, [newEvent()], { expectedRevision: expected }),
        streamId,
        expected,
        2,
      );
      const events = await store().readStream(streamId);
      expect(events).toHaveLength(3);
      expect(events[2].position).toBe(stored.position);
    });

    it('exact: refuses a missing stream with actual -1', async () => {
      const streamId = newStreamId();

      await expectWrongExpectedRevision(store().appendToStream(streamId, [newEvent()], { expectedRevision: 0 }), streamId, 0, -1);
      expect(await store().readStream(streamId)).toEqual([]);
    });

    it('gives every event of one append the next revisions and increasing positions', async () => {
      const streamId = newStreamId();

      const result = await store().appendToStream(streamId, newEvents(4), { expectedRevision: 'no_stream' });

      const events = await store().readStream(streamId);
      expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
      expect(result).toEqual({ nextRevision: 3, position: events[3].position });
      for (let index = 1; index < events.length; index++) {
        expect(events[index].position).toBeGreaterThan(events[index - 1].position);
      }
    });

    it('an empty append writes nothing and returns the current revision', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(2));

      const result = await store().appendToStream(streamId, [], { expectedRevision: 1 });

      expect(result.nextRevision).toBe(1);
      expect(await store().readStream(streamId)).toHaveLength(2);
    });

    it('an empty append still checks the expected revision', async () => {
      const streamId = newStreamId();

      expect((await store().appendToStream(streamId, [])).nextRevision).toBe(-1);
      await expectWrongExpectedRevision(
        store().appendToStream(streamId, [], { expectedRevision: 'stream_exists' }),
        streamId,
        'stream_exists',
        -1,
      );
    });

    it.each<ExpectedRevision>(['no_stream', 0])(
      'of two appends racing with expected revision %p, exactly one wins (50 rounds)',
      async (firstExpected) => {
        for (let round = 0; round < 50; round++) {
          const streamId = newStreamId();
          if (firstExpected === 0) await store().appendToStream(streamId, [newEvent()]);
          const contenders = [newEvent('BatchPacked'), newEvent('BatchPacked')];

          const outcomes = await Promise.allSettled(
            contenders.map((event) => store().appendToStream(streamId, [event], { expectedRevision: firstExpected })),
          );

          const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
          const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
          expect(winners).toHaveLength(1);
          expect(losers).toHaveLength(1);
          expect(losers[0]).toBeInstanceOf(WrongExpectedRevisionError);
          expect(losers[0]).toMatchObject({ streamId, expected: firstExpected, actual: firstExpected === 0 ? 1 : 0 });
          const winner = contenders[outcomes.findIndex((outcome) => outcome.status === 'fulfilled')];
          const events = await store().readStream(streamId);
          expect(events[events.length - 1].id).toBe(winner.id);
          expect(events).toHaveLength(firstExpected === 0 ? 2 : 1);
        }
      },
    );
  });
}
