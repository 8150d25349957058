import type { ItemCompliance } from '@suyuan/standards/compliance/item-compliance';
import { renderCompliance } from './compliance-section';
import { kindWords } from './kind-words';

const SUSPICIOUS = /undefined|null|NaN|\[object Object\]/;

/** A 特级 plum judged under v2 of the county's standard: on the road, its van ran hot. */
function verdict(patch: Partial<ItemCompliance> = {}): ItemCompliance {
  return {
    status: 'non_compliant',
    standard: {
      standardId: 'std-huangjin-nai-plum',
      version: 2,
      title: '乐昌黄金柰李电商交易标准',
      effectiveFrom: '2025-05-31T16:00:00.000Z',
    },
    rules: [
      {
        rule: 'grading',
        status: 'met',
        reason: '特级的测定值均符合分级要求',
        reasonEn: 'Every graded class (特级) measures within its bounds',
      },
      {
        rule: 'tests:pesticide_residue_rapid_test',
        status: 'met',
        reason: '检测合格：18.5，限值50',
        reasonEn: 'Passed: 18.5 against a limit of 50',
      },
      { rule: 'preCooling', status: 'not_applicable', reason: '本规则只适用于一级', reasonEn: 'This rule binds 一级 only' },
      {
        rule: 'transport',
        status: 'violated',
        reason: '粤F·冷藏车 A1234运输温度超出0–8°C达45分钟，允许30分钟',
        reasonEn: 'At 粤F·冷藏车 A1234 the transport temperature left 0–8 °C for 45 min; 30 min allowed',
      },
      {
        rule: 'hubToVillage',
        status: 'pending',
        reason: '须在2025-06-21 14:00前送达',
        reasonEn: 'Delivery due by 2025-06-21 14:00 (UTC+8)',
        dueBy: '2025-06-21T06:00:00.000Z',
      },
    ],
    ...patch,
  };
}

const certified = { status: 'certified' as const, brand: '乐昌农品', version: 2, certifiedAt: '2025-06-18T07:00:00.000Z' };
const withdrawn = {
  ...certified,
  status: 'withdrawn' as const,
  withdrawnAt: '2025-06-18T17:30:00.000Z',
  withdrawnBecause: [{ rule: 'transport', reason: '运输温度超标', reasonEn: 'Transport temperature out of range' }],
};

