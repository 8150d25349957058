import type { CartonView } from '@suyuan/logistics/logistics.views';
import type { BatchView } from '@suyuan/production/batch.views';
import { sampleMadeFrom, sampleProcessedPassport } from '../passport/sample-processed-passport';
import { sampleItemPassport } from '../passport/sample-passport';
import type { LotProvenanceView } from '../provenance/provenance.views';

/**
 * The batch of `packedItem`'s plum bags as the batches read model holds it: the sample
 * passport's batch, tested, graded in two grades, packed into two cartons, certified.
 */
export function plumBatch(): BatchView {
  const p = sampleItemPassport();
  return {
    id: 'B1',
    lotCode: p.batch.lotCode,
    status: 'packed',
    registeredAt: '2026-03-01T08:00:00+08:00',
    product: { ...p.product, grades: ['特级', '一级'] },
    cooperative: { id: 'ORG-COOP', ...p.origin.cooperative },
    farmPlot: { id: 'FAC-PLOT', name: p.origin.farmPlotName, region: p.origin.region },
    farmInputs: p.farmInputs.map(({ respected: _, ...input }, i) => ({ inputId: `IN${i + 1}`, ...input })),
    harvests: [{ harvestId: 'H1', ...p.harvest! }],
    preCooling: p.preCooling.map((c) => ({ facilityId: 'FAC-COOL', ...c })),
    tests: p.tests.map((t, i) => ({ testId: `T${i + 1}`, labId: 'ORG-LAB', ...t })),
    grading: [
      {
        gradingId: 'G1',
        facilityId: 'FAC1',
        facilityName: p.packing.facilityName,
        gradedAt: '2026-06-12T10:40:00+08:00',
        classes: [
          { grade: '特级', quantity: { value: 800, unit: 'kg' }, attributes: p.grade.attributes },
          { grade: '一级', quantity: { value: 400, unit: 'kg' }, attributes: { diameterMm: 38 } },
        ],
      },
    ],
    packings: [
      {
        packingId: 'PK1',
        facilityId: 'FAC1',
        facilityName: p.packing.facilityName,
        packedAt: '2026-07-15T03:00:00.000Z',
        itemCount: 4,
        cartonIds: ['CT0000000000AB', 'CT0000000000CD'],
      },
    ],
    itemCount: 4,
    certificate: p.certificate,
  };
}

/** The same batch held after a failed residue test: its certificate withdrawn. */
export function heldPlumBatch(): BatchView {
  const batch = plumBatch();
  const failedAt = '2026-06-14T09:00:00+08:00';
  batch.tests.push({ ...batch.tests[0], testId: 'T2', sampleId: 'S-20260614-02', testedAt: failedAt, value: 62, passed: false });
  batch.holds = [{ family: 'pesticide', testId: 'T2', heldAt: failedAt }];
  batch.held = true;
  batch.certificate = { ...batch.certificate!, withdrawnAt: failedAt };
  return batch;
}

/** A carton of the batch on the county's cold chain: through the cold store and on a vehicle now. */
export function cartonOnTheRoad(id = 'CT0000000000AB'): CartonView {
  return {
    id,
    batchId: 'B1',
    itemCount: 2,
    status: 'in_transit',
    stops: [
      {
        kind: 'facility',
        facilityId: 'FC-STORE',
        facilityName: '北乡镇冷库',
        facilityType: 'cold_store',
        from: '2026-07-15T04:00:00.000Z',
        to: '2026-07-15T10:00:00.000Z',
        arrival: 'received',
        handoverTemperatureC: 4.2,
        condition: 'intact',
      },
      {
        kind: 'transit',
        facilityId: 'FC-VAN',
        facilityName: '北乡合作社 1 号冷藏车',
        facilityType: 'vehicle',
        plate: '粤F·A3C21',
        from: '2026-07-15T10:00:00.000Z',
        arrival: 'dispatched',
      },
    ],
  };
}

/** A lot of 乐昌白毛茶 the tea factory made, as the batches read model holds it: its origin is a transformation. */
export function teaBatch(): BatchView {
  const p = sampleProcessedPassport();
  return {
    ...plumBatch(),
    lotCode: p.batch.lotCode,
    product: { ...p.product, grades: ['特级', '一级'] },
    cooperative: { id: 'ORG-TEA-FACTORY', ...p.origin.cooperative },
    farmPlot: { id: 'FAC-TEA-PLANT', name: p.origin.farmPlotName, region: p.origin.region },
    origin: { kind: 'transformation', transformationId: 'TRTEA0403', plantId: 'FAC-TEA-PLANT' },
    farmInputs: [],
    harvests: [],
    preCooling: [],
    tests: p.tests.map((t, i) => ({ testId: `T${i + 1}`, labId: 'ORG-LAB', ...t })),
    certificate: p.certificate,
  };
}

/** Where the tea lot comes from, as the provenance read model holds it: `origins` lots of leaves. */
export function teaProvenance(origins = 3): LotProvenanceView {
  return {
    id: 'B1',
    madeInto: [],
    inputs: [],
    transformations: [],
    households: {},
    sourceIds: { cooperatives: [], persons: [] },
    madeFrom: sampleMadeFrom(origins),
  };
}
