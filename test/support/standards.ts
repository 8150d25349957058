import { Call } from './api-client';
import { plumRules } from '@suyuan/standards/testing/plum-rules';
import { Org, expectOk } from './fixtures';

export { plumRules };

export async function publishPlumStandard(call: Call, owner: Org, productId: string, rules: object = plumRules(), effectiveFrom = '2026-07-01T00:00:00+08:00') {
  return expectOk(
    call('POST', '/api/standards', {
      key: owner.key,
      body: { productId, title: '乐昌黄金柰李电商交易标准', description: 'sample values from PRODUCT.md', effectiveFrom, rules },
    }),
  );
}
