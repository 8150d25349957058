import { gtinCheckDigit } from '@suyuan/registry';

export interface TemperatureRange {
  minC: number;
  maxC: number;
}

/** What the API registers for a product. */
export interface ProductBody {
  nameZh: string;
  nameEn: string;
  category: string;
  storageClass: string;
  storageRange: TemperatureRange;
  transportRange: TemperatureRange;
  gtin?: string;
  grades: string[];
  /** A processed product: the product ids its inputs may be (resolved at registration). */
  madeFrom?: string[];
  /** What one 亩 gives in a season (kg) and the month the season starts: what mass balance weighs against. */
  yieldPerMu?: { kg: number; seasonStartMonth: number };
}

export interface ProductDef extends ProductBody {
  /** Relative humidity the loggers read around this product, for realistic readings. */
  humidityPct: [number, number];
  /** Lot code prefix (GS1 AI 10 allows 20 characters in all). */
  lotPrefix: string;
}

export type ProductKey = 'plum' | 'chestnut' | 'chicken' | 'teaLeaves' | 'tea' | 'liveChicken';

/** GTIN-13 under a 690 (GS1 China) company prefix, with its mod-10 check digit. */
const gtin13 = (body12: string) => body12 + gtinCheckDigit(body12);

/** The county's products, kept as the product brief says (sample values where no standard is named). */
export const PRODUCTS: Record<ProductKey, ProductDef> = {
  // DB37/T 3491-2019: store at -1–0 °C, transport at 0–3 °C
  plum: {
    nameZh: '黄金柰李',
    nameEn: 'Huangjin Nai plum',
    category: 'stone fruit',
    storageClass: 'chilled',
    storageRange: { minC: -1, maxC: 0 },
    transportRange: { minC: 0, maxC: 3 },
    gtin: gtin13('690123456789'),
    grades: ['特级', '一级', '二级'],
    humidityPct: [90, 95],
    lotPrefix: 'HJNL',
  },
  // kept at 0–2 °C and RH 98–100 %
  chestnut: {
    nameZh: '北乡马蹄',
    nameEn: 'Beixiang water chestnut',
    category: 'aquatic vegetable',
    storageClass: 'chilled',
    storageRange: { minC: 0, maxC: 2 },
    transportRange: { minC: 0, maxC: 2 },
    grades: ['特级', '一级', '二级'],
    humidityPct: [97, 99.5],
    lotPrefix: 'BXMT',
  },
  // GB 12694-2016: chilled carcasses at a core temperature of 4 °C or less
  chicken: {
    nameZh: '乐昌雪毛鸡',
    nameEn: 'Lechang Xuemao chicken',
    category: 'chilled poultry',
    storageClass: 'chilled',
    storageRange: { minC: 0, maxC: 4 },
    transportRange: { minC: 0, maxC: 4 },
    grades: ['A级', 'B级'],
    humidityPct: [85, 90],
    lotPrefix: 'LCXMJ',
  },
  // Fresh leaves go to the factory the day they are picked, in ventilated baskets (sample values).
  teaLeaves: {
    nameZh: '乐昌白毛茶鲜叶',
    nameEn: 'Lechang Baimao tea fresh leaves',
    category: 'fresh tea leaves',
    storageClass: 'cool',
    storageRange: { minC: 5, maxC: 25 },
    transportRange: { minC: 5, maxC: 25 },
    grades: ['一芽一叶', '一芽二叶'],
    yieldPerMu: { kg: 300, seasonStartMonth: 3 },
    humidityPct: [70, 85],
    lotPrefix: 'LCBMX',
  },
  // 乐昌白毛茶, a 地理标志 product: finished tea, kept dry and cool (sample values).
  tea: {
    nameZh: '乐昌白毛茶',
    nameEn: 'Lechang Baimao tea',
    category: 'tea',
    storageClass: 'ambient',
    storageRange: { minC: 0, maxC: 25 },
    transportRange: { minC: 0, maxC: 30 },
    gtin: gtin13('690123456790'),
    grades: ['特级', '一级', '二级'],
    // About a fifth of the leaves' 300 kg, as the tea standard's yield bounds (18–25 %) have it.
    yieldPerMu: { kg: 60, seasonStartMonth: 3 },
    humidityPct: [40, 60],
    lotPrefix: 'LCBMC',
  },
  liveChicken: {
    nameZh: '乐昌雪毛鸡（活禽）',
    nameEn: 'Lechang Xuemao chicken (live)',
    category: 'live poultry',
    storageClass: 'ambient',
    storageRange: { minC: 5, maxC: 30 },
    transportRange: { minC: 5, maxC: 30 },
    grades: ['出栏'],
    humidityPct: [60, 80],
    lotPrefix: 'LCXMH',
  },
};

/** Stone fruit the county's growers sell besides the plum, kept as the plum is (sample values): the compliance benchmark's products. */
export const STONE_FRUIT: readonly ProductDef[] = [
  PRODUCTS.plum,
  { ...PRODUCTS.plum, nameZh: '三华李', nameEn: 'Sanhua plum', gtin: undefined, lotPrefix: 'SHL' },
  { ...PRODUCTS.plum, nameZh: '九峰黄桃', nameEn: 'Jiufeng yellow peach', gtin: undefined, lotPrefix: 'JFHT' },
];

/** The body the API takes; `gtin: false` registers the product without its GTIN, so its labels carry the short /t/ URL. */
export function productBody(
  { humidityPct: _rh, lotPrefix: _lot, gtin, ...body }: ProductDef,
  options: { gtin?: boolean; madeFrom?: string[] } = {},
): ProductBody {
  return {
    ...body,
    ...(gtin !== undefined && options.gtin !== false && { gtin }),
    ...(options.madeFrom && { madeFrom: options.madeFrom }),
  };
}
