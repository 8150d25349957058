import { packedItem } from './item.fixtures';
import { itemJsonMembers, itemPortion } from './passport-assembler';

const item = packedItem();

describe('an item’s own JSON members', () => {
  it('are the members of its portion, serialised', () => {
    const context = {
      attributesByGrade: new Map([['特级', { diameterMm: 45, brix: 14.5 }]]),
      packingPlaceById: new Map([['PK1', '北乡镇 "预冷" 包装中心\\']]),
    };
    const url = 'http://localhost:3000/01/06901234567892/10/LC%2F1/21/7K3M9QX2ABCD4EFG';
    expect(JSON.parse(`{${itemJsonMembers(item, context, url)}}`)).toEqual(itemPortion(item, context, url));
  });

  it('hold for an ungraded item from an unknown packing', () => {
    const context = { attributesByGrade: new Map(), packingPlaceById: new Map() };
    expect(JSON.parse(`{${itemJsonMembers(item, context, 'u')}}`)).toEqual(itemPortion(item, context, 'u'));
  });

  it('hold for a voided item, which shows when and why but never the code that replaced it', () => {
    const voided = { ...item, voided: { at: '2026-07-20T02:00:00.000Z', reason: 'damaged' as const, replacedBy: 'W4Z8N2QH6JRT0V5K' } };
    const context = { attributesByGrade: new Map(), packingPlaceById: new Map() };
    const members = JSON.parse(`{${itemJsonMembers(voided, context, 'u')}}`);
    expect(members).toEqual(itemPortion(voided, context, 'u'));
    expect(members.voided).toEqual({ at: '2026-07-20T02:00:00.000Z', reason: 'damaged' });
    expect(JSON.stringify(members)).not.toContain('W4Z8N2QH6JRT0V5K');
  });
});
