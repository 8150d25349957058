import { ApiClient, FACILITIES } from '../world';
import { DemoClock, iso } from './clock';
import { ProducedBatch, WorldIds } from './production';

/** The lot a failed spot check holds from sale, and its items' pages, which say 暂停销售. */
export interface DemoHold {
  batchId: string;
  lotCode: string;
  spotCheckId: string;
  holdId: string;
  reason: string;
  scanUrls: string[];
}

/**
 * 抽检: the county's market regulator samples chestnuts where they were delivered; the county
 * testing centre finds a pesticide residue over its limit, and the lot is held from sale.
 */
export async function failSpotCheck(api: ApiClient, ids: WorldIds, batch: ProducedBatch, clock: DemoClock): Promise<DemoHold> {
  const { regulator, lab } = ids.orgs;
  const sampling = await api.post<{ id: string }>(
    '/api/spot-checks',
    regulator.apiKey,
    {
      batchId: batch.id,
      units: { cartonIds: batch.cartonIds.slice(0, 1) },
      facilityId: ids.facilities.villageHuangpu,
      place: `${FACILITIES.villageHuangpu.name}货架`,
      sampledBy: '李明、王芳（乐昌市市场监督管理局）',
      sampledAt: iso(clock.before(180)),
      labId: lab.id,
      sampleId: `CJ-${batch.lotCode}`,
    },
    'spot-check-sampling',
  );
  const result = await api.post<{ holdId: string }>(
    `/api/spot-checks/${sampling.id}/result`,
    lab.apiKey,
    {
      passed: false,
      testedAt: iso(clock.before(60)),
      standardRef: 'GB 2763-2021',
      analyte: '毒死蜱',
      value: 0.12,
      unit: 'mg/kg',
      threshold: 0.05,
    },
    'spot-check-result',
  );
  const hold = await api.get<{ reason: string }[]>(`/api/holds?batchId=${batch.id}`, regulator.apiKey);
  return {
    batchId: batch.id,
    lotCode: batch.lotCode,
    spotCheckId: sampling.id,
    holdId: result.holdId,
    reason: hold[0].reason,
    scanUrls: batch.items.map((item) => item.scanUrl),
  };
}
