import { creditCodeCheckCharacter } from '@suyuan/registry/domain/credit-code';
import { ADMIN_KEY } from './test-app';
import { Call } from './api-client';

export const LECHANG = { province: '广东省', city: '韶关市', county: '乐昌市' };

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

export async function registerOrg(call: Call, role: string, name: string, extra: Record<string, unknown> = {}): Promise<Org> {
  const org = await expectOk(call('POST', '/api/organizations', { key: ADMIN_KEY, body: { name, role, region: LECHANG, ...extra } }));
  const { apiKey } = await expectOk(call('POST', `/api/organizations/${org.id}/api-keys`, { key: ADMIN_KEY, body: {} }));
  return { id: org.id, key: apiKey };
}

export async function registerFacility(
  call: Call,
  owner: Org,
  type: string,
  name: string,
  region: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Promise<string> {
  const facility = await expectOk(
    call('POST', '/api/facilities', { key: owner.key, body: { type, name, region: { ...LECHANG, ...region }, ...extra } }),
  );
  return facility.id;
}

export async function registerPlum(call: Call, gtin?: string): Promise<string> {
  const product = await expectOk(
    call('POST', '/api/products', {
      key: ADMIN_KEY,
      body: {
        nameZh: '黄金柰李',
        nameEn: 'Huangjin Nai plum',
        category: 'stone fruit',
        storageClass: 'chilled',
        storageRange: { minC: -1, maxC: 0 },
        transportRange: { minC: 0, maxC: 3 },
        ...(gtin ? { gtin } : {}),
      },
    }),
  );
  return product.id;
}
