import { BatchView } from '@suyuan/production';
import { DocumentStore, docKey } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { LotStep } from '../lineage/lineage.views';
import { CsvRow, toCsv } from './csv';
import { TraceBackLot, TraceBackResult, TraceForwardResult, TracedLot, TracedUnit } from './trace.views';

/** The step each lot event is, in the words of a traceability record (FSMA 204's critical tracking events where they apply). */
const STEP_NAMES: Readonly<Record<string, string>> = {
  BatchRegistered: 'registration',
  FarmInputApplied: 'farm_input',
  BatchHarvested: 'harvesting',
  BatchPreCooled: 'cooling',
  QualityTestRecorded: 'testing',
  BatchGraded: 'grading',
  BatchPacked: 'initial_packing',
  ItemCodeVoided: 'code_voided',
  ComplianceCertificateIssued: 'certificate',
  BatchCertificationRecorded: 'certification',
  BatchHandedOver: 'handover',
  BatchHandoverAccepted: 'handover_accepted',
  BatchHandoverEnded: 'handover_ended',
  BatchHeld: 'held',
  BatchHoldLifted: 'hold_lifted',
  BatchProduced: 'transformation_output',
  BatchPurchasedFromHousehold: 'purchase',
  BatchPurchaseRecorded: 'sold',
  BatchInputReserved: 'input_reserved',
  BatchInputConsumed: 'transformation_input',
  BatchReservationReleased: 'reservation_released',
};

/** Who assigned the lot code, and where: the lot's owner and its plot or plant. */
const lotSource = (lot: Pick<TracedLot, 'owner' | 'origin'>) => `${lot.owner.name} · ${lot.origin.place.name}`;

const lotColumns = (lot: TracedLot): Partial<CsvRow> => ({
  lotCode: lot.lotCode,
  batchId: lot.batchId,
  product: lot.product.nameZh,
  lotCodeSource: lotSource(lot),
});

/** The trace back of a page, one row per step of each lot and per transformation. */
export async function traceBackCsv(docs: DocumentStore, result: TraceBackResult): Promise<string> {
  const facilityIds = result.lots.flatMap((l) => (l.steps ?? []).flatMap((s) => (s.facilityId ? [s.facilityId] : [])));
  const facilities = await docs.getMany<FacilityView>([...new Set(facilityIds)].map((id) => ({ collection: 'facilities', id })));
  const placeName = (id: string | undefined) => (id ? (facilities.get(docKey('facilities', id))?.name ?? id) : undefined);
  const rows: CsvRow[] = [];
  const { item, carton, batchId } = result.start;
  if (item || carton) rows.push({ record: 'unit', event: 'traced_from', unitCode: item, reference: carton, batchId });
  for (const lot of result.lots) {
    if (lot.restricted) {
      rows.push({
        record: 'lot',
        event: 'restricted',
        ...lotColumns(lot),
        location: lot.origin.place.name,
        locationId: lot.origin.place.id,
      });
      continue;
    }
    for (const step of lot.steps ?? []) {
      rows.push({
        record: 'lot',
        event: STEP_NAMES[step.event] ?? step.event,
        ...lotColumns(lot),
        location: placeName(step.facilityId) ?? lot.origin.place.name,
        locationId: step.facilityId ?? lot.origin.place.id,
        date: step.at,
        reference: step.ref,
        recordedBy: step.organizationName,
        organizationId: step.organizationId,
        keyId: step.keyId,
        ...stepFacts(lot, step),
      });
    }
  }
  for (const t of result.transformations) {
    const product = result.lots.find((l) => t.outputs.some((o) => o.batchId === l.batchId))?.product.nameZh;
    rows.push({
      record: 'transformation',
      event: 'transformation',
      lotCode: t.outputs.map((o) => o.lotCode).join(' '),
      batchId: t.outputs.map((o) => o.batchId).join(' '),
      product,
      location: t.plant.name,
      locationId: t.plant.id,
      date: t.endedAt,
      reference: t.quarantineCertificateNo ?? t.id,
      lotCodeSource: `${t.processorName} · ${t.plant.name}`,
      recordedBy: t.processorName,
      organizationId: t.processorId,
      keyId: t.keyId,
      details: [
        `${t.process}, from ${t.inputs.map((i) => `${i.lotCode} ${i.quantity.value} ${i.quantity.unit}`).join(', ')}`,
        ...t.steps.map(
          (s) =>
            `${s.name} ${Object.entries(s.parameters)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')}`,
        ),
        ...(t.yieldPct !== undefined ? [`yield ${t.yieldPct} %`] : []),
      ].join('; '),
    });
  }
  return toCsv(rows);
}

