import { ApiClient } from '../../apps/cli/src/world';
import { World } from './world';
import { lifecycle, produce } from './lifecycle';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** Runs `count` numbered jobs, `clients` at a time: the server works on one while the client sends the next. */
async function inParallel(count: number, clients: number, job: (n: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: clients }, client));
}

/**
 * Goods for the loggers to measure: `batches` batches produced two days before `readingsFrom`
 * and dispatched a day before it from their packhouses to the town stations on the holding
 * trucks. Half are still on the road and half have been received, so every truck and station
 * holds open cold windows of several batches when the uploads start.
 */
export async function holdGoods(api: ApiClient, w: World, batches: number, readingsFrom: number): Promise<void> {
  await inParallel(batches, 4, async (n) => {
    const produced = await produce(api, w, n, readingsFrom - 2 * DAY + n * 10 * MINUTE);
    const f = n % w.stations.length;
    const coop = w.cooperatives[produced.cooperative];
    const dispatchedAt = readingsFrom - DAY + n * MINUTE;
    const shipment = await api.post('/api/shipments', coop.key, {
      fromFacilityId: coop.packhouse,
      toFacilityId: w.stations[f],
      vehicleId: w.holdingTrucks[f],
      cartonIds: produced.cartonIds,
      dispatchedAt: iso(dispatchedAt),
    });
    if (n >= batches / 2) {
      await api.post(`/api/shipments/${shipment.id}/receipt`, w.logistics, {
        facilityId: w.stations[f],
        receivedAt: iso(dispatchedAt + 2 * HOUR),
        condition: 'intact',
        temperatureC: 2,
      });
    }
  });
}

/** A county's season for the regulator: `batches` whole lifecycles harvested evenly over ~4 months up to 10 days ago. */
export async function seedSeason(api: ApiClient, w: World, batches: number): Promise<void> {
  const to = Date.now() - 10 * DAY;
  const every = (120 * DAY) / batches;
  await inParallel(batches, 4, (n) => lifecycle(api, w, n, to - 120 * DAY + n * every));
}
