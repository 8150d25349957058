import { CERTIFICATE_PROMISE } from '@suyuan/production';
import type { ItemStatus } from '../passport/item-passport';

export type Lang = 'zh' | 'en';

/** Every word the consumer pages show, per language. Term maps fall back to the raw value. */
export interface Messages {
  lang: Lang;
  htmlLang: string;
  switchHref: string;
  switchLabel: string;
  title: string;
  status: Record<ItemStatus, string>;
  code: string;
  noRecord: string;
  place: string;
  cooperative: string;
  creditCode: string;
  quantity: string;
  preCooling: string;
  coreTemperature: string;
  farmInputs: string;
  appliedAt: string;
  dose: string;
  tests: string;
  result: (value: string, threshold: string) => string;
  sample: string;
  passed: string;
  failed: string;
  selfTest: string;
  /** A batch held after a failed safety test: what the page says before anything else. */
  held: { title: string; because: (tests: string) => string; advice: string };
  certificateWithdrawn: string;
  /** A certificate beside a failed safety test, not (yet) withdrawn: its promise is not shown either. */
  certificateBroken: string;
  /** The rules' wording of the certificate's promise, translated. */
  standardPromise: string;
  grading: string;
  grade: string;
  certificate: string;
  certificateNo: string;
  product: string;
  producer: string;
  contact: string;
  issuedAt: string;
  basis: string;
  promise: string;
  packing: string;
  packedAt: string;
  netWeight: string;
  carton: string;
  coldChain: string;
  lowest: string;
  highest: string;
  outOfRange: string;
  longestExcursion: string;
  unmonitored: string;
  minutes: (n: string) => string;
  range: string;
  /** What a stop's loggers read. */
  measured: string;
  chartLabel: string;
  journey: string;
  left: string;
  handoverTemperature: string;
  here: string;
  deliveredToConsignee: string;
  footer: string;
  notFoundTitle: string;
  notFoundBody: string;
  notFoundScanned: string;
  notFoundWhatToDo: string;
  /** HTML: the hotline is a tel: link. */
  notFoundSteps: string[];
  units: Record<string, string>;
  facilityTypes: Record<string, string>;
  arrivals: Record<string, string>;
  conditions: Record<string, string>;
  inputKinds: Record<string, string>;
  testMethods: Record<string, string>;
  bases: Record<string, string>;
  grades: Record<string, string>;
  attributes: Record<string, { label: string; unit: string }>;
}

