import { OrgDef, OrgKey } from './organizations';
import { Region, lechang } from './places';

/** What the API registers: a facility's type, name and place. */
export interface FacilityBody {
  type: string;
  name: string;
  region: Region;
  plate?: string;
  location?: { lat: number; lng: number };
  /** Farm plots: area in 亩. */
  areaMu?: number;
}

export interface FacilityDef extends FacilityBody {
  owner: OrgKey;
  /** A temperature logger sits here (cold rooms, stations, vehicles): its device id. */
  logger?: string;
}

export type FacilityKey =
  | 'plumPlot'
  | 'plotShanglang'
  | 'plotChestnut'
  | 'plotPoultry'
  | 'teaPlot'
  | 'teaPlot2'
  | 'teaFactory'
  | 'poultryPlant'
  | 'packhouse'
  | 'slaughterhouse'
  | 'lab'
  | 'coldStore'
  | 'hub'
  | 'stationJiufeng'
  | 'stationHuangpu'
  | 'villageChaliao'
  | 'villageJiangtian'
  | 'villageHuangpu'
  | 'truck'
  | 'van';

/** The county logistics centre owns every station, cold room and vehicle of the network. */
const logistic = (def: FacilityBody & { logger: string }): FacilityDef => ({ owner: 'logistics', ...def });

export const FACILITIES: Record<FacilityKey, FacilityDef> = {
  plumPlot: {
    owner: 'plumCoop',
    type: 'farm_plot',
    name: '北乡村柰李园3号地块',
    region: lechang('北乡镇', '北乡村'),
    location: { lat: 25.33, lng: 113.26 },
  },
  plotShanglang: { owner: 'plumCoop', type: 'farm_plot', name: '九峰镇上廊村黄金柰李果园', region: lechang('九峰镇', '上廊村') },
  plotChestnut: { owner: 'chestnutCoop', type: 'farm_plot', name: '北乡镇北乡村马蹄种植基地', region: lechang('北乡镇', '北乡村') },
  plotPoultry: { owner: 'poultryCoop', type: 'farm_plot', name: '黄圃镇马溪村雪毛鸡林下养殖场', region: lechang('黄圃镇', '马溪村') },
  teaPlot: { owner: 'teaCoop', type: 'farm_plot', name: '沙坪镇龙塘村白毛茶园', region: lechang('沙坪镇', '龙塘村'), areaMu: 30 },
  teaPlot2: { owner: 'teaCoop2', type: 'farm_plot', name: '两江镇上黄村高山茶园', region: lechang('两江镇', '上黄村'), areaMu: 20 },
  teaFactory: { owner: 'teaFactory', type: 'processing_plant', name: '沙坪镇白毛茶初制加工厂', region: lechang('沙坪镇') },
  poultryPlant: { owner: 'poultryPlant', type: 'processing_plant', name: '黄圃镇禽类定点屠宰冰鲜加工厂', region: lechang('黄圃镇') },
  packhouse: { owner: 'packhouse', type: 'packhouse', name: '北乡镇预冷分级包装车间', region: lechang('北乡镇') },
  // Guangdong sends live poultry to central slaughter; the cooperative's licensed plant chills and packs it.
  slaughterhouse: { owner: 'poultryCoop', type: 'packhouse', name: '黄圃镇雪毛鸡定点屠宰冰鲜分割车间', region: lechang('黄圃镇') },
  lab: { owner: 'lab', type: 'lab', name: '乐昌市农产品质量安全检测中心实验室', region: lechang('乐城街道') },
  // The county logistics centre runs the origin cold store (产地仓), so it can collect from it with its own trucks.
  coldStore: logistic({ type: 'cold_store', name: '北乡镇产地冷库', region: lechang('北乡镇'), logger: 'TL-LC-C01' }),
  hub: logistic({ type: 'county_hub', name: '乐昌市县级物流中心', region: lechang('乐城街道'), logger: 'TL-LC-H01' }),
  stationJiufeng: logistic({ type: 'town_station', name: '九峰镇服务站', region: lechang('九峰镇'), logger: 'TL-LC-T01' }),
  stationHuangpu: logistic({ type: 'town_station', name: '黄圃镇服务站', region: lechang('黄圃镇'), logger: 'TL-LC-T02' }),
  villageChaliao: logistic({ type: 'village_point', name: '茶料村服务点', region: lechang('九峰镇', '茶料村'), logger: 'TL-LC-V01' }),
  villageJiangtian: logistic({ type: 'village_point', name: '浆田村服务点', region: lechang('九峰镇', '浆田村'), logger: 'TL-LC-V02' }),
  villageHuangpu: logistic({ type: 'village_point', name: '黄圃村服务点', region: lechang('黄圃镇', '黄圃村'), logger: 'TL-LC-V03' }),
  truck: logistic({ type: 'vehicle', name: '冷链车1号', region: lechang('乐城街道'), plate: '粤F·C1234', logger: 'TL-LC-R01' }),
  van: logistic({ type: 'vehicle', name: '冷链车2号', region: lechang('乐城街道'), plate: '粤F·C5678', logger: 'TL-LC-R02' }),
};

/** The n-th of a kind the benchmarks need many of (trucks, stations, cold rooms): the catalogue's own, numbered. */
export function numbered(def: FacilityBody, n: number): FacilityBody {
  return { ...def, name: `${def.name}（${n}）` };
}

/** A grower's own plot and packhouse (产地初加工), named after it and in its town. */
export function growerPlaces(grower: OrgDef): { plot: FacilityBody; packhouse: FacilityBody } {
  return {
    plot: { type: 'farm_plot', name: `${grower.name}果园`, region: grower.region },
    packhouse: { type: 'packhouse', name: `${grower.name}预冷分级包装中心`, region: grower.region },
  };
}

/** The body the API takes: the catalogue's own bookkeeping (owner, logger) left out. */
export function facilityBody({ owner: _owner, logger: _logger, ...body }: FacilityDef): FacilityBody {
  return body;
}
