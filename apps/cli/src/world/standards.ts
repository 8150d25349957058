import { PRODUCTS, ProductKey } from './products';

export interface SampleStandard {
  title: string;
  description: string;
  rules: Record<string, unknown>;
}

const SAMPLE = '示例数值（sample values from the product brief, not an official standard）';

const rapidTest = {
  method: 'pesticide_residue_rapid_test',
  standardRef: 'GB/T 5009.199-2003',
  threshold: 50,
  passRequired: true,
  validDays: 3,
};
const withinTolerance = (grade: string, attributes: Record<string, { min?: number; max?: number }>, tolerancePct: number) => ({
  grade,
  attributes,
  tolerancePct,
});
const range = (
  key: ProductKey,
  kind: 'storageRange' | 'transportRange',
  maxExcursionMinutes: number,
  maxTotalMinutesOutOfRange: number,
) => ({
  ...PRODUCTS[key][kind],
  maxExcursionMinutes,
  maxTotalMinutesOutOfRange,
});

/**
 * The county e-commerce centre's trading standards (电商交易标准) for the county's products.
 * Temperatures are the products' own (DB37/T 3491-2019, GB 12694-2016); grade bounds,
 * tolerances (NY/T: 5 %, 10 %, 10 %) and deadlines are sample values and say so.
 */
/** The products the e-commerce centre publishes a trading standard for. */
export type StandardKey = Extract<ProductKey, 'plum' | 'chestnut' | 'chicken' | 'tea'>;

export const STANDARDS: Record<StandardKey, SampleStandard> = {
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
      storage: range('plum', 'storageRange', 30, 60),
      transport: range('plum', 'transportRange', 30, 60),
      tests: [rapidTest],
      safetyIntervals: {},
      certificates: { required: ['compliance_certificate'] },
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
      storage: range('chestnut', 'storageRange', 30, 60),
      transport: range('chestnut', 'transportRange', 30, 60),
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
      grading: {
        classes: [withinTolerance('A级', { weightG: { min: 1300 } }, 5), withinTolerance('B级', { weightG: { min: 1000, max: 1300 } }, 10)],
      },
      preCooling: { withinHours: 2, maxCoreTemperatureC: 4 },
      storage: range('chicken', 'storageRange', 20, 30),
      tests: [
        { method: 'veterinary_drug_residue_rapid_test', standardRef: 'GB 31650-2019', threshold: 100, passRequired: true, validDays: 1 },
      ],
      safetyIntervals: { kinds: ['veterinary_drug'] },
      certificates: { required: ['compliance_certificate'] },
      hubToVillage: { maxHours: 24 },
    },
  },
  // Finished tea is judged on its own tests, its certificate and its yield; the leaves' spraying
  // and picking are judged on the leaves (the rules that hang on a harvest).
  tea: {
    title: '乐昌白毛茶电商交易标准',
    description: `${SAMPLE}. Fresh leaves → finished tea 18–25 % by weight; stored dry below 25 °C.`,
    rules: {
      storage: range('tea', 'storageRange', 120, 240),
      tests: [{ ...rapidTest, validDays: 30 }],
      safetyIntervals: {},
      certificates: { required: ['compliance_certificate'] },
      processingYield: { minPct: 18, maxPct: 25 },
    },
  },
};