/** What the lot's record says of the step: its quantity, reference and the facts a reader checks. */
function stepFacts(lot: TraceBackLot, step: LotStep): Partial<CsvRow> {
  switch (step.event) {
    case 'FarmInputApplied': {
      const input = lot.farmInputs?.find((i) => i.inputId === step.ref);
      return input
        ? {
            quantity: input.dose.value,
            unitOfMeasure: input.dose.unit,
            details: [
              input.name,
              input.activeIngredient,
              input.kind,
              `safety interval ${input.safetyIntervalDays} d, safe from ${input.safeFrom}`,
            ]
              .filter((part) => part !== undefined)
              .join('; '),
          }
        : {};
    }
    case 'BatchHarvested': {
      const harvest = lot.harvests?.find((h) => h.harvestId === step.ref);
      return harvest ? { quantity: harvest.quantity.value, unitOfMeasure: harvest.quantity.unit } : {};
    }
    case 'QualityTestRecorded': {
      const test = lot.tests?.find((t) => t.testId === step.ref);
      return test
        ? {
            quantity: test.value,
            unitOfMeasure: test.unit,
            reference: test.sampleId,
            details: [
              test.method,
              test.standardRef,
              `threshold ${test.threshold}`,
              test.passed ? 'passed' : 'failed',
              test.selfTest ? `self-test` : test.labName,
            ]
              .filter((part) => part !== undefined)
              .join('; '),
          }
        : {};
    }
    case 'BatchPacked': {
      const packing = lot.packings?.find((p) => p.packingId === step.ref);
      return packing ? { quantity: packing.itemCount, unitOfMeasure: 'piece', location: packing.facilityName } : {};
    }
    case 'BatchProduced': {
      const produced = lot.produced?.find((p) => p.transformationId === step.ref);
      return produced ? { quantity: produced.quantity.value, unitOfMeasure: produced.quantity.unit } : {};
    }
    case 'BatchPurchasedFromHousehold': {
      const purchase = lot.purchases?.find((p) => p.purchaseId === step.ref);
      return purchase
        ? {
            quantity: purchase.quantity.value,
            unitOfMeasure: purchase.quantity.unit,
            reference: purchase.certificateNo ?? purchase.purchaseId,
            details: `household ${purchase.personId}${purchase.harvestedAt ? `, harvested ${purchase.harvestedAt}` : ''}`,
          }
        : {};
    }
    default:
      return {};
  }
}

/** The trace forward of a page: its lots, each shipment's legs, and each unit where it is now. */
export async function traceForwardCsv(docs: DocumentStore, result: TraceForwardResult): Promise<string> {
  const unitLots = await docs.getMany<BatchView>(
    [...new Set(result.units.map((u) => u.batchId))].map((id) => ({ collection: 'batches', id })),
  );
  const rows: CsvRow[] = [];
  for (const lot of result.lots) {
    rows.push({
      record: 'lot',
      event: lot.restricted ? 'restricted' : lot.generation === 0 ? 'traced_from' : 'made_from_traced',
      ...lotColumns(lot),
      ...(lot.quantities && { quantity: lot.quantities.supplied, unitOfMeasure: lot.quantities.unit }),
      location: lot.origin.place.name,
      locationId: lot.origin.place.id,
      details: `generation ${lot.generation}; ${lot.units} units${lot.quantities ? `; ${lot.quantities.remaining} ${lot.quantities.unit} remaining` : ''}`,
    });
  }
  for (const s of result.shipments) {
    const leg = { record: 'shipment' as const, reference: s.id, quantity: s.cartons, unitOfMeasure: 'carton' };
    rows.push({
      ...leg,
      event: 'shipping',
      location: s.from.name,
      locationId: s.from.id,
      date: s.dispatchedAt,
      details: `to ${s.to.name}`,
    });
    if (s.receivedAt) rows.push({ ...leg, event: 'receiving', location: s.to.name, locationId: s.to.id, date: s.receivedAt });
    if (s.deliveredAt)
      rows.push({
        ...leg,
        event: 'delivery',
        location: s.to.name,
        locationId: s.to.id,
        date: s.deliveredAt,
        details: `to ${s.recipient ?? ''}`,
      });
  }
  for (const unit of result.units) {
    const batch = unitLots.get(docKey('batches', unit.batchId));
    rows.push({
      record: 'unit',
      event: unit.now.status,
      lotCode: unit.lotCode,
      batchId: unit.batchId,
      product: batch?.product.nameZh,
      quantity: unit.netWeight?.value,
      unitOfMeasure: unit.netWeight?.unit,
      ...unitPlace(unit, result.facilities),
      date: unit.packedAt,
      lotCodeSource: batch && `${batch.cooperative.name} · ${batch.farmPlot.name}`,
      unitCode: unit.code,
    });
  }
  return toCsv(rows);
}

function unitPlace({ now, cartonId }: TracedUnit, facilities: Record<string, string>): Partial<CsvRow> {
  switch (now.status) {
    case 'not_shipped':
    case 'at_facility':
      return { location: facilities[now.facilityId] ?? now.facilityId, locationId: now.facilityId, reference: cartonId };
    case 'in_transit':
      return { location: 'in transit', reference: `${cartonId} ${now.shipmentId}` };
    case 'delivered':
      return {
        location: now.recipient,
        locationId: now.facilityId,
        reference: `${cartonId} ${now.shipmentId}`,
        details: now.facilityId ? `delivered at ${facilities[now.facilityId] ?? now.facilityId}` : undefined,
      };
    case 'consumed':
      return { location: 'consumed', reference: `${cartonId} ${now.transformationId}` };
    default: {
      const unknown: never = now;
      throw new Error(`Unknown unit place: ${JSON.stringify(unknown)}`);
    }
  }
}
