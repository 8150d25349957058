import { normalizePlace } from './scan-place';

describe('normalizePlace', () => {
  it.each([
    ['韶关市', '韶关'],
    [' 韶关 ', '韶关'],
    ['Shaoguan', 'shaoguan'],
    ['  Hong   Kong ', 'hong kong'],
    ['Shaoguan City', 'shaoguan'],
  ])('%j is %j', (loc, place) => {
    expect(normalizePlace(loc)).toBe(place);
  });

  it.each(['', '<script>', '12345', 'a'.repeat(30), '韶关;drop', '市'])('%j is no place', (loc) => {
    expect(normalizePlace(loc)).toBeUndefined();
  });
});
