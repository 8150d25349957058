import { ApiClient } from '../world';
import { DemoClock, iso } from './clock';
import { ProducedBatch, WorldIds } from './production';

/** The recall the demo opens, where its units ended up, and its items' pages, which show it. */
export interface DemoRecall {
  id: string;
  batchId: string;
  lotCode: string;
  class: 'II';
  reason: string;
  progress: { total: number; returned: number; located: number; delivered: number };
  scanUrls: string[];
}

const REASON = '经销商送检发现毒死蜱残留超过 GB 2763 限量（0.05 mg/kg）';

/**
 * 召回: plum C's three cartons go to 九峰镇服务站; one goes on to 茶料村便民店 and is sold. Then the
 * county's regulator recalls the lot (level II); the station sends one carton back and still
 * holds the other: some units returned, some at a station, some in consumers' hands.
 */
export async function recallPlums(api: ApiClient, ids: WorldIds, batch: ProducedBatch, clock: DemoClock): Promise<DemoRecall> {
  const { logistics, packhouse, regulator } = ids.orgs;
  const { packhouse: packhouseId, stationJiufeng, villageChaliao } = ids.facilities;
  const ship = async (key: string, from: string, to: string, cartonIds: string[], at: Date, step: string) => {
    const shipment = await api.post<{ id: string }>(
      '/api/shipments',
      key,
      { fromFacilityId: from, toFacilityId: to, cartonIds, dispatchedAt: iso(at) },
      `${step}-dispatch`,
    );
    const arrived = new Date(at.getTime() + 40 * 60_000);
    await api.post(
      `/api/shipments/${shipment.id}/receipt`,
      logistics.apiKey,
      { facilityId: to, receivedAt: iso(arrived), condition: 'intact', temperatureC: 2.2 },
      `${step}-receipt`,
    );
    return shipment.id;
  };
  await ship(packhouse.apiKey, packhouseId, stationJiufeng, batch.cartonIds, clock.at(0, '16:30'), 'recall-to-station');
  const toShop = await ship(
    logistics.apiKey,
    stationJiufeng,
    villageChaliao,
    batch.cartonIds.slice(0, 1),
    clock.at(1, '08:00'),
    'recall-to-shop',
  );
  await api.post(
    `/api/shipments/${toShop}/delivery`,
    logistics.apiKey,
    { facilityId: villageChaliao, deliveredAt: iso(clock.at(1, '09:30')), recipient: '茶料村便民店' },
    'recall-delivery',
  );
  const recall = await api.post<{ id: string }>(
    '/api/recalls',
    regulator.apiKey,
    { class: 'II', reason: REASON, scope: { lots: [batch.id] }, riskKnownAt: iso(clock.before(120)) },
    'recall-open',
  );
  await api.post(
    `/api/recalls/${recall.id}/disposals`,
    logistics.apiKey,
    { disposition: 'returned', facilityId: stationJiufeng, cartonIds: batch.cartonIds.slice(1, 2), note: '退回合作社' },
    'recall-return',
  );
  const { progress } = await api.get<{ progress: DemoRecall['progress'] }>(`/api/recalls/${recall.id}`, regulator.apiKey);
  return {
    id: recall.id,
    batchId: batch.id,
    lotCode: batch.lotCode,
    class: 'II',
    reason: REASON,
    progress: { total: progress.total, returned: progress.returned, located: progress.located, delivered: progress.delivered },
    scanUrls: batch.items.map((item) => item.scanUrl),
  };
}
