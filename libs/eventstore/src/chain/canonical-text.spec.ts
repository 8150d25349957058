import { canonicalJson } from './canonical-json';
import { canonicalJsonOfStringified } from './canonical-text';

const SAMPLES: unknown[] = [
  { b: 1, a: { d: [3, { z: 1, y: 2 }], c: '脐橙' } },
  { 2: 'b', 10: 'a', x: 'c', '': 0 },
  { quote: 'say "hi" \\ back', lines: 'a\nb\tc\u0001\u001f', sep: '\u2028\u2029', lone: '\ud800x', pair: '😀', esc: '\\"' },
  { numbers: [0, -1, 1.5, 1e21, 1e-7, -0, 123456789012345680000, 5e-324, 0.1 + 0.2], flags: [true, false, null] },
  { nested: [[[]], {}, [{}], { 'k"ey': { 'ke\\y': 1 } }] },
  { zz: 1, 'z\u00e9': 2, Z: 3, _: 4, é: 5, 'a b': 6 },
  [],
  'text',
  42,
  null,
];

describe('canonicalJsonOfStringified', () => {
  it.each(SAMPLES.map((sample) => [JSON.stringify(sample)]))('re-encodes %s as canonicalJson of its value', (text) => {
    expect(canonicalJsonOfStringified(text)).toBe(canonicalJson(JSON.parse(text)));
  });

  it('only moves members of text in another form, so it never gives the canonical JSON of another value', () => {
    expect(canonicalJsonOfStringified('{"b":"\\u0041","a":1.0}')).toBe('{"a":1.0,"b":"\\u0041"}');
    expect(canonicalJsonOfStringified('{"b":"\\u0041","a":1.0}')).not.toBe(canonicalJson({ a: 1, b: 'A' }));
  });

  it('throws on text that is not JSON', () => {
    expect(() => canonicalJsonOfStringified('{"a":')).toThrow();
    expect(() => canonicalJsonOfStringified('{"a":1}x')).toThrow();
    expect(() => canonicalJsonOfStringified('{"a":1,"a":2}')).toThrow();
  });
});
