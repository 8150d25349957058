import { creditCodeCheckCharacter, gtinCheckDigit } from '@suyuan/registry';

/**
 * The county the demo models: 乐昌市 (Lechang, Shaoguan, Guangdong). Villages, codes and phone
 * numbers are sample values, not the real registrations of the bodies named.
 */
export interface Region {
  province: string;
  city: string;
  county: string;
  town?: string;
  village?: string;
}

const region = (town?: string, village?: string): Region => ({
  province: '广东省',
  city: '韶关市',
  county: '乐昌市',
  ...(town && { town }),
  ...(village && { village }),
});

/** 统一社会信用代码: registration authority + type (2), division code 440281 (乐昌市), body (9), check. */
const creditCode = (body17: string) => body17 + creditCodeCheckCharacter(body17);

export type OrgKey =
  | 'plumCoop'
  | 'chestnutCoop'
  | 'poultryCoop'
  | 'packhouse'
  | 'lab'
  | 'logistics'
  | 'regulator'
  | 'eCommerce';

export interface OrgDef {
  name: string;
  role: string;
  creditCode: string;
  region: Region;
  contactPhone: string;
}

const org = (name: string, role: string, creditBody: string, town: string, contactPhone: string): OrgDef => ({
  name,
  role,
  creditCode: creditCode(creditBody),
  region: region(town),
  contactPhone,
});

export const ORGS: Record<OrgKey, OrgDef> = {
  // 93…: farmers' specialised cooperatives registered with market regulation
  plumCoop: org('乐昌市北乡黄金柰李专业合作社', 'cooperative', '93440281MA4UQ8KX3', '北乡镇', '0751-5561218'),
  chestnutCoop: org('乐昌市北乡马蹄种植专业合作社', 'cooperative', '93440281MA51T2P7H', '北乡镇', '0751-5561306'),
  poultryCoop: org('乐昌市黄圃雪毛鸡养殖专业合作社', 'cooperative', '93440281MA53R6WB9', '黄圃镇', '0751-5583127'),
  // 91…: companies; 12…: public institutions (事业单位); 11…: government bodies
  packhouse: org('乐昌市北乡农产品产地初加工中心', 'packhouse', '91440281MA55C4NJ1', '北乡镇', '0751-5562088'),
  lab: org('乐昌市农产品质量安全检测中心', 'testing_lab', '12440281007183926', '乐城街道', '0751-5522315'),
  logistics: org('乐昌市县域物流配送中心', 'logistics', '91440281MA4X9L2T6', '乐城街道', '0751-5539966'),
  regulator: org('乐昌市市场监督管理局', 'regulator', '11440281007076542', '乐城街道', '0751-5522110'),
  eCommerce: org('乐昌市电子商务公共服务中心', 'standards_owner', '12440281MB2D3874Q', '乐城街道', '0751-5530188'),
};

export type FacilityKey =
  | 'plotXindong'
  | 'plotShanglang'
  | 'plotChestnut'
  | 'plotPoultry'
  | 'packhouse'
  | 'slaughterhouse'
  | 'lab'
  | 'coldStore'
  | 'hub'
  | 'stationJiufeng'
  | 'stationHuangpu'
  | 'villageHengkeng'
  | 'villageJiangtian'
  | 'villageHuangpu'
  | 'truck'
  | 'van';

export interface FacilityDef {
  owner: OrgKey;
  type: string;
  name: string;
  region: Region;
  plate?: string;
  /** A temperature logger sits here (cold rooms, stations, vehicles): it uploads a reading every 10 minutes. */
  logger?: string;
}

/** The county logistics centre owns every station, cold room and vehicle of the network. */
const logistic = (def: Omit<FacilityDef, 'owner'>): FacilityDef => ({ owner: 'logistics', ...def });