const zh: Messages = {
  lang: 'zh',
  htmlLang: 'zh-CN',
  switchHref: '?lang=en',
  switchLabel: 'English',
  title: '产品溯源',
  status: { packed: '已包装', in_transit: '运输中', delivered: '已送达' },
  code: '溯源码',
  noRecord: '暂无记录',
  place: '地点',
  cooperative: '生产主体',
  creditCode: '统一社会信用代码',
  quantity: '数量',
  preCooling: '预冷',
  coreTemperature: '中心温度',
  farmInputs: '农业投入品',
  appliedAt: '使用时间',
  dose: '用量',
  tests: '质量检测',
  result: (value, threshold) => `检测值 ${value}，判定限 ${threshold}`,
  sample: '样品',
  passed: '合格',
  failed: '不合格',
  selfTest: '生产者自检',
  held: {
    title: '⚠ 本批次已暂停销售',
    because: (tests) => `${tests}不合格。经检测机构确证检测排除风险之前，本批次不得销售。`,
    advice: '请不要食用。已经购买的，可以联系销售者退货，或拨打 12315 反映。',
  },
  certificateWithdrawn: '本合格证已撤回：该批次安全检测不合格，承诺不再成立。',
  certificateBroken: '该批次安全检测不合格，本合格证的承诺不成立。',
  standardPromise: CERTIFICATE_PROMISE,
  grading: '分级',
  grade: '等级',
  certificate: '承诺达标合格证',
  certificateNo: '编号',
  product: '产品',
  producer: '生产者',
  contact: '联系电话',
  issuedAt: '开具日期',
  basis: '承诺依据',
  promise: '承诺',
  packing: '包装',
  packedAt: '包装时间',
  netWeight: '净含量',
  carton: '箱号',
  coldChain: '冷链温度',
  lowest: '最低',
  highest: '最高',
  outOfRange: '超出温度范围',
  longestExcursion: '最长一次',
  unmonitored: '无温度记录',
  minutes: (n) => `${n} 分钟`,
  range: '要求',
  measured: '温度',
  chartLabel: '全程温度曲线，浅色带为要求温度范围',
  journey: '流通轨迹',
  left: '离开',
  handoverTemperature: '交接温度',
  here: '目前在此',
  deliveredToConsignee: '已交付收货人',
  footer: '溯源 · 信息由种植、检测、包装、物流各环节如实记录',
  notFoundTitle: '警惕假冒',
  notFoundBody: '此码未由溯源系统签发，商品可能是假冒产品。',
  notFoundScanned: '您扫描的码：',
  notFoundWhatToDo: '请这样做',
  notFoundSteps: [
    '请核对二维码是否完整，是否被贴纸覆盖或涂改。',
    '联系卖家，要求说明商品来源并出示承诺达标合格证。',
    '拨打 <a href="tel:12315">12315</a> 市场监管投诉举报热线，或在全国12315平台举报。',
  ],
  units: { piece: '件', head: '只' },
  facilityTypes: {
    farm_plot: '种植基地',
    packhouse: '包装厂',
    cold_store: '冷库',
    county_hub: '县级物流中心',
    town_station: '镇级服务站',
    village_point: '村级服务点',
    vehicle: '冷链车',
    transit: '运输（未登记车辆）',
    lab: '检测中心',
    processing_plant: '加工厂',
  },
  arrivals: { packed: '包装', received: '到达', dispatched: '发车' },
  conditions: { intact: '货物完好', damaged: '货物破损', partial: '货物不全' },
  inputKinds: { pesticide: '农药', fertilizer: '肥料', veterinary_drug: '兽药', feed: '饲料', other: '其他' },
  testMethods: {
    pesticide_residue_rapid_test: '农药残留快速检测',
    veterinary_drug_residue_rapid_test: '兽药残留快速检测',
    pesticide_residue_chromatography: '农药残留确证检测（色谱法）',
    veterinary_drug_residue_chromatography: '兽药残留确证检测（色谱法）',
  },
  bases: {
    quality_control: '质量安全控制符合要求',
    self_tested: '自行检测合格',
    commissioned_test: '委托检测合格',
  },
  grades: {},
  attributes: {
    diameterMm: { label: '果径', unit: 'mm' },
    brix: { label: '糖度', unit: '°Brix' },
    weightG: { label: '重量', unit: 'g' },
  },
};

