import { ApiClient, FacilityKey, OrgKey, ProductKey } from '../world';
import { iso } from './clock';
import { BatchPlan, ProductionStep } from './plans';

/** Server ids and API keys of the registered world, by the demo's own names for things. */
export interface WorldIds {
  orgs: Record<OrgKey, { id: string; apiKey: string }>;
  facilities: Record<FacilityKey, string>;
  products: Record<ProductKey, string>;
}

interface BatchAnswer {
  id: string;
  lotCode: string;
  status: string;
  certificate?: { certificateNo: string };
}

interface PackingAnswer {
  packingId: string;
  cartons: { cartonId: string; itemCount: number }[];
  items: { code: string; cartonId: string; grade: string; scanUrl: string }[];
}

export interface ProducedBatch {
  id: string;
  lotCode: string;
  status: string;
  certificateNo?: string;
  cartonIds: string[];
  items: PackingAnswer['items'];
  /** The path of the first packing's labels PDF, printed by the cooperative as it was packed. */
  labelsPdf?: string;
}

/** Registers the batch and records its production steps in time order, each by the organization that does it. */
export async function produceBatch(api: ApiClient, world: WorldIds, plan: BatchPlan): Promise<ProducedBatch> {
  const coopKey = world.orgs[plan.cooperative].apiKey;
  const batch = await api.post<BatchAnswer>(
    '/api/batches',
    coopKey,
    {
      productId: world.products[plan.product],
      farmPlotId: world.facilities[plan.farmPlot],
      lotCode: plan.lotCode,
      plannedQuantity: plan.plannedQuantity,
    },
    `${plan.key}-register`,
  );
  const produced: ProducedBatch = { id: batch.id, lotCode: batch.lotCode, status: batch.status, cartonIds: [], items: [] };
  const steps = [...plan.steps].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const [i, step] of steps.entries()) {
    if (step.kind === 'handover') {
      await handOver(api, world, plan, batch.id, step, coopKey, i);
      continue;
    }
    const { path, key, body } = request(step, world, coopKey);
    const answer = await api.post<BatchAnswer & PackingAnswer>(
      `/api/batches/${batch.id}/${path}`,
      key,
      body,
      `${plan.key}-${i}-${step.kind}`,
    );
    if (step.kind === 'packing') {
      produced.cartonIds.push(...answer.cartons.map((c) => c.cartonId));
      produced.items.push(...answer.items);
      produced.labelsPdf ??= await printLabels(api, batch.id, answer.packingId, coopKey, `${plan.key}-${i}-labels`);
    } else {
      produced.status = answer.status;
      produced.certificateNo = answer.certificate?.certificateNo ?? produced.certificateNo;
    }
  }
  return produced;
}

/** The packing's labels on A4 sheets of 24, printed with the cooperative's key; the path of their PDF. */
async function printLabels(api: ApiClient, batchId: string, packingId: string, key: string, idempotencyKey: string): Promise<string> {
  const job = await api.post<{ file: string }>(`/api/batches/${batchId}/label-jobs`, key, { format: 'pdf', packingId }, idempotencyKey);
  return job.file;
}

/** 交接: the cooperative offers its goods, and the receiving organization accepts them. */
async function handOver(
  api: ApiClient,
  world: WorldIds,
  plan: BatchPlan,
  batchId: string,
  step: Extract<ProductionStep, { kind: 'handover' }>,
  coopKey: string,
  i: number,
): Promise<void> {
  const at = iso(step.at);
  const to = world.orgs[step.to];
  const offer = await api.post<{ id: string }>(
    `/api/batches/${batchId}/handovers`,
    coopKey,
    { toOrganizationId: to.id, handedOverAt: at },
    `${plan.key}-${i}-handover`,
  );
  await api.post(`/api/batches/${batchId}/handovers/${offer.id}/acceptance`, to.apiKey, { acceptedAt: at }, `${plan.key}-${i}-acceptance`);
}

function request(
  step: Exclude<ProductionStep, { kind: 'handover' }>,
  world: WorldIds,
  coopKey: string,
): { path: string; key: string; body: unknown } {
  const at = iso(step.at);
  switch (step.kind) {
    case 'farmInput': {
      const { inputName, activeIngredient, inputKind, dose, safetyIntervalDays } = step;
      return {
        path: 'farm-inputs',
        key: coopKey,
        body: { inputName, activeIngredient, kind: inputKind, dose, appliedAt: at, safetyIntervalDays },
      };
    }
    case 'harvest':
      return { path: 'harvests', key: coopKey, body: { harvestedAt: at, quantity: step.quantity } };
    case 'preCooling':
      return {
        path: 'pre-cooling',
        key: world.orgs[step.by].apiKey,
        body: {
          facilityId: world.facilities[step.facility],
          startedAt: at,
          endedAt: iso(step.endedAt),
          coreTemperatureC: step.coreTemperatureC,
        },
      };
    case 'test': {
      // The result's verdict is left to the server: inhibition below the threshold passes.
      const { method, standardRef, analyte, sampleId, value, unit, threshold } = step;
      return {
        path: 'quality-tests',
        key: world.orgs.lab.apiKey,
        body: { facilityId: world.facilities.lab, method, standardRef, analyte, sampleId, testedAt: at, value, unit, threshold },
      };
    }
    case 'grading':
      return {
        path: 'grading',
        key: world.orgs[step.by].apiKey,
        body: { facilityId: world.facilities[step.facility], gradedAt: at, classes: step.classes },
      };
    case 'packing':
      return {
        path: 'packing',
        key: world.orgs[step.by].apiKey,
        body: { facilityId: world.facilities[step.facility], packedAt: at, lines: step.lines },
      };
    case 'certificate':
      return { path: 'certificate', key: coopKey, body: { quantity: step.quantity, issuedAt: at, basis: step.basis } };
    case 'certification': {
      const { certification: kind, certificateNo, issuedBy, validUntil } = step;
      return {
        path: 'certifications',
        key: coopKey,
        body: { kind, certificateNo, issuedBy, ...(validUntil && { validUntil: iso(validUntil) }) },
      };
    }
  }
}
