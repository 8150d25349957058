import { ApiClient } from './api-client';
import { WorldIds } from './production';
import { ProductKey } from './world';

const SAMPLE = '示例数值（sample values from the product brief, not an official standard）';

const rapidTest = { method: 'pesticide_residue_rapid_test', standardRef: 'GB/T 5009.199-2003', threshold: 50, passRequired: true, validDays: 3 };
const withinTolerance = (grade: string, attributes: Record<string, { min?: number; max?: number }>, tolerancePct: number) => ({ grade, attributes, tolerancePct });

/**
 * The county e-commerce centre's trading standards for the demo's products. Temperatures are
 * those of the products' own references (DB37/T 3491-2019, GB 12694-2016); grade bounds,
 * tolerances (NY/T: 5 %, 10 %, 10 %) and deadlines are sample values and say so.
 */
export const STANDARDS: Record<ProductKey, { title: string; description: string; rules: object }> = {
  plum: {
    title: '乐昌黄金柰李电商交易标准',
    description: `${SAMPLE}. Storage -1–0 °C and transport 0–3 °C per DB37/T 3491-2019; pre-cooled within 3 h to 5 °C.`,
    rules: {
      grading: {
        classes: [
          withinTolerance('特级', { diameterMm: { min: 45 }, brix: { min: 13 } }, 5),
          withinTolerance('一级', { diameterMm: { min: 40, max: 45 }, brix: { min: 12 } }, 10),
          withinTolerance('二级', { diameterMm: { min: 35, max: 40 }, brix: { min: 11 } }, 10),
        ],
      },
      preCooling: { withinHours: 3, maxCoreTemperatureC: 5 },
      storage: { minC: -1, maxC: 0, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
      transport: { minC: 0, maxC: 3, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
      tests: [rapidTest],
      safetyIntervals: {},
      certificates: { required: ['compliance_certificate', 'geographical_indication'] },
      harvestToPacking: { maxHours: 12 },
      hubToVillage: { maxHours: 48 },
      requiredData: { fields: ['origin_plot', 'harvest_time', 'harvest_quantity', 'net_weight', 'grade', 'certificate_contact'] },
    },
  },
  chestnut: {
    title: '北乡马蹄电商交易标准',
    description: `${SAMPLE}. Kept at 0–2 °C; grade bounds by corm diameter (NY/T 1080-2006 thresholds not verified).`,
    rules: {
      grading: {
        classes: [
          withinTolerance('特级', { diameterMm: { min: 40 } }, 5),
          withinTolerance('一级', { diameterMm: { min: 34, max: 40 } }, 10),
          withinTolerance('二级', { diameterMm: { min: 28, max: 34 } }, 10),
        ],
      },
      preCooling: { withinHours: 3, maxCoreTemperatureC: 5 },
      storage: { minC: 0, maxC: 2, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
      transport: { minC: 0, maxC: 2, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
      tests: [rapidTest],
      safetyIntervals: {},
      certificates: { required: ['compliance_certificate'] },
      hubToVillage: { maxHours: 48 },
    },
  },
  chicken: {
    title: '乐昌雪毛鸡冷鲜禽电商交易标准',
    description: `${SAMPLE}. Core ≤ 4 °C per GB 12694-2016; delivered to the village within 24 h, as the county set for chilled poultry.`,
    rules: {
      grading: { classes: [withinTolerance('A级', { weightG: { min: 1300 } }, 5), withinTolerance('B级', { weightG: { min: 1000, max: 1300 } }, 10)] },
      preCooling: { withinHours: 2, maxCoreTemperatureC: 4 },
      storage: { minC: 0, maxC: 4, maxExcursionMinutes: 20, maxTotalMinutesOutOfRange: 30 },
      tests: [{ method: 'veterinary_drug_residue_rapid_test', standardRef: 'GB 31650-2019', threshold: 100, passRequired: true, validDays: 1 }],
      safetyIntervals: { kinds: ['veterinary_drug'] },
      certificates: { required: ['compliance_certificate'] },
      hubToVillage: { maxHours: 24 },
    },
  },
};

/** The standards owner publishes one standard per product, in force a month before the world's first harvest. */
export async function publishStandards(api: ApiClient, world: WorldIds, effectiveFrom: string): Promise<Record<ProductKey, number>> {
  const key = world.orgs.eCommerce.apiKey;
  const versions = {} as Record<ProductKey, number>;
  for (const [product, standard] of Object.entries(STANDARDS) as [ProductKey, (typeof STANDARDS)[ProductKey]][]) {
    const published = await api.post<{ versions: { version: number }[] }>(
      '/api/standards',
      key,
      { productId: world.products[product], effectiveFrom, ...standard },
      `standard-${product}`,
    );
    versions[product] = published.versions[published.versions.length - 1].version;
  }
  return versions;
}
