import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object members by key at every depth, with no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: '脐橙' } })).toBe('{"a":{"c":"脐橙","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('sorts integer-like keys as text, not in the order JavaScript enumerates them', () => {
    expect(canonicalJson({ 2: 'b', 10: 'a', x: 'c' })).toBe('{"10":"a","2":"b","x":"c"}');
  });

  it('writes values as JSON.stringify does: dropped members, null in arrays, toJSON, numbers', () => {
    const value = { gone: undefined, list: [undefined, () => 1], at: new Date('2026-12-04T00:00:00Z'), n: -0, e: 1e21, s: '\u2028"' };
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(canonicalJson(value)).toBe('{"at":"2026-12-04T00:00:00.000Z","e":1e+21,"list":[null,null],"n":0,"s":"\u2028\\""}');
  });

  it('is JSON.stringify for values with no objects to sort', () => {
    for (const value of [null, true, 0.1, 'text', [1, 'a', null]]) expect(canonicalJson(value)).toBe(JSON.stringify(value));
    expect(canonicalJson(undefined)).toBe('null');
  });
});