describe('renderCompliance', () => {
  describe('in Chinese', () => {
    const html = renderCompliance(verdict(), 'zh');

    it('shows the status and the version the item was judged under, with the date it came into force', () => {
      expect(html).toContain('<h2>标准符合性 <span class="fail">不符合标准</span></h2>');
      expect(html).toContain('依据《乐昌黄金柰李电商交易标准》第2版（2025-06-01起施行）');
      expect(html).not.toMatch(SUSPICIOUS);
    });

    it('lists each rule that applies, by name, with its verdict and the Chinese reason', () => {
      expect(html).toContain('<li><b>分级</b> <span class="y">符合</span><br><small>特级的测定值均符合分级要求</small></li>');
      expect(html).toContain('<li><b>检测：农药残留快速检测</b> <span class="y">符合</span><br><small>检测合格：18.5，限值50</small></li>');
      expect(html).toContain(
        '<li><b>运输温度</b> <span class="n">不符合</span><br><small>粤F·冷藏车 A1234运输温度超出0–8°C达45分钟，允许30分钟</small></li>',
      );
      expect(html).toContain('<li><b>县到村配送时限</b> <span class="sub">待定</span><br><small>须在2025-06-21 14:00前送达</small></li>');
      expect(html).not.toContain('At 粤F');
      expect(html.match(/<li>/g)).toHaveLength(4);
    });

    it('lists what fails first, then what is still open, then what is met, each in the order judged', () => {
      const names = [...html.matchAll(/<li><b>([^<]+)<\/b>/g)].map((m) => m[1]);
      expect(names).toEqual(['运输温度', '县到村配送时限', '分级', '检测：农药残留快速检测']);
    });

    it('comes folded, saying how many rules were violated, are pending and were met', () => {
      expect(html).toMatch(/<details><summary>逐条评定：1 条不符合，1 条待定，2 条符合<\/summary><ul><li>.*<\/ul><\/details><\/section>$/);
    });

    it('leaves the verdict it was given as it was', () => {
      const c = verdict();
      const before = c.rules.map((r) => r.rule);
      renderCompliance(c, 'zh');
      expect(c.rules.map((r) => r.rule)).toEqual(before);
    });

    it('hides the rules that do not apply to the item', () => {
      expect(html).not.toContain('预冷');
      expect(html).not.toContain('不适用');
      expect(html).not.toContain('本规则只适用于一级');
    });
  });

  describe('in English', () => {
    const html = renderCompliance(verdict(), 'en');

    it('shows the status and the version in English', () => {
      expect(html).toContain('<h2>Product standard <span class="fail">Fails the standard</span></h2>');
      expect(html).toContain('Judged under “乐昌黄金柰李电商交易标准”, version 2 (in force from 2025-06-01)');
      expect(html).not.toMatch(SUSPICIOUS);
    });

    it('gives each applicable rule its English name and reason', () => {
      expect(html).toContain(
        '<li><b>Transport temperature</b> <span class="n">violated</span><br><small>At 粤F·冷藏车 A1234 the transport temperature left 0–8 °C for 45 min; 30 min allowed</small></li>',
      );
      expect(html).toContain('<li><b>Test: Pesticide residue rapid test</b> <span class="y">met</span>');
      expect(html).toContain('<summary>Rule by rule: 1 violated, 1 pending, 2 met</summary>');
      expect(html).toContain(
        '<li><b>County hub to village</b> <span class="sub">pending</span><br><small>Delivery due by 2025-06-21 14:00 (UTC+8)</small></li>',
      );
      expect(html).not.toContain('运输温度超出');
      expect(html).not.toContain('Pre-cooling');
      expect(html).not.toContain('n/a');
    });
  });

  it('shows each status in its own colour', () => {
    expect(renderCompliance(verdict({ status: 'compliant' }), 'zh')).toContain('<span class="pass">符合标准</span>');
    expect(renderCompliance(verdict({ status: 'pending' }), 'zh')).toContain('<span class="pend">评定中</span>');
    expect(renderCompliance(verdict({ status: 'pending' }), 'en')).toContain('<span class="pend">Being assessed</span>');
  });

  describe('the brand label', () => {
    it('says a certified item carries the regional brand, and marks the section', () => {
      const zh = renderCompliance(verdict({ status: 'compliant', brand: certified }), 'zh');
      expect(zh).toContain('<section class="std brand">');
      expect(zh).toContain('<p class="note y">已获“乐昌农品”区域公用品牌认证（2025-06-18）</p>');
      const en = renderCompliance(verdict({ status: 'compliant', brand: certified }), 'en');
      expect(en).toContain('<p class="note y">Certified for the regional brand “乐昌农品” (2025-06-18)</p>');
    });

    it('says when a withdrawn label was withdrawn, without the brand mark', () => {
      const zh = renderCompliance(verdict({ brand: withdrawn }), 'zh');
      expect(zh).toContain('<section class="std">');
      // 17:30 UTC is already the next day in China.
      expect(zh).toContain('<p class="note n">“乐昌农品”区域公用品牌标识已于2025-06-19撤销</p>');
      expect(renderCompliance(verdict({ brand: withdrawn }), 'en')).toContain(
        '<p class="note n">The regional brand label “乐昌农品” was withdrawn on 2025-06-19</p>',
      );
    });

    it('says nothing of a brand for an item never certified', () => {
      const html = renderCompliance(verdict(), 'zh');
      expect(html).not.toContain('区域公用品牌');
      expect(html).toContain('<section class="std">');
    });
  });

  it('says no standard applies when there is no verdict', () => {
    expect(renderCompliance(undefined, 'zh')).toBe(
      '<section class="std"><h2>标准符合性</h2><p class="muted">本产品尚无适用的电商交易标准</p></section>',
    );
    expect(renderCompliance(undefined, 'en')).toBe(
      '<section class="std"><h2>Product standard</h2><p class="muted">No trading standard applies to this product yet</p></section>',
    );
  });

  it('shows a rule of a kind it has no name for in words, never as a raw code', () => {
    const html = renderCompliance(verdict({ rules: [{ rule: 'future_rule:x', status: 'met', reason: '符合', reasonEn: 'ok' }] }), 'en');
    expect(html).toContain('<li><b>future rule x</b>');
  });

  it('says 休药期 and 屠宰 for an animal, where a plant has 农药安全间隔期 and 采收', () => {
    const rules = [
      {
        rule: 'safetyIntervals',
        status: 'met' as const,
        reason: '采收均在安全间隔期之后',
        reasonEn: 'Every harvest came after the safety intervals',
      },
      { rule: 'harvestToPacking', status: 'met' as const, reason: '采收后9.5小时内包装', reasonEn: 'Packed within 9.5 h of harvest' },
    ];
    const zh = renderCompliance(verdict({ rules }), 'zh', kindWords('animal', 'zh'));
    expect(zh).toContain('<b>休药期</b>');
    expect(zh).toContain('屠宰均在休药期之后');
    expect(zh).toContain('<b>屠宰至包装时限</b>');
    expect(zh).not.toMatch(/采收|安全间隔期/);
    const en = renderCompliance(verdict({ rules }), 'en', kindWords('animal', 'en'));
    expect(en).toContain('<b>Withdrawal periods</b>');
    expect(en).toContain('Every slaughter came after the withdrawal periods');
    expect(en).toContain('<b>Slaughter to packing</b>');
    expect(en).toContain('Packed within 9.5 h of slaughter');
    expect(renderCompliance(verdict({ rules }), 'zh')).toContain('<b>农药安全间隔期</b>');
  });

  it('escapes the title, the brand, the reasons and unknown rule names', () => {
    const evil = '<script>alert("x")</script>';
    const c = verdict({
      standard: { ...verdict().standard, title: `标准${evil}` },
      rules: [{ rule: `<img src=x onerror=alert(1)>`, status: 'violated', reason: `原因${evil}`, reasonEn: `reason & ${evil}` }],
      brand: { ...certified, brand: `乐昌'农品'${evil}` },
    });
    for (const lang of ['zh', 'en'] as const) {
      const html = renderCompliance(c, lang);
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('&#39;农品&#39;');
    }
    expect(renderCompliance(c, 'zh')).toContain('标准&lt;script&gt;');
    expect(renderCompliance(c, 'zh')).toContain('<small>原因&lt;script&gt;');
    expect(renderCompliance(c, 'en')).toContain('<small>reason &amp; &lt;script&gt;');
  });
});
