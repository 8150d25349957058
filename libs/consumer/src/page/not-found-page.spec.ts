import { renderNotFoundPage } from './not-found-page';

describe('renderNotFoundPage', () => {
  it('says in Chinese that the code was never issued and what to do', () => {
    const html = renderNotFoundPage('ZZZZ9Q2RXV0ZAB12', 'zh');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('此码未由溯源系统签发，商品可能是假冒产品');
    expect(html).toContain('ZZZZ9Q2RXV0ZAB12');
    expect(html).toContain('联系卖家');
    expect(html).toContain('href="tel:12315"');
  });

  it('says it in English', () => {
    const html = renderNotFoundPage('ZZZZ9Q2RXV0ZAB12', 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('never issued by Suyuan');
    expect(html).toContain('may be counterfeit');
    expect(html).toContain('market regulation hotline');
  });

  it('escapes the code and does not echo a long one in full', () => {
    const html = renderNotFoundPage(`<img src=x onerror=alert(1)>${'A'.repeat(500)}`, 'zh');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x');
    expect(html).not.toContain('A'.repeat(100));
  });
});
