import { NewEvent } from '../event-store.port';
import { CurrentStore, newEvent, newEvents, newStreamId } from './fixtures';

export function readingCases(store: CurrentStore): void {
  describe('reading a stream', () => {
    it('returns the events in revision order, as recorded', async () => {
      const streamId = newStreamId();
      const events = newEvents(3);
      await store().appendToStream(streamId, events);

      const read = await store().readStream(streamId);

      expect(read).toEqual(
        events.map((event, revision) => ({ ...event, streamId, revision, position: read[revision].position, hash: read[revision].hash })),
      );
    });

    it('starts at fromRevision, inclusive', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(5));

      const read = await store().readStream(streamId, { fromRevision: 3 });

      expect(read.map((event) => event.revision)).toEqual([3, 4]);
      expect(await store().readStream(streamId, { fromRevision: 5 })).toEqual([]);
    });

    it('returns [] for a stream that does not exist', async () => {
      expect(await store().readStream(newStreamId())).toEqual([]);
    });

    it('round-trips data and metadata: Chinese text, nested objects, arrays, numbers, null', async () => {
      const streamId = newStreamId();
      const harvested: NewEvent = {
        ...newEvent('BatchHarvested', {
          product: { nameZh: '赣南脐橙', nameEn: 'Gannan navel orange' },
          plot: { name: '寻乌县 3 号果园', region: { province: '江西省', county: '寻乌县' } },
          quantity: { value: 1250.5, unit: 'kg' },
          inputs: [
            { name: '有机肥', appliedAt: '2024-10-02' },
            { name: '石硫合剂', withdrawalDays: 15 },
          ],
          certified: true,
          note: null,
        }),
        metadata: {
          organizationId: 'org-合作社-01',
          keyId: 'key-7',
          facilityId: 'facility-预冷-2',
          occurredAt: '2024-11-20T06:30:00.000+08:00',
          recordedAt: '2024-11-20T06:31:12.345+08:00',
        },
      };
      const withoutMetadata = newEvent('BatchPreCooled', { coreTemperatureC: -0.5 });

      await store().appendToStream(streamId, [harvested, withoutMetadata]);

      const [readHarvested, readWithoutMetadata] = await store().readStream(streamId);
      expect(readHarvested.data).toEqual(harvested.data);
      expect(readHarvested.metadata).toEqual(harvested.metadata);
      expect(readHarvested.type).toBe('BatchHarvested');
      expect(readWithoutMetadata.data).toEqual({ coreTemperatureC: -0.5 });
      expect(readWithoutMetadata.metadata ?? undefined).toBeUndefined();
    });
  });

  describe('reading all streams in global order', () => {
    async function appendAcrossStreams(): Promise<{ from: number; appended: NewEvent[]; streams: Set<string> }> {
      const streams = [newStreamId('batch'), newStreamId('shipment'), newStreamId('facility')];
      const start = await store().appendToStream(streams[0], [newEvent('BatchRegistered')]);
      const appended: NewEvent[] = [];
      for (let round = 0; round < 4; round++) {
        for (const streamId of streams) {
          const events = newEvents(1 + (round % 2));
          await store().appendToStream(streamId, events);
          appended.push(...events);
        }
      }
      return { from: start.position, appended, streams: new Set(streams) };
    }

    it('returns the events in append order with strictly increasing positions', async () => {
      const { from, appended, streams } = await appendAcrossStreams();

      const read = (await store().readAll({ fromPosition: from })).filter((event) => streams.has(event.streamId));

      expect(read.map((event) => event.id)).toEqual(appended.map((event) => event.id));
      for (let index = 1; index < read.length; index++) {
        expect(read[index].position).toBeGreaterThan(read[index - 1].position);
      }
      expect(read[0].position).toBeGreaterThan(0);
    });

    it('reads after fromPosition, exclusive, at most maxCount events', async () => {
      const { from, streams } = await appendAcrossStreams();
      const all = (await store().readAll({ fromPosition: from })).filter((event) => streams.has(event.streamId));
      const middle = all[4].position;

      const afterMiddle = await store().readAll({ fromPosition: middle });
      const page = await store().readAll({ fromPosition: middle, maxCount: 3 });

      expect(afterMiddle.find((event) => streams.has(event.streamId))?.position).toBe(all[5].position);
      expect(afterMiddle.every((event) => event.position > middle)).toBe(true);
      expect(page).toEqual(afterMiddle.slice(0, 3));
    });

    it('returns [] after the last position', async () => {
      const streamId = newStreamId();
      const last = await store().appendToStream(streamId, newEvents(2));

      const after = await store().readAll({ fromPosition: last.position });

      expect(after.filter((event) => event.streamId === streamId)).toEqual([]);
    });
  });
}
