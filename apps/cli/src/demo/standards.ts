import { ApiClient, STANDARDS, StandardKey, publishStandard } from '../world';
import { WorldIds } from './production';

/** The standards owner publishes one standard per product, in force a month before the world's first harvest. */
export async function publishStandards(api: ApiClient, world: WorldIds, effectiveFrom: string): Promise<Record<StandardKey, number>> {
  const key = world.orgs.eCommerce.apiKey;
  const versions = {} as Record<StandardKey, number>;
  for (const [product, standard] of Object.entries(STANDARDS) as [StandardKey, (typeof STANDARDS)[StandardKey]][]) {
    const published = await publishStandard(api.call, key, world.products[product], standard, effectiveFrom, `standard-${product}`);
    versions[product] = published.versions[published.versions.length - 1].version;
  }
  return versions;
}
