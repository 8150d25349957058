import { decodeCursor, encodeCursor } from './cursor';
import { readableData, SEALED_TEXT, summarize } from './render';

describe('an event as a history shows it', () => {
  it('reads as fields and values, quantities as amounts, long lists counted', () => {
    expect(summarize({ batchId: 'B1', quantity: { value: 500, unit: 'kg' }, cartonIds: ['C1', 'C2'], items: [{ code: 'I1' }] })).toBe(
      'batchId: B1; quantity: 500 kg; cartonIds: C1, C2; items: 1 entries',
    );
    const many = Array.from({ length: 120 }, (_, i) => `C${i}`);
    expect(summarize({ cartonIds: many })).toBe('cartonIds: 120 entries');
    expect(readableData({ cartonIds: many })).toEqual({ cartonIds: [...many.slice(0, 50), '… 70 more'] });
  });

  it('never shows what is sealed, nor a key’s secret hash', () => {
    const data = { personId: 'P1', sealed: { v: 1, iv: 'x', ciphertext: 'y' }, region: { county: '乐昌市' } };
    expect(readableData(data)).toEqual({ personId: 'P1', sealed: SEALED_TEXT, region: { county: '乐昌市' } });
    expect(summarize({ organizationId: 'O1', keyId: 'K1', secretHash: 'abc' })).toBe('organizationId: O1; keyId: K1');
  });
});

describe('a history cursor', () => {
  it('comes back as it was given', () => {
    expect(decodeCursor(encodeCursor({ after: 41, pages: [0, 3] }), 2)).toEqual({ after: 41, pages: [0, 3] });
  });

  it('is refused when it is not one of this history’s', () => {
    for (const text of ['nonsense', encodeCursor({ after: 41, pages: [0, 3] }), Buffer.from('[1,-2]').toString('base64url')]) {
      expect(() => decodeCursor(text, 1)).toThrow(expect.objectContaining({ code: 'invalid_query', details: { field: 'cursor' } }));
    }
  });
});
