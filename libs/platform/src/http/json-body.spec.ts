import { firstTooDeep } from './json-body';

const text = (s: string) => Buffer.from(s);

describe('firstTooDeep', () => {
  it('finds the byte that opens one level too many', () => {
    expect(firstTooDeep(text('{"a":[[1]]}'), 3)).toBe(-1);
    expect(firstTooDeep(text('{"a":[[[1]]]}'), 3)).toBe(7);
    expect(firstTooDeep(text('[' + '[]'.repeat(1000) + ']'), 2)).toBe(-1);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(firstTooDeep(text('{"a":"[[[[{{{{"}'), 2)).toBe(-1);
    expect(firstTooDeep(text('{"a":"\\"[[[[\\\\","b":[[1]]}'), 2)).toBe(21);
  });
});
