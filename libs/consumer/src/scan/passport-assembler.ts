import { BatchView, ItemView } from '@suyuan/production';
import { CartonView } from '@suyuan/logistics';
import { judgeHandovers } from '../cold-chain/handovers';
import { holdOf, passportTest, recallOf } from '../passport/hold';
import { ColdChainSummary, ItemPassport, ItemStatus } from '../passport/item-passport';
import { LotProvenanceView } from '../provenance/provenance.views';

/**
 * An item's passport is three portions side by side: its own, its carton's and its batch's.
 * What every item of one batch shows alike:
 */
export type BatchPortion = Pick<
  ItemPassport,
  | 'product'
  | 'batch'
  | 'origin'
  | 'sources'
  | 'origins'
  | 'processing'
  | 'inputHolds'
  | 'farmInputs'
  | 'harvest'
  | 'preCooling'
  | 'tests'
  | 'certificate'
  | 'hold'
  | 'recall'
>;
/** What every item of one carton shows alike. */
export type CartonPortion = Pick<ItemPassport, 'status' | 'coldChain' | 'journey'>;
/** What is this item's own. */
export type ItemPortion = Pick<ItemPassport, 'code' | 'scanUrl' | 'grade' | 'packing' | 'voided'>;

const STATUS: Record<CartonView['status'], ItemStatus> = {
  packed: 'packed',
  in_transit: 'in_transit',
  received: 'in_transit',
  delivered: 'delivered',
};

/** `provenance`: of a lot made by processing or bought from households, where it comes from. */
export function batchPortion(batch: BatchView, provenance?: LotProvenanceView): BatchPortion {
  const madeBy = batch.origin?.kind === 'transformation' || batch.origin?.kind === 'purchase' ? batch.origin.kind : undefined;
  const firstHarvestMs = batch.harvests.length ? Math.min(...batch.harvests.map((h) => Date.parse(h.harvestedAt))) : undefined;
  return {
    product: {
      id: batch.product.id,
      nameZh: batch.product.nameZh,
      nameEn: batch.product.nameEn,
      category: batch.product.category,
      gtin: batch.product.gtin,
      storageRange: batch.product.storageRange,
      transportRange: batch.product.transportRange,
    },
    batch: { id: batch.id, lotCode: batch.lotCode },
    origin: {
      ...(madeBy && { kind: madeBy }),
      farmPlotName: batch.farmPlot.name,
      region: batch.farmPlot.region,
      cooperative: { name: batch.cooperative.name, creditCode: batch.cooperative.creditCode },
    },
    ...(madeBy && provenance?.madeFrom),
    farmInputs: batch.farmInputs.map((input) => ({
      name: input.name,
      activeIngredient: input.activeIngredient,
      kind: input.kind,
      dose: input.dose,
      appliedAt: input.appliedAt,
      safetyIntervalDays: input.safetyIntervalDays,
      safeFrom: input.safeFrom,
      respected: firstHarvestMs === undefined ? null : firstHarvestMs >= Date.parse(input.safeFrom),
    })),
    harvest: batch.harvests.length ? { harvestedAt: batch.harvests[0].harvestedAt, quantity: totalHarvested(batch) } : undefined,
    preCooling: batch.preCooling.map(({ facilityName, startedAt, endedAt, coreTemperatureC }) => ({
      facilityName,
      startedAt,
      endedAt,
      coreTemperatureC,
    })),
    tests: batch.tests.map(passportTest),
    certificate: batch.certificate,
    ...(batch.held && { hold: holdOf(batch) }),
    recall: recallOf(batch),
  };
}

export function cartonPortion(carton: CartonView | undefined, coldChain: ColdChainSummary): CartonPortion {
  // The cold chain's segments are the carton's stops, one for one.
  return { status: carton ? STATUS[carton.status] : 'packed', coldChain, journey: judgeHandovers(carton?.stops ?? [], coldChain.segments) };
}

/** Per batch, what an item's own portion looks up: grade attributes and packing places. */
export interface ItemContext {
  attributesByGrade: Map<string, Record<string, number>>;
  packingPlaceById: Map<string, string>;
}

export function itemContext(batch: BatchView): ItemContext {
  const attributesByGrade = new Map<string, Record<string, number>>();
  for (const grading of batch.grading)
    for (const c of grading.classes) if (!attributesByGrade.has(c.grade)) attributesByGrade.set(c.grade, c.attributes);
  return { attributesByGrade, packingPlaceById: new Map(batch.packings.map((p) => [p.packingId, p.facilityName])) };
}

/**
 * The item's own portion as JSON members, written out directly: the scan path's JSON is
 * mostly this plus bytes serialised before. Ids, codes and times are base32 or ISO text,
 * which JSON needs no escaping for; names go through JSON.stringify. Equal to the
 * members of JSON.stringify(itemPortion(...)) (a spec holds it to that).
 */
export function itemJsonMembers(item: ItemView, context: ItemContext, scanUrl: string): string {
  const attributes = JSON.stringify(context.attributesByGrade.get(item.grade) ?? {});
  const place = JSON.stringify(context.packingPlaceById.get(item.packingId) ?? '');
  const weight = `{"value":${JSON.stringify(item.netWeight.value)},"unit":${JSON.stringify(item.netWeight.unit)}}`;
  return (
    `"code":"${item.code}","scanUrl":${JSON.stringify(scanUrl)},"grade":{"grade":${JSON.stringify(item.grade)},"attributes":${attributes}},` +
    `"packing":{"facilityName":${place},"packedAt":"${item.packedAt}","netWeight":${weight},"cartonId":"${item.cartonId}"}` +
    (item.voided ? `,"voided":{"at":${JSON.stringify(item.voided.at)},"reason":${JSON.stringify(item.voided.reason)}}` : '')
  );
}

export function itemPortion(item: ItemView, context: ItemContext, scanUrl: string): ItemPortion {
  return {
    code: item.code,
    scanUrl,
    grade: { grade: item.grade, attributes: context.attributesByGrade.get(item.grade) ?? {} },
    packing: {
      facilityName: context.packingPlaceById.get(item.packingId) ?? '',
      packedAt: item.packedAt,
      netWeight: item.netWeight,
      cartonId: item.cartonId,
    },
    ...(item.voided && { voided: { at: item.voided.at, reason: item.voided.reason } }),
  };
}

/** Harvests of one batch share a unit in practice; the first harvest's unit is the batch's. */
function totalHarvested(batch: BatchView) {
  const unit = batch.harvests[0].quantity.unit;
  const value = batch.harvests.filter((h) => h.quantity.unit === unit).reduce((sum, h) => sum + h.quantity.value, 0);
  return { value: Math.round(value * 1000) / 1000, unit };
}
