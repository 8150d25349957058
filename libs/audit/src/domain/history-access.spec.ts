import { historyReadRight } from './history-access';

const LECHANG = { province: '广东省', city: '韶关市', county: '乐昌市' };
const parties = { handlers: new Set(['ORG-COOP', 'ORG-PACK']), regions: [LECHANG] };

describe('who reads a history', () => {
  it('the administrator, the organizations that handled it, and the regulator over where it is', () => {
    expect(historyReadRight({ organizationId: 'ADMIN', role: 'admin' }, parties)).toBe('admin');
    expect(historyReadRight({ organizationId: 'ORG-PACK', role: 'packhouse' }, parties)).toBe('handler');
    expect(historyReadRight({ organizationId: 'ORG-REG', role: 'regulator', jurisdiction: { county: '乐昌市' } }, parties)).toBe(
      'regulator',
    );
    expect(historyReadRight({ organizationId: 'ORG-GD', role: 'regulator', jurisdiction: { province: '广东省' } }, parties)).toBe(
      'regulator',
    );
  });

  it('whoever may read the batch it belongs to', () => {
    expect(historyReadRight({ organizationId: 'ORG-STD', role: 'standards_owner' }, { ...parties, batchRight: 'standards_owner' })).toBe(
      'batch_reader',
    );
  });

  it('nobody else: not another organization, nor the regulator of another county', () => {
    expect(historyReadRight({ organizationId: 'ORG-OTHER', role: 'cooperative' }, parties)).toBeUndefined();
    expect(historyReadRight({ organizationId: 'ORG-RH', role: 'regulator', jurisdiction: { county: '仁化县' } }, parties)).toBeUndefined();
    expect(historyReadRight({ organizationId: 'ORG-REG', role: 'regulator' }, parties)).toBeUndefined();
  });
});
