import { writeFileSync } from 'node:fs';
import { ApiClient, ApiError, FACILITIES, PRODUCTS } from '../world';
import { demoClock, iso, TEN_MINUTES_MS } from './clock';
import { uploadReadings } from './cold-chain';
import { moveBatches } from './logistics';
import { BatchPlan, planBatches } from './plans';
import { ProcessedLot, processWorld } from './processing';
import { produceBatch } from './production';
import { FacilityOut, OrganizationOut, ProductOut, registerWorld } from './registry';
import { newRunId, parseRunId } from './run-id';
import { publishStandards } from './standards';
import { DemoRecall, recallPlums } from './recall';
import { DemoHold, failSpotCheck } from './spot-check';

/** The regional public brand (区域公用品牌) the county's e-commerce centre certifies batches for. */
const BRAND = '乐昌农品';
/** Batches the standards owner certifies once produced; the second loses the label on the road. */
const BRAND_CANDIDATES = ['plumA', 'plumB'];
/** The lot the regulator's spot check fails, once its goods reached the village point. */
const SPOT_CHECKED = 'chestnutA';
/** The lot the county's regulator recalls at the end. */
const RECALLED = 'plumC';

export interface RunDemoOptions {
  baseUrl: string;
  adminKey: string;
  /** Where the key came from, named in the error when the server refuses it. */
  adminKeySource?: string;
  /** Write the summary as JSON here. */
  out?: string;
  /** Resume (replay) an earlier run instead of building a new world. */
  runId?: string;
}

export type ItemStatus = 'packed' | 'in_transit' | 'delivered';

export interface DemoBatch {
  key: string;
  id: string;
  lotCode: string;
  product: string;
  productId: string;
  cooperative: string;
  /** Where its items are, as a scan shows it: packed, in_transit or delivered. */
  status: ItemStatus;
  /** The batch record's own status (registered, harvested, packed). */
  batchStatus: string;
  story: string;
  certificateNo?: string;
  /** The verdict under the product's standard, as the compliance view has it at the end. */
  compliance?: DemoCompliance;
  itemCount: number;
  cartonCount: number;
  scanUrls: string[];
  /** Its first packing's labels PDF, readable with its cooperative's API key. */
  labelsPdf?: string;
}

export interface DemoCompliance {
  status: 'compliant' | 'non_compliant' | 'pending';
  standard: string;
  version: number;
  violated: string[];
  brand?: 'certified' | 'withdrawn';
}

/** One batch that shows a case of the compliance story, and the page to see it on. */
export interface DemoCase {
  batchId: string;
  lotCode: string;
  status: string;
  scanUrl: string;
}

export interface DemoSummary {
  runId: string;
  baseUrl: string;
  /** The world's "now": every recorded time is at or before it. */
  worldEnd: string;
  elapsedMs: number;
  organizations: OrganizationOut[];
  facilities: FacilityOut[];
  products: ProductOut[];
  batches: DemoBatch[];
  shipments: { id: string; batchId: string; from: string; to: string; vehicle?: string; status: string }[];
  coldChain: { loggers: number; readings: number };
  anomalies: { coldChainExcursion: Excursion; failedTest: FailedTest };
  standards: Record<string, number>;
  /** Each output lot of the county's processing (tea factory, slaughterhouse), with its items' scan URLs. */
  processed: ProcessedLot[];
  /** The four verdicts the demo shows: compliant, non-compliant by an excursion, by a failed test, brand-certified. */
  compliance: {
    compliant: DemoCase;
    coldChainViolation: DemoCase;
    failedTest: DemoCase;
    brandCertified: DemoCase;
    brandWithdrawn?: DemoCase;
  };
  /** The lot a failed spot check (抽检) holds from sale, and its items' pages saying 暂停销售. */
  hold: DemoHold;
  /** The recall (召回) of plum C: some units returned, some still at a station, some sold; its items' pages show it. */
  recall: DemoRecall;
}

export interface Excursion {
  batchId: string;
  lotCode: string;
  vehicle: string;
  plate?: string;
  leg: string;
  from: string;
  to: string;
  minutes: number;
  maxC: number;
  transportRange: { minC: number; maxC: number };
}

export interface FailedTest {
  batchId: string;
  lotCode: string;
  method: string;
  standardRef?: string;
  sampleId: string;
  testedAt: string;
  value: number;
  unit: string;
  threshold: number;
  passed: false;
}

