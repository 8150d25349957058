import {
  ApiClient,
  FACILITIES,
  FRUIT_GROWERS,
  FacilityBody,
  ORGANIZATIONS,
  OrgKey,
  STANDARDS,
  STONE_FRUIT,
  facilityBody,
  growerPlaces,
  numbered,
  productBody,
  publishStandard,
  registerFacility,
  registerOrganization,
  registerProduct,
} from '../../apps/cli/src/world';

const DAY = 86_400_000;
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
 * The catalogue's four fruit growers in two counties, each with its own plot and packhouse; the
 * county logistics centre with the county hub, two trucks, two vans, four village points, and
 * four more trucks and four town stations for the cold-chain figure; the three stone fruits,
 * each under the plum's sample standard, published by the county e-commerce centre; and the
 * county's regulator (who sees the batches grown in 乐昌市).
 */
export async function buildWorld(api: ApiClient, adminKey: string): Promise<World> {
  const keyOf = async (def: (typeof FRUIT_GROWERS)[number]) =>
    (await registerOrganization(api.call, adminKey, def, { label: 'bench' })).apiKey;
  const county = (org: OrgKey) => keyOf(ORGANIZATIONS[org]);
  const place = async (key: string, body: FacilityBody) => (await registerFacility(api.call, key, body)).id;
  const cooperatives: Cooperative[] = [];
  for (const grower of FRUIT_GROWERS) {
    const key = await keyOf(grower);
    const { plot, packhouse } = growerPlaces(grower);
    cooperatives.push({ key, plot: await place(key, plot), packhouse: await place(key, packhouse) });
  }
  const logistics = await county('logistics');
  const owner = await county('eCommerce');
  const regulator = await county('regulator');
  const many = async (key: keyof typeof FACILITIES, from: number, n: number) => {
    const ids: string[] = [];
    for (let i = from; i < from + n; i++) ids.push(await place(logistics, numbered(facilityBody(FACILITIES[key]), i)));
    return ids;
  };
  const world: World = {
    cooperatives,
    products: [],
    logistics,
    regulator,
    hub: await place(logistics, facilityBody(FACILITIES.hub)),
    trucks: await many('truck', 1, 2),
    vans: await many('van', 1, 2),
    villages: await many('villageChaliao', 1, 4),
    holdingTrucks: await many('truck', 3, 4),
    stations: await many('stationJiufeng', 1, 4),
  };
  const effectiveFrom = new Date(Date.now() - STANDARD_EFFECTIVE_DAYS_BACK * DAY).toISOString();
  for (const product of STONE_FRUIT) {
    const { id } = await registerProduct(api.call, adminKey, productBody(product));
    await publishStandard(api.call, owner, id, { ...STANDARDS.plum, title: `${product.nameZh}电商交易标准` }, effectiveFrom);
    world.products.push(id);
  }
  return world;
}
