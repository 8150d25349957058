import type { ItemPassport } from '../passport/item-passport';
import { sampleProcessedPassport } from '../passport/sample-processed-passport';
import { ORIGINS_SHOWN } from './made-from-section';
import { renderPassportPage } from './passport-page';

const SUSPICIOUS = /undefined|null|NaN|\[object Object\]/;
const PAGE_BUDGET = 30 * 1024;

/** The section under the heading `title`. */
function sectionOf(html: string, title: string): string {
  const heading = html.indexOf(`${title}</h2>`);
  expect(heading).toBeGreaterThan(0);
  const start = html.lastIndexOf('<section', heading);
  return html.slice(start, html.indexOf('</section>', heading));
}

function chilledChicken(): ItemPassport {
  const p = sampleProcessedPassport(1);
  p.product = { ...p.product, nameZh: '冰鲜雪毛鸡', nameEn: 'Chilled Xuemao chicken' };
  p.processing = [
    {
      ...p.processing![0],
      process: 'slaughter',
      processor: { name: '乐昌市禽类定点屠宰场' },
      steps: [{ name: '屠宰', startedAt: '2026-05-10T08:00:00+08:00', endedAt: '2026-05-10T10:00:00+08:00', parameters: {} }],
      quarantineCertificateNo: 'A44-20260510-0012',
      yieldPct: 72.5,
    },
  ];
  p.origins = [
    {
      ...p.origins![0],
      product: { nameZh: '雪毛鸡（活禽）', nameEn: 'Live Xuemao chicken' },
      quantity: { value: 200, unit: 'head' },
      weightKg: 400,
    },
  ];
  p.preCooling = [
    {
      facilityName: '乐昌市禽类屠宰车间',
      startedAt: '2026-05-10T10:00:00+08:00',
      endedAt: '2026-05-10T11:00:00+08:00',
      coreTemperatureC: 3.5,
    },
  ];
  return p;
}

