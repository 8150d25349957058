import { plumRules } from '@suyuan/standards/testing/plum-rules';
import { Api } from './api';
import { PLUM, Region, registerFacility, registerOrg } from './seed';

const DAY = 86_400_000;
const COUNTIES: Region[] = [
  { province: '广东省', city: '韶关市', county: '乐昌市', town: '北乡镇' },
  { province: '广东省', city: '韶关市', county: '仁化县', town: '董塘镇' },
];
const COOPERATIVES = ['乐昌市北乡黄金柰李专业合作社', '乐昌市九峰镇水果专业合作社', '仁化县董塘镇果蔬专业合作社', '仁化县红山镇农产品专业合作社'];
/** Three chilled products under one kind of standard, so that by=product has rows to add up. */
const PRODUCTS = [
  PLUM,
  { ...PLUM, nameZh: '三华李', nameEn: 'Sanhua plum', gtin: undefined },
  { ...PLUM, nameZh: '九峰黄桃', nameEn: 'Jiufeng yellow peach', gtin: undefined },
];
/** Before every batch the bench records (the oldest are ~130 days back), so each is judged. */
const STANDARD_EFFECTIVE_DAYS_BACK = 200;

export interface Cooperative {
  key: string;
  plot: string;
  packhouse: string;
}

/** Who and where a county's compliance bench records: the same on every server it starts. */
export interface World {
  cooperatives: Cooperative[];
  products: string[];
  logistics: string;
  regulator: string;
  /** The county route a lifecycle ends on: packhouse → hub by truck → village point by van. */
  hub: string;
  trucks: string[];
  vans: string[];
  villages: string[];
  /** Kept apart from the lifecycles: vehicles and town stations that hold goods while loggers upload. */
  holdingTrucks: string[];
  stations: string[];
}

/**
 * Four cooperatives in two counties, each with its plot and packhouse; one logistics company
 * with the county hub, two trucks, two vans, four village points, and four more trucks and
 * four town stations for the cold-chain figure; three products, each with the e2e tests'
 * plum standard published by the standards owner; and a regulator.
 */
export async function buildWorld(call: Api, adminKey: string): Promise<World> {
  const cooperatives: Cooperative[] = [];
  for (const [i, name] of COOPERATIVES.entries()) {
    const region = COUNTIES[i % COUNTIES.length];
    const key = await registerOrg(call, adminKey, name, 'cooperative', region);
    cooperatives.push({
      key,
      plot: await registerFacility(call, key, 'farm_plot', `${name}果园`, region),
      packhouse: await registerFacility(call, key, 'packhouse', `${name}预冷分级包装中心`, region),
    });
  }
  const county = COUNTIES[0];
  const logistics = await registerOrg(call, adminKey, '乐昌市县域冷链物流有限公司', 'logistics', county);
  const owner = await registerOrg(call, adminKey, '乐昌市电子商务公共服务中心', 'standards_owner', county);
  const regulator = await registerOrg(call, adminKey, '乐昌市市场监督管理局', 'regulator', county);
  const place = (type: string, name: string, plate?: string) => registerFacility(call, logistics, type, name, county, plate);
  const many = async (n: number, make: (i: number) => Promise<string>) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await make(i));
    return ids;
  };
  const world: World = {
    cooperatives,
    products: [],
    logistics,
    regulator,
    hub: await place('county_hub', '乐昌市县级物流中心'),
    trucks: await many(2, (i) => place('vehicle', `县域冷链干线车${i + 1}号`, `粤F·C12${i}4`)),
    vans: await many(2, (i) => place('vehicle', `县乡冷链配送车${i + 1}号`, `粤F·D56${i}8`)),
    villages: await many(4, (i) => place('village_point', `村级服务点${i + 1}号`)),
    holdingTrucks: await many(4, (i) => place('vehicle', `镇村冷链车${i + 1}号`, `粤F·E78${i}0`)),
    stations: await many(4, (i) => place('town_station', `镇级服务站${i + 1}号`)),
  };
  const effectiveFrom = new Date(Date.now() - STANDARD_EFFECTIVE_DAYS_BACK * DAY).toISOString();
  for (const product of PRODUCTS) {
    const { id } = await call('POST', '/api/products', adminKey, product);
    await call('POST', '/api/standards', owner, { productId: id, title: `${product.nameZh}电商交易标准`, effectiveFrom, rules: plumRules() });
    world.products.push(id);
  }
  return world;
}
