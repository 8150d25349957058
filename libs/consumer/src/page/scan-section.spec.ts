import { renderScanSection } from './scan-section';

const shown = { ordinal: 3, consumers: 3, places: 1, firstScannedAt: '2026-07-16T02:00:00.000Z', chain: false, warnings: [] };

describe('renderScanSection', () => {
  it('says which consumer this is and when the code was first checked, in China time, in both languages', () => {
    expect(renderScanSection('7K3M9Q2RXV0ZAB12', shown, 'zh')).toContain('您是第 3 位查询者，首次查询于 2026-07-16 10:00');
    expect(renderScanSection('7K3M9Q2RXV0ZAB12', shown, 'en')).toContain(
      'You are person no. 3 to check this code; first checked 2026-07-16 10:00',
    );
  });

  it("says a chain scan is not counted, with the consumers' count", () => {
    const html = renderScanSection('7K3M9Q2RXV0ZAB12', { ...shown, ordinal: undefined, chain: true }, 'zh');
    expect(html).toContain('供应链内部扫描，不计入查询人数 · 已有 3 位消费者查询');
    expect(html).not.toContain('您是第');
  });

  it('turns to a warning, with every reason and what to do, when the code looks copied', () => {
    const html = renderScanSection(
      '7K3M9Q2RXV0ZAB12',
      { ...shown, consumers: 40, places: 9, warnings: ['many_consumers', 'many_places'] },
      'zh',
    );
    expect(html).toContain('<div class="alert copied"><h2 class="n">⚠ 此码可能被复制</h2>');
    expect(html).toContain('已有 40 个不同网络的查询者扫描此码');
    expect(html).toContain('此码在 9 个不同城市被查询');
    expect(html).toContain('12315');
    expect(renderScanSection('7K3M9Q2RXV0ZAB12', shown, 'zh')).not.toContain('copied');
  });

  it("posts its forms to the item's own routes, in the page's language, with no script", () => {
    const html = renderScanSection('7K3M9Q2RXV0ZAB12', shown, 'en');
    expect(html).toContain('<form method="post" action="/t/7K3M9Q2RXV0ZAB12/verify"><input type="hidden" name="lang" value="en">');
    expect(html).toContain('<form method="post" action="/t/7K3M9Q2RXV0ZAB12/report">');
    expect(html).toContain('<textarea name="description" maxlength="500"');
    expect(html).not.toContain('<script');
  });

  it('renders nothing for a record fetched without a scan', () => {
    expect(renderScanSection('7K3M9Q2RXV0ZAB12', undefined, 'zh')).toBe('');
  });
});