describe('the page of a processed item', () => {
  const passport = sampleProcessedPassport();
  const zh = renderPassportPage(passport, 'zh');
  const en = renderPassportPage(passport, 'en');

  it('prints no missing or unformatted value', () => {
    expect(zh).not.toMatch(SUSPICIOUS);
    expect(en).not.toMatch(SUSPICIOUS);
  });

  it('says where it was made, where its raw materials come from and how, after the card and before the tests; the rules last', () => {
    const order = [
      '<h1>',
      '</header>',
      '>加工地<',
      '>原料来源<',
      '>加工过程<',
      '>质量检测<',
      '>承诺达标合格证<',
      '>流通轨迹<',
      '>标准符合性',
    ].map((h) => zh.indexOf(h));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('counts the cooperatives and households, and shows each origin’s plot, harvest and test', () => {
    const origins = sectionOf(zh, '原料来源');
    expect(origins).toContain('原料来自 2 个合作社、1 户农户');
    expect(origins).toContain('<b>乐昌市北乡镇白毛茶种植专业合作社</b>');
    expect(origins).toContain('地块 北乡镇高山茶园 1 号地 · 乐昌市北乡镇');
    expect(origins).toContain('采收 2026-04-01 · 用料 300 kg');
    expect(origins).toContain('农药残留快速检测 <span class="pass">合格</span> <small>2026-04-01</small>');
    expect(origins).not.toContain('等');
    expect(sectionOf(en, 'Raw materials')).toContain('From 2 cooperatives and 1 household');
  });

  it('shows a household as 农户（个人）, counted and placed, never named', () => {
    const origins = sectionOf(zh, '原料来源');
    expect(origins).toContain('<b>农户（个人）</b> <small>1 户 · 茶叶鲜叶 · SG2026-0402</small>');
    expect(origins).toContain('乐昌市北乡镇茶料村');
    expect(origins).toContain('收购 乐昌市白毛茶制茶厂');
    expect(sectionOf(en, 'Raw materials')).toContain('<b>Households (individual farmers)</b> <small>1 household');
  });

  it('shows the processing: who, where, when, each step with its parameters, and the yield', () => {
    const processing = sectionOf(zh, '加工过程');
    expect(processing).toContain('<b>乐昌市白毛茶制茶厂</b> <small>制茶</small>');
    expect(processing).toContain('北乡镇白毛茶加工厂 · 乐昌市北乡镇');
    expect(processing).toContain('2026-04-03 08:00 – 2026-04-03 20:00');
    expect(processing).toContain('投入原料 3 批 → 产出 BM2026-0403 121 kg · 出成率 22%');
    expect(processing).toContain('<ol class="steps"><li>杀青 <small>2026-04-03 08:30 · 温度 260 °C · 时长 3 分钟</small></li>');
    expect(processing).toContain('烘干 <small>温度 90 °C · 时长 60 分钟 · 提香 低温慢焙</small>');
    const english = sectionOf(en, 'Processing');
    expect(english).toContain('<small>Tea processing</small>');
    expect(english).toContain('3 input lots → made BM2026-0403 121 kg · yield 22 %');
    expect(english).toContain('temperature 260 °C · duration 3 min');
  });

  it('names the plant and the processor where a grown item names its plot and cooperative', () => {
    const madeAt = sectionOf(zh, '加工地');
    expect(madeAt).toContain('<dt>加工厂</dt><dd>北乡镇白毛茶加工厂</dd>');
    expect(madeAt).toContain('<dt>加工企业</dt><dd>乐昌市白毛茶制茶厂</dd>');
    expect(sectionOf(en, 'Made at')).toContain('<dt>Processor</dt>');
    // Harvests and farm inputs are its origins’, not its own: no empty sections saying so.
    expect(zh).not.toContain('>采收<');
    expect(zh).not.toContain('>农业投入品<');
  });

  it('shows a slaughtered bird’s quarantine certificate, slaughter time, live weight and its own pre-cooling', () => {
    const html = renderPassportPage(chilledChicken(), 'zh');
    const processing = sectionOf(html, '加工过程');
    expect(processing).toContain('<small>屠宰</small>');
    expect(processing).toContain('动物检疫合格证明 A44-20260510-0012');
    expect(processing).toContain('屠宰 <small>2026-05-10 08:00 – 2026-05-10 10:00</small>');
    expect(sectionOf(html, '原料来源')).toContain('用料 200 只 (400 kg)');
    expect(sectionOf(html, '预冷')).toContain('乐昌市禽类屠宰车间');
  });

  it('with many origins lists the largest few and how many in all, and stays within its size budget', () => {
    const many = sampleProcessedPassport(40);
    for (const lang of ['zh', 'en'] as const) {
      const html = renderPassportPage(many, lang);
      expect(Buffer.byteLength(html)).toBeLessThan(PAGE_BUDGET);
      const origins = sectionOf(html, lang === 'zh' ? '原料来源' : 'Raw materials');
      expect(origins.split('<li>').length - 1).toBe(ORIGINS_SHOWN);
      expect(origins).toContain(lang === 'zh' ? '等 40 个来源' : '40 sources in all');
      expect(origins).toContain('300 kg');
      expect(origins).not.toContain(many.origins![ORIGINS_SHOWN].lotCode);
    }
    expect(renderPassportPage(many, 'zh')).toContain('原料来自 39 个合作社、1 户农户');
  });

  it('says plainly, in the card’s alert and then in full, that a raw material failed its safety test, naming the lot and the test', () => {
    const tainted = sampleProcessedPassport();
    const failed = { ...tainted.origins![1].tests[0], testedAt: '2026-04-05T09:00:00+08:00', value: 68, passed: false };
    tainted.inputHolds = [
      {
        batchId: tainted.origins![1].batchId,
        lotCode: tainted.origins![1].lotCode,
        product: tainted.origins![1].product,
        ownerName: '乐昌市九峰镇白毛茶种植专业合作社',
        since: failed.testedAt,
        failed: [failed],
      },
    ];
    const html = renderPassportPage(tainted, 'zh');
    const notice = sectionOf(html, '⚠ 原料安全检测不合格');
    const alert = html.slice(html.indexOf('role="alert"'), html.indexOf('</header>'));
    expect(alert).toContain('<h2>✗ 请不要食用</h2>');
    expect(alert).toContain('<li>所用原料（批号 LV2026-0402-01）农药残留快速检测不合格</li>');
    expect(html.match(/role="alert"/g)).toHaveLength(1);
    expect(notice).toContain(
      '本产品所用原料（乐昌市九峰镇白毛茶种植专业合作社，茶叶鲜叶，批号 LV2026-0402-01）农药残留快速检测（2026-04-05）不合格。',
    );
    expect(notice).toContain('请不要食用');
    expect(html.indexOf('原料安全检测不合格')).toBeLessThan(html.indexOf('>原料来源<'));
    expect(renderPassportPage(tainted, 'en')).toContain(
      'The raw material lot LV2026-0402-01 (Fresh tea leaves, 乐昌市九峰镇白毛茶种植专业合作社) this product was made from failed: Pesticide residue rapid test',
    );
  });

  it('escapes every value of its origins and processing', () => {
    const evil = sampleProcessedPassport();
    const farm = evil.origins![0];
    if (farm.kind === 'farm') farm.cooperative.name = '<script>alert(1)</script>';
    evil.processing![0].steps[0] = { name: '<img src=x>', parameters: { '<b>k</b>': '<i>v</i>' } };
    evil.processing![0].process = '<u>p</u>';
    const html = renderPassportPage(evil, 'zh');
    for (const raw of ['<script', '<img', '<b>k</b>', '<i>v</i>', '<u>p</u>']) expect(html).not.toContain(raw);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
