import { DomainError } from './errors';
import { wholeQueryNumber } from './query';

describe('wholeQueryNumber', () => {
  const range = { min: 1, max: 100, default: 10 };

  it('takes the default when absent and the number when a whole one in range', () => {
    expect(wholeQueryNumber('limit', undefined, range)).toBe(10);
    expect(wholeQueryNumber('limit', '1', range)).toBe(1);
    expect(wholeQueryNumber('limit', '100', range)).toBe(100);
  });

  it.each(['0', '101', '-1', '1.5', '1e2', ' 5', '', 'ten', '9'.repeat(16)])('refuses %j naming the parameter', (text) => {
    expect(() => wholeQueryNumber('limit', text, range)).toThrow(DomainError);
    expect(() => wholeQueryNumber('limit', text, range)).toThrow('limit must be a whole number from 1 to 100');
  });

  it('refuses a repeated parameter (an array) as any other non-number', () => {
    expect(() => wholeQueryNumber('offset', ['1', '2'], { min: 0, max: 5, default: 0 })).toThrow('offset must be a whole number');
  });
});
