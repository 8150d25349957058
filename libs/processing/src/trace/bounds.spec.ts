import { DomainError } from '@suyuan/core';
import { encodeCursor, page, traceBounds } from './bounds';

const refusal = (query: Parameters<typeof traceBounds>[0]) => {
  try {
    traceBounds(query);
    return 'accepted';
  } catch (e) {
    const error = e as DomainError;
    return { kind: error.kind, code: error.code, field: error.details?.field };
  }
};

describe('trace bounds', () => {
  it('default to 10 generations and pages of 100, and take what the query asks within 20 and 1000', () => {
    expect(traceBounds({})).toEqual({ depth: 10, limit: 100, offsets: {} });
    expect(traceBounds({ depth: '20', limit: '1000' })).toEqual({ depth: 20, limit: 1000, offsets: {} });
    expect(traceBounds({ depth: '1', limit: '1' })).toEqual({ depth: 1, limit: 1, offsets: {} });
  });

  it.each([
    ['depth', '0'],
    ['depth', '21'],
    ['depth', '2.5'],
    ['depth', '-1'],
    ['depth', 'ten'],
    ['depth', ''],
    ['limit', '0'],
    ['limit', '1001'],
    ['limit', '1e3'],
  ])('refuse %s=%s, naming the field', (field, value) => {
    expect(refusal({ [field]: value })).toEqual({ kind: 'invalid', code: 'invalid_query', field });
  });

  it('read back the cursor they gave, and refuse one they did not', () => {
    expect(traceBounds({ cursor: encodeCursor({ lots: 100, units: 200 }) }).offsets).toEqual({ lots: 100, units: 200 });
    for (const cursor of [
      'not-a-cursor',
      encodeCursor({ lots: -1 }),
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('{"lots":"x"}').toString('base64url'),
    ]) {
      expect([cursor, refusal({ cursor })]).toEqual([cursor, { kind: 'invalid', code: 'invalid_query', field: 'cursor' }]);
    }
  });

  it('page a list from an offset and say whether more follow', () => {
    expect(page([1, 2, 3, 4, 5], 0, 2)).toEqual({ entries: [1, 2], more: true });
    expect(page([1, 2, 3, 4, 5], 4, 2)).toEqual({ entries: [5], more: false });
    expect(page([1, 2, 3, 4], 2, 2)).toEqual({ entries: [3, 4], more: false });
    expect(page([1], 5, 2)).toEqual({ entries: [], more: false });
  });
});