const CARTON_TO_ITEM: Record<string, ItemStatus> = {
  packed: 'packed',
  in_transit: 'in_transit',
  received: 'in_transit',
  delivered: 'delivered',
};

/** Builds a new demo world (or replays `runId`'s) on a running server, through its public HTTP API only. */
export async function runDemo(options: RunDemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  const runId = options.runId ?? newRunId(started);
  const { anchorMs, suffix } = parseRunId(runId);
  const clock = demoClock(anchorMs);
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // Each write's Idempotency-Key is the run id and the step, so re-running a run id replays instead of duplicating.
  const api = new ApiClient(baseUrl, { idempotencyKeyPrefix: `demo-${runId}-` });
  const { adminKey } = options;
  await checkAdminKey(api, adminKey, options.adminKeySource ?? 'the adminKey option');

  const world = await registerWorld(api, adminKey, runId);
  const standards = await publishStandards(api, world.ids, iso(clock.at(-60, '00:00')));
  const plans = planBatches(clock, suffix);
  const producedList = await Promise.all(plans.map((plan) => produceBatch(api, world.ids, plan)));
  const produced = new Map(plans.map((plan, i) => [plan.key, producedList[i]]));
  for (const key of BRAND_CANDIDATES) {
    await api.post(
      `/api/compliance/batches/${produced.get(key)!.id}/brand`,
      world.ids.orgs.eCommerce.apiKey,
      { brand: BRAND },
      `${key}-brand`,
    );
  }
  const processed = await processWorld(api, world.ids, clock, suffix);
  const [shipments, readings] = await Promise.all([
    moveBatches(api, world.ids, plans, produced),
    uploadReadings(api, world.ids, plans, clock.end, runId),
  ]);
  const hold = await failSpotCheck(api, world.ids, produced.get(SPOT_CHECKED)!, clock);
  const recall = await recallPlums(api, world.ids, produced.get(RECALLED)!, clock);

  // The status comes from the server's custody record, not from what the demo meant to do.
  const batches = await Promise.all(
    plans.map(async (plan): Promise<DemoBatch> => {
      const b = produced.get(plan.key)!;
      const carton = await api.get<{ status: string }>(`/api/cartons/${b.cartonIds[0]}`, adminKey);
      const verdict = await api.get<ComplianceAnswer>(`/api/compliance/batches/${b.id}`, adminKey);
      return {
        key: plan.key,
        id: b.id,
        lotCode: b.lotCode,
        product: PRODUCTS[plan.product].nameZh,
        productId: world.ids.products[plan.product],
        cooperative: world.organizations.find((o) => o.key === plan.cooperative)!.name,
        status: CARTON_TO_ITEM[carton.status],
        batchStatus: b.status,
        story: plan.story,
        certificateNo: b.certificateNo,
        compliance: verdict.status &&
          verdict.standard && {
            status: verdict.status,
            standard: verdict.standard.title,
            version: verdict.standard.version,
            violated: verdict.rules.filter((r) => r.status === 'violated').map((r) => r.rule),
            ...(verdict.brand && { brand: verdict.brand.status }),
          },
        itemCount: b.items.length,
        cartonCount: b.cartonIds.length,
        scanUrls: b.items.map((item) => item.scanUrl),
        ...(b.labelsPdf && { labelsPdf: `${baseUrl}${b.labelsPdf}` }),
      };
    }),
  );

  const name = (key: keyof typeof FACILITIES) => FACILITIES[key].name;
  const summary: DemoSummary = {
    runId,
    baseUrl,
    worldEnd: iso(clock.end),
    elapsedMs: 0,
    organizations: world.organizations,
    facilities: world.facilities,
    products: world.products,
    batches,
    shipments: shipments.map((s) => ({
      id: s.id,
      batchId: produced.get(s.batch)!.id,
      from: name(s.from),
      to: name(s.to),
      vehicle: s.vehicle && FACILITIES[s.vehicle].plate,
      status: s.status,
    })),
    coldChain: { loggers: new Set(plans.flatMap(loggedFacilities)).size, readings },
    anomalies: anomalies(plans, batches),
    standards,
    processed,
    compliance: complianceCases(batches),
    hold,
    recall,
  };
  summary.elapsedMs = Date.now() - started;
  if (options.out) writeFileSync(options.out, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

async function checkAdminKey(api: ApiClient, adminKey: string, source: string): Promise<void> {
  const masked = adminKey.length > 10 ? `${adminKey.slice(0, 6)}…(${adminKey.length} characters)` : '(a short key)';
  let me: { role: string; organizationId: string };
  try {
    me = await api.get('/api/me', adminKey);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw new Error(
        `${api.baseUrl} refused the administrator key ${masked} from ${source}: ${error.code ?? 401} (${error.serverMessage}). ` +
          'Use the SUYUAN_ADMIN_KEY the server was started with, or the admin.key in its DATA_DIR.',
        { cause: error },
      );
    }
    if (error instanceof ApiError) throw error;
    throw new Error(`${(error as Error).message} (set SUYUAN_URL)`, { cause: error });
  }
  if (me.role !== 'admin') {
    throw new Error(`the key ${masked} from ${source} acts as a ${me.role} (${me.organizationId}), not as the administrator`);
  }
}

function loggedFacilities(plan: BatchPlan): string[] {
  return plan.legs
    .flatMap((leg) => [leg.vehicle, leg.received && leg.to])
    .filter((f): f is keyof typeof FACILITIES => !!f && !!FACILITIES[f].logger);
}

/** The two things the demo makes go wrong, located in the world that was built. */
function anomalies(plans: BatchPlan[], batches: DemoBatch[]): DemoSummary['anomalies'] {
  const batchOf = (plan: BatchPlan) => batches.find((b) => b.key === plan.key)!;
  const hot = plans.flatMap((plan) => plan.legs.filter((leg) => leg.excursion).map((leg) => ({ plan, leg })))[0];
  const { excursion, vehicle } = hot.leg;
  const temps = excursion!.temperaturesC;
  const failed = plans
    .flatMap((plan) => plan.steps.map((step) => ({ plan, step })))
    .find(({ step }) => step.kind === 'test' && step.value >= step.threshold)!;
  if (failed.step.kind !== 'test') throw new Error('demo plan error: no failed test');
  const { method, standardRef, sampleId, value, unit, threshold } = failed.step;
  return {
    coldChainExcursion: {
      batchId: batchOf(hot.plan).id,
      lotCode: batchOf(hot.plan).lotCode,
      vehicle: FACILITIES[vehicle!].name,
      plate: FACILITIES[vehicle!].plate,
      leg: `${FACILITIES[hot.leg.from].name} → ${FACILITIES[hot.leg.to].name}`,
      from: iso(excursion!.at),
      to: iso(new Date(excursion!.at.getTime() + temps.length * TEN_MINUTES_MS)),
      minutes: temps.length * 10,
      maxC: Math.max(...temps),
      transportRange: PRODUCTS[hot.plan.product].transportRange,
    },
    failedTest: {
      batchId: batchOf(failed.plan).id,
      lotCode: batchOf(failed.plan).lotCode,
      method,
      standardRef,
      sampleId,
      testedAt: iso(failed.step.at),
      value,
      unit,
      threshold,
      passed: false,
    },
  };
}

interface ComplianceAnswer {
  status?: DemoCompliance['status'];
  standard?: { title: string; version: number };
  rules: { rule: string; status: string }[];
  brand?: { status: 'certified' | 'withdrawn' };
}

/** Finds, among the batches built, one of each verdict the demo is there to show; a missing one is a demo bug. */
function complianceCases(batches: DemoBatch[]): DemoSummary['compliance'] {
  const pick = (what: string, test: (c: DemoCompliance) => boolean, required = true): DemoCase | undefined => {
    const b = batches.find((batch) => batch.compliance && test(batch.compliance));
    if (!b) {
      if (required) throw new Error(`demo world error: no batch is ${what}`);
      return undefined;
    }
    return { batchId: b.id, lotCode: b.lotCode, status: b.compliance!.status, scanUrl: b.scanUrls[0] };
  };
  const violates = (prefix: string) => (c: DemoCompliance) => c.status === 'non_compliant' && c.violated.some((r) => r.startsWith(prefix));
  return {
    compliant: pick('compliant', (c) => c.status === 'compliant')!,
    coldChainViolation: pick('non-compliant through a cold-chain excursion', violates('transport'))!,
    failedTest: pick('non-compliant through a failed test', violates('tests'))!,
    brandCertified: pick('brand-certified', (c) => c.brand === 'certified')!,
    brandWithdrawn: pick('brand-withdrawn', (c) => c.brand === 'withdrawn', false),
  };
}
