import { MESSAGES, negotiateLanguage } from './i18n';

describe('negotiateLanguage', () => {
  it('defaults to Chinese', () => {
    expect(negotiateLanguage()).toBe('zh');
    expect(negotiateLanguage(undefined, '')).toBe('zh');
    expect(negotiateLanguage(undefined, 'fr-FR,de;q=0.8,*;q=0.5')).toBe('zh');
  });

  it('lets the query win over the header', () => {
    expect(negotiateLanguage('en', 'zh-CN,zh;q=0.9')).toBe('en');
    expect(negotiateLanguage('zh', 'en-US,en;q=0.9')).toBe('zh');
    expect(negotiateLanguage('EN-gb', undefined)).toBe('en');
  });

  it('ignores a query language it does not have', () => {
    expect(negotiateLanguage('fr', 'en-US')).toBe('en');
    expect(negotiateLanguage('english', 'zh')).toBe('zh');
  });

  it('takes the highest q-value among zh and en', () => {
    expect(negotiateLanguage(undefined, 'en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(negotiateLanguage(undefined, 'fr;q=1, en;q=0.3, zh-Hant-TW;q=0.6')).toBe('zh');
    expect(negotiateLanguage(undefined, 'de, en-GB;q=0.7')).toBe('en');
  });

  it('keeps the first of equal weights and skips q=0 and broken weights', () => {
    expect(negotiateLanguage(undefined, 'en, zh')).toBe('en');
    expect(negotiateLanguage(undefined, 'en;q=0, fr')).toBe('zh');
    expect(negotiateLanguage(undefined, 'en;q=abc')).toBe('zh');
  });
});

describe('MESSAGES', () => {
  it('has the same words in both languages', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
    expect(Object.keys(MESSAGES.en.facilityTypes).sort()).toEqual(Object.keys(MESSAGES.zh.facilityTypes).sort());
    expect(Object.keys(MESSAGES.en.bases).sort()).toEqual(Object.keys(MESSAGES.zh.bases).sort());
  });
});
