import { Call, successBody } from './api-client';
import { FacilityBody } from './facilities';
import { OrgDef } from './organizations';
import { ProductBody } from './products';
import { SampleStandard } from './standards';

/** An organization as registered, with the one API key issued to it (shown once, never again). */
export interface RegisteredOrg {
  id: string;
  name: string;
  role: string;
  apiKey: string;
  keyId: string;
}

const post = async <T = any>(call: Call, path: string, key: string, body: unknown, idempotencyKey?: string): Promise<T> =>
  successBody('POST', path, await call<T>('POST', path, { key, body, idempotencyKey }));

/**
 * The administrator registers the organization and issues it a key. The registration may be
 * replayed by its Idempotency-Key; the issuance never is, since a key is shown only once.
 */
export async function registerOrganization(
  call: Call,
  adminKey: string,
  def: Partial<OrgDef> & Pick<OrgDef, 'name' | 'role'>,
  options: { label?: string; idempotencyKey?: string } = {},
): Promise<RegisteredOrg> {
  const org = await post<{ id: string; name: string; role: string }>(call, '/api/organizations', adminKey, def, options.idempotencyKey);
  const issued = await post<{ keyId: string; apiKey: string }>(
    call,
    `/api/organizations/${org.id}/api-keys`,
    adminKey,
    options.label ? { label: options.label } : {},
  );
  return { id: org.id, name: org.name, role: org.role, apiKey: issued.apiKey, keyId: issued.keyId };
}

/** An organization registers a facility of its own with its key. */
export function registerFacility<T = { id: string }>(
  call: Call,
  ownerKey: string,
  body: FacilityBody,
  idempotencyKey?: string,
): Promise<T> {
  return post<T>(call, '/api/facilities', ownerKey, body, idempotencyKey);
}

export function registerProduct<T = { id: string }>(call: Call, adminKey: string, body: ProductBody, idempotencyKey?: string): Promise<T> {
  return post<T>(call, '/api/products', adminKey, body, idempotencyKey);
}

/** The standards owner publishes a version of a product's standard, in force from `effectiveFrom`. */
export function publishStandard<T = { versions: { version: number }[] }>(
  call: Call,
  ownerKey: string,
  productId: string,
  standard: SampleStandard,
  effectiveFrom: string,
  idempotencyKey?: string,
): Promise<T> {
  return post<T>(call, '/api/standards', ownerKey, { productId, effectiveFrom, ...standard }, idempotencyKey);
}
