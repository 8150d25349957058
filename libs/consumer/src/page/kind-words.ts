import type { ItemPassport } from '../passport/item-passport';
import type { Lang } from './i18n';

/**
 * What a product is, for the words its page uses: a plant is grown and harvested after its
 * pesticides' safety intervals (农药安全间隔期); an animal is raised and slaughtered after its
 * drugs' withdrawal periods (休药期), a live one leaves the farm (出栏) instead; processed goods
 * are made.
 */
export type ProductKind = 'plant' | 'animal' | 'liveAnimal' | 'processed';

/** Product categories are free text (`chilled poultry`, `live poultry`, `stone fruit`): animals are told by their words. */
const ANIMAL = /poultry|chicken|duck|goose|livestock|pork|\bpig|beef|cattle|sheep|goat|mutton|meat|禽|鸡|鸭|鹅|畜|猪|牛|羊|肉/i;

export function productKind(p: Pick<ItemPassport, 'product' | 'origin'>): ProductKind {
  if (ANIMAL.test(p.product.category)) return /\blive\b|活/i.test(p.product.category) ? 'liveAnimal' : 'animal';
  return p.origin.kind === 'transformation' ? 'processed' : 'plant';
}

export interface KindWords {
  /** The origin section's title and its plot's label. */
  origin: string;
  farmPlot: string;
  /** The section of the harvest (a bird's slaughter) and its time. */
  harvest: string;
  harvestedAt: string;
  /** The card's line: where it grew (or was raised) and when it was harvested (slaughtered). */
  grownIn: string;
  harvestedOn: string;
  /** When a raw material lot was harvested (a flock taken off its farm, 出栏). */
  inputHarvested: string;
  safetyInterval: (days: string, safeFrom: string) => string;
  respected: string;
  notRespected: string;
  notHarvested: string;
  /** The compliance rule on safety intervals. */
  safetyIntervalsRule: string;
  /** A grade attribute whose name depends on the kind (a bird is weighed whole, a fruit singly). */
  weightG: string;
  /** The standards' reasons say 采收 and 安全间隔期; an animal's page says 屠宰 and 休药期. */
  reword: (reason: string) => string;
}

const same = (reason: string) => reason;

const ZH_PLANT: KindWords = {
  origin: '产地',
  farmPlot: '地块',
  harvest: '采收',
  harvestedAt: '采收时间',
  grownIn: '产自',
  harvestedOn: '采收',
  inputHarvested: '采收',
  safetyInterval: (days, safeFrom) => `安全间隔期 ${days} 天，${safeFrom} 起可采收`,
  respected: '✓ 采收时已过安全间隔期',
  notRespected: '✗ 未过安全间隔期即采收',
  notHarvested: '尚未采收',
  safetyIntervalsRule: '农药安全间隔期',
  weightG: '单果重',
  reword: same,
};

const EN_PLANT: KindWords = {
  origin: 'Origin',
  farmPlot: 'Plot',
  harvest: 'Harvest',
  harvestedAt: 'Harvested',
  grownIn: 'Grown in',
  harvestedOn: 'harvested',
  inputHarvested: 'Harvested',
  safetyInterval: (days, safeFrom) => `Safety interval ${days} days: harvest from ${safeFrom}`,
  respected: '✓ Harvested after the safety interval',
  notRespected: '✗ Harvested before the safety interval ended',
  notHarvested: 'Not yet harvested',
  safetyIntervalsRule: 'Pesticide safety intervals',
  weightG: 'Fruit weight',
  reword: same,
};

const ZH_ANIMAL: KindWords = {
  origin: '养殖地',
  farmPlot: '养殖场',
  harvest: '屠宰',
  harvestedAt: '屠宰时间',
  grownIn: '养殖于',
  harvestedOn: '屠宰',
  inputHarvested: '出栏',
  safetyInterval: (days, safeFrom) => `休药期 ${days} 天，${safeFrom} 起可屠宰`,
  respected: '✓ 屠宰时已过休药期',
  notRespected: '✗ 未过休药期即屠宰',
  notHarvested: '尚未屠宰',
  safetyIntervalsRule: '休药期',
  weightG: '单只重',
  reword: (reason) => reason.replace(/采收/g, '屠宰').replace(/安全间隔期/g, '休药期'),
};

const EN_ANIMAL: KindWords = {
  origin: 'Raised at',
  farmPlot: 'Farm',
  harvest: 'Slaughter',
  harvestedAt: 'Slaughtered',
  grownIn: 'Raised in',
  harvestedOn: 'slaughtered',
  inputHarvested: 'Off the farm',
  safetyInterval: (days, safeFrom) => `Withdrawal period ${days} days: slaughter from ${safeFrom}`,
  respected: '✓ Slaughtered after the withdrawal period',
  notRespected: '✗ Slaughtered before the withdrawal period ended',
  notHarvested: 'Not yet slaughtered',
  safetyIntervalsRule: 'Withdrawal periods',
  weightG: 'Bird weight',
  reword: (reason) =>
    reason
      .replace(/harvest/g, 'slaughter')
      .replace(/Harvest/g, 'Slaughter')
      .replace(/safety intervals?/g, (s) => (s.endsWith('s') ? 'withdrawal periods' : 'withdrawal period')),
};

const WORDS: Record<Lang, Record<ProductKind, KindWords>> = {
  zh: {
    plant: ZH_PLANT,
    animal: ZH_ANIMAL,
    liveAnimal: {
      ...ZH_ANIMAL,
      harvest: '出栏',
      harvestedAt: '出栏时间',
      harvestedOn: '出栏',
      safetyInterval: (days, safeFrom) => `休药期 ${days} 天，${safeFrom} 起可出栏`,
      respected: '✓ 出栏时已过休药期',
      notRespected: '✗ 未过休药期即出栏',
      notHarvested: '尚未出栏',
      reword: (reason) => reason.replace(/采收/g, '出栏').replace(/安全间隔期/g, '休药期'),
    },
    processed: { ...ZH_PLANT, grownIn: '加工于', harvestedOn: '加工' },
  },
  en: {
    plant: EN_PLANT,
    animal: EN_ANIMAL,
    liveAnimal: {
      ...EN_ANIMAL,
      harvest: 'Off the farm',
      harvestedAt: 'Left the farm',
      harvestedOn: 'off the farm',
      safetyInterval: (days, safeFrom) => `Withdrawal period ${days} days: off the farm from ${safeFrom}`,
      respected: '✓ Left the farm after the withdrawal period',
      notRespected: '✗ Left the farm before the withdrawal period ended',
      notHarvested: 'Not yet off the farm',
      reword: (reason) =>
        EN_ANIMAL.reword(reason)
          .replace(/slaughter/g, 'leaving the farm')
          .replace(/Slaughter/g, 'Leaving the farm'),
    },
    processed: { ...EN_PLANT, grownIn: 'Made in', harvestedOn: 'made' },
  },
};

export function kindWords(kind: ProductKind, lang: Lang): KindWords {
  return WORDS[lang][kind];
}