export const FACILITIES: Record<FacilityKey, FacilityDef> = {
  plotXindong: { owner: 'plumCoop', type: 'farm_plot', name: '北乡镇新洞村黄金柰李种植基地', region: region('北乡镇', '新洞村') },
  plotShanglang: { owner: 'plumCoop', type: 'farm_plot', name: '九峰镇上廊村黄金柰李果园', region: region('九峰镇', '上廊村') },
  plotChestnut: { owner: 'chestnutCoop', type: 'farm_plot', name: '北乡镇北乡村马蹄种植基地', region: region('北乡镇', '北乡村') },
  plotPoultry: { owner: 'poultryCoop', type: 'farm_plot', name: '黄圃镇马溪村雪毛鸡林下养殖场', region: region('黄圃镇', '马溪村') },
  packhouse: { owner: 'packhouse', type: 'packhouse', name: '北乡镇预冷分级包装中心', region: region('北乡镇') },
  // Guangdong sends live poultry to central slaughter; the cooperative's licensed plant chills and packs it.
  slaughterhouse: { owner: 'poultryCoop', type: 'packhouse', name: '黄圃镇雪毛鸡定点屠宰冰鲜分割车间', region: region('黄圃镇') },
  lab: { owner: 'lab', type: 'lab', name: '乐昌市农产品质量安全检测中心实验室', region: region('乐城街道') },
  // The county logistics centre runs the origin cold store (产地仓), so it can collect from it with its own trucks.
  coldStore: logistic({ type: 'cold_store', name: '北乡镇产地冷库', region: region('北乡镇'), logger: 'TL-LC-C01' }),
  hub: logistic({ type: 'county_hub', name: '乐昌市县级物流配送中心冷库', region: region('乐城街道'), logger: 'TL-LC-H01' }),
  stationJiufeng: logistic({ type: 'town_station', name: '九峰镇物流服务站', region: region('九峰镇'), logger: 'TL-LC-T01' }),
  stationHuangpu: logistic({ type: 'town_station', name: '黄圃镇物流服务站', region: region('黄圃镇'), logger: 'TL-LC-T02' }),
  villageHengkeng: logistic({ type: 'village_point', name: '九峰镇横坑村服务点', region: region('九峰镇', '横坑村'), logger: 'TL-LC-V01' }),
  villageJiangtian: logistic({ type: 'village_point', name: '九峰镇浆田村服务点', region: region('九峰镇', '浆田村'), logger: 'TL-LC-V02' }),
  villageHuangpu: logistic({ type: 'village_point', name: '黄圃镇黄圃村服务点', region: region('黄圃镇', '黄圃村'), logger: 'TL-LC-V03' }),
  truck: logistic({ type: 'vehicle', name: '4.2米冷藏车', region: region('乐城街道'), plate: '粤F·C1234', logger: 'TL-LC-R01' }),
  van: logistic({ type: 'vehicle', name: '冷藏面包车', region: region('乐城街道'), plate: '粤F·C5678', logger: 'TL-LC-R02' }),
};

export type ProductKey = 'plum' | 'chestnut' | 'chicken';

export interface ProductDef {
  nameZh: string;
  nameEn: string;
  category: string;
  storageClass: string;
  storageRange: { minC: number; maxC: number };
  transportRange: { minC: number; maxC: number };
  gtin?: string;
  grades?: string[];
  /** Relative humidity the loggers read around this product, for realistic readings. */
  humidityPct: [number, number];
  /** Lot code prefix (GS1 AI 10 allows 20 characters in all). */
  lotPrefix: string;
}

/** GTIN-13 under a 693 (GS1 China) company prefix, with its mod-10 check digit. */
const gtin13 = (body12: string) => body12 + gtinCheckDigit(body12);

export const PRODUCTS: Record<ProductKey, ProductDef> = {
  // DB37/T 3491-2019: store at -1–0 °C, transport at 0–3 °C
  plum: {
    nameZh: '黄金柰李',
    nameEn: 'Huangjin Nai plum',
    category: 'stone fruit',
    storageClass: 'chilled',
    storageRange: { minC: -1, maxC: 0 },
    transportRange: { minC: 0, maxC: 3 },
    gtin: gtin13('693873126001'),
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
};
