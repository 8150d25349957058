import {
  Call,
  FACILITIES,
  FacilityKey,
  LECHANG,
  ORGANIZATIONS,
  OrgKey,
  PRODUCTS,
  facilityBody,
  productBody,
  registerFacility as register,
  registerOrganization,
  registerProduct,
} from '../../apps/cli/src/world';
import { creditCodeCheckCharacter } from '@suyuan/registry';
import { ADMIN_KEY } from './test-app';

export { LECHANG };

/** A valid 统一社会信用代码 for a made-up body (the check character computed, not guessed). */
export function creditCode(body17: string): string {
  return body17 + creditCodeCheckCharacter(body17);
}

export async function expectOk<T = any>(promise: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await promise;
  if (status >= 300) throw new Error(`expected success, got ${status}: ${JSON.stringify(body)}`);
  return body;
}

export interface Org {
  id: string;
  key: string;
}

/** One of the county's organizations, as the catalogue has it, with a key. */
export async function registerCountyOrg(call: Call, org: OrgKey): Promise<Org> {
  const { id, apiKey } = await registerOrganization(call, ADMIN_KEY, ORGANIZATIONS[org]);
  return { id, key: apiKey };
}

/** An organization a test makes up (another cooperative, a stranger), in 乐昌市 unless `extra` says otherwise. */
export async function registerOrg(call: Call, role: string, name: string, extra: Record<string, unknown> = {}): Promise<Org> {
  const { id, apiKey } = await registerOrganization(call, ADMIN_KEY, { name, role, region: LECHANG, ...extra });
  return { id, key: apiKey };
}

/** One of the county's facilities, as the catalogue has it, registered by `owner`. */
export async function registerCountyFacility(call: Call, owner: Org, facility: FacilityKey): Promise<string> {
  return (await register(call, owner.key, facilityBody(FACILITIES[facility]))).id;
}

/** A facility a test makes up, in 乐昌市 unless `region` says otherwise. */
export async function registerFacility(
  call: Call,
  owner: Org,
  type: string,
  name: string,
  region: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Promise<string> {
  return (await register(call, owner.key, { type, name, region: { ...LECHANG, ...region }, ...extra })).id;
}

/** 黄金柰李 as the catalogue has it; with `gtin` its labels carry a GS1 Digital Link, else the short /t/ URL. */
export async function registerPlum(call: Call, options: { gtin?: boolean } = {}): Promise<string> {
  return (await registerProduct(call, ADMIN_KEY, productBody(PRODUCTS.plum, { gtin: options.gtin ?? false }))).id;
}