const en: Messages = {
  lang: 'en',
  htmlLang: 'en',
  switchHref: '?lang=zh',
  switchLabel: '中文',
  title: 'Product trace',
  status: { packed: 'Packed', in_transit: 'In transit', delivered: 'Delivered' },
  code: 'Code',
  noRecord: 'No record yet',
  place: 'Place',
  cooperative: 'Producer',
  creditCode: 'Credit code',
  quantity: 'Quantity',
  preCooling: 'Pre-cooling',
  coreTemperature: 'core',
  farmInputs: 'Farm inputs',
  appliedAt: 'Applied',
  dose: 'Dose',
  tests: 'Quality tests',
  result: (value, threshold) => `Result ${value}, limit ${threshold}`,
  sample: 'Sample',
  passed: 'Pass',
  failed: 'Fail',
  selfTest: "producer's own test",
  held: {
    title: '⚠ This batch is held from sale',
    because: (tests) => `${tests} failed. It may not be sold until a testing lab's confirmatory test clears it.`,
    advice: 'Do not eat it. If you bought it, ask the seller for a refund, or call 12315 (market regulator).',
  },
  certificateWithdrawn: 'This certificate is withdrawn: the batch failed a safety test, so its promise no longer stands.',
  certificateBroken: 'The batch failed a safety test: this certificate’s promise does not stand.',
  standardPromise:
    'I promise that the edible farm produce I produce and sell uses no banned pesticides or veterinary drugs, no discontinued veterinary drugs and no illegal additives, that its residues of common pesticides and veterinary drugs are within the limits, and I answer for the truth of this promise.',
  grading: 'Grading',
  grade: 'Grade',
  certificate: 'Compliance certificate · 承诺达标合格证',
  certificateNo: 'No.',
  product: 'Product',
  producer: 'Producer',
  contact: 'Contact',
  issuedAt: 'Issued',
  basis: 'Basis',
  promise: 'Promise',
  packing: 'Packing',
  packedAt: 'Packed',
  netWeight: 'Net weight',
  carton: 'Carton',
  coldChain: 'Cold chain',
  lowest: 'Lowest',
  highest: 'Highest',
  outOfRange: 'Out of range',
  longestExcursion: 'Longest',
  unmonitored: 'Without readings',
  minutes: (n) => `${n} min`,
  range: 'required',
  measured: 'Temperature',
  chartLabel: 'Temperature over the whole journey; the shaded band is the required range',
  journey: 'Journey',
  left: 'Left',
  handoverTemperature: 'Handover temperature',
  here: 'Here now',
  deliveredToConsignee: 'Handed to the consignee',
  footer: 'Suyuan · recorded at every step: farm, lab, packhouse, logistics',
  notFoundTitle: 'Possible counterfeit',
  notFoundBody: 'This code was never issued by Suyuan. The product may be counterfeit.',
  notFoundScanned: 'The code you scanned: ',
  notFoundWhatToDo: 'What to do',
  notFoundSteps: [
    'Check that the QR code is complete and not covered by a sticker or altered.',
    'Contact the seller and ask where the product comes from and for its compliance certificate (承诺达标合格证).',
    'Call <a href="tel:12315">12315</a>, the market regulation hotline, or report it on the national 12315 platform.',
  ],
  units: { piece: 'pcs', head: 'head' },
  facilityTypes: {
    farm_plot: 'Farm plot',
    packhouse: 'Packhouse',
    cold_store: 'Cold store',
    county_hub: 'County logistics hub',
    town_station: 'Town service station',
    village_point: 'Village service point',
    vehicle: 'Cold-chain vehicle',
    transit: 'Transport (no vehicle recorded)',
    lab: 'Testing lab',
    processing_plant: 'Processing plant',
  },
  arrivals: { packed: 'Packed', received: 'Arrived', dispatched: 'Departed' },
  conditions: { intact: 'goods intact', damaged: 'goods damaged', partial: 'goods incomplete' },
  inputKinds: {
    pesticide: 'pesticide',
    fertilizer: 'fertilizer',
    veterinary_drug: 'veterinary drug',
    feed: 'feed',
    other: 'other',
  },
  testMethods: {
    pesticide_residue_rapid_test: 'Pesticide residue rapid test',
    veterinary_drug_residue_rapid_test: 'Veterinary drug residue rapid test',
    pesticide_residue_chromatography: 'Pesticide residue confirmatory test (chromatography)',
    veterinary_drug_residue_chromatography: 'Veterinary drug residue confirmatory test (chromatography)',
  },
  bases: {
    quality_control: 'quality and safety controls met',
    self_tested: 'passed its own tests',
    commissioned_test: 'passed tests by a commissioned lab',
  },
  grades: { 特级: 'Extra (特级)', 一级: 'Class I (一级)', 二级: 'Class II (二级)' },
  attributes: {
    diameterMm: { label: 'Diameter', unit: 'mm' },
    brix: { label: 'Sugar', unit: '°Brix' },
    weightG: { label: 'Weight', unit: 'g' },
  },
};

export const MESSAGES: Record<Lang, Messages> = { zh, en };

/**
 * The page language: `?lang=` wins, then the best-weighted of zh/en in Accept-Language,
 * else Chinese, the language of the people the products are sold to.
 */
export function negotiateLanguage(queryLang?: string, acceptLanguage?: string): Lang {
  const fromQuery = queryLang ? languageOf(queryLang.trim()) : undefined;
  if (fromQuery) return fromQuery;
  let best: Lang = 'zh';
  let bestQ = 0;
  for (const entry of (acceptLanguage ?? '').split(',')) {
    const [tag, ...params] = entry.split(';');
    const lang = languageOf(tag.trim());
    if (!lang) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key.trim() === 'q') q = Number(value);
    }
    if (q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}

/** zh, zh-CN, zh-Hant-TW… are Chinese; en, en-GB… English; anything else neither. */
function languageOf(tag: string): Lang | undefined {
  if (tag.length !== 2 && tag[2] !== '-') return undefined;
  const primary = tag.slice(0, 2).toLowerCase();
  return primary === 'zh' || primary === 'en' ? primary : undefined;
}
