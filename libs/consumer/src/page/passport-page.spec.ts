import { summarizeColdChain } from '../cold-chain/cold-chain-summary';
import type { ItemPassport } from '../passport/item-passport';
import { sampleItemPassport } from '../passport/sample-passport';
import { renderPassportPage } from './passport-page';

const SUSPICIOUS = /undefined|null|NaN|\[object Object\]/;

function minimalPassport(): ItemPassport {
  return {
    code: 'AB12CD34EF56GH78',
    scanUrl: 'https://sy.example/t/AB12CD34EF56GH78',
    status: 'packed',
    product: { id: 'PR-TARO', nameZh: '张溪香芋', nameEn: 'Zhangxi taro', category: 'tuber' },
    batch: { id: 'BT1', lotCode: 'L1' },
    origin: { farmPlotName: '1 号地', region: { county: '乐昌市' }, cooperative: { name: '张溪香芋家庭农场' } },
    farmInputs: [],
    preCooling: [],
    tests: [],
    grade: { grade: '一级', attributes: {} },
    packing: {
      facilityName: '张溪包装点',
      packedAt: '2026-10-02T09:00:00+08:00',
      netWeight: { value: 5, unit: 'kg' },
      cartonId: 'CT0000000001',
    },
    coldChain: summarizeColdChain([], new Map()),
    journey: [
      {
        kind: 'facility',
        facilityId: 'FC-1',
        facilityName: '张溪包装点',
        facilityType: 'packhouse',
        from: '2026-10-02T09:00:00+08:00',
        arrival: 'packed',
      },
    ],
    compliance: null,
  };
}

describe('renderPassportPage', () => {
  const passport = sampleItemPassport();
  const zh = renderPassportPage(passport, 'zh');
  const en = renderPassportPage(passport, 'en');

  it('is a light, self-contained, mobile page', () => {
    for (const html of [zh, en]) {
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
      expect(Buffer.byteLength(html)).toBeLessThan(30 * 1024);
      const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
      expect(Buffer.byteLength(css)).toBeLessThan(6 * 1024);
      expect(html).not.toMatch(/<script|<link|<img|src=|href="(https?:)?\/\//);
    }
    expect(zh).toContain('<html lang="zh-CN">');
    expect(en).toContain('<html lang="en">');
    expect(zh).toContain('<a href="?lang=en">English</a>');
    expect(en).toContain('<a href="?lang=zh">中文</a>');
  });

  it('prints no missing or unformatted value', () => {
    expect(zh).not.toMatch(SUSPICIOUS);
    expect(en).not.toMatch(SUSPICIOUS);
  });

  it('tells the story in order', () => {
    const headings = [
      '<h1>',
      '⚠ 食用前请检查',
      '溯源码',
      '</header>',
      '>产地<',
      '>采收<',
      '>农业投入品<',
      '>质量检测<',
      '>承诺达标合格证<',
      '>冷链温度<',
      '>流通轨迹<',
      '>分级<',
      '>包装<',
      '>标准符合性 ',
      '<details>',
      '<footer>',
    ];
    const positions = headings.map((h) => zh.indexOf(h));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('shows the product, its status and its code in the card, and claims no 正品 beside what failed', () => {
    const card = zh.slice(zh.indexOf('<header'), zh.indexOf('</header>'));
    expect(card).toContain('<h1>黄金柰李</h1>');
    expect(card).toContain('Huangjin Nai plum');
    expect(card).toContain('运输中');
    expect(card).toContain('7K3M 9Q2R XV0Z AB12');
    expect(zh).not.toContain('正品');
    expect(en).toContain('<h1>Huangjin Nai plum</h1>');
    expect(en).toContain('In transit');
    expect(en).not.toContain('Genuine');
  });

  it('shows where, when and by whom it was grown', () => {
    expect(zh).toContain('广东省韶关市乐昌市北乡镇沙坪村');
    expect(zh).toContain('乐昌市北乡镇柰李种植专业合作社');
    expect(zh).toContain('93440281MA53K8XQ2P');
    expect(zh).toContain('2026-06-12 06:30');
    expect(zh).toContain('北乡镇产地预冷库');
    expect(en).toContain('沙坪村, 北乡镇, 乐昌市');
  });

  it('shows farm inputs against their safety interval', () => {
    expect(zh).toContain('吡虫啉可湿性粉剂');
    expect(zh).toContain('安全间隔期 14 天，2026-06-03 起可采收');
    expect(zh).toContain('✓ 采收时已过安全间隔期');
    expect(en).toContain('Safety interval 14 days: harvest from 2026-06-03');
  });

  it('shows tests with their standard, lab, value against the limit and a coloured verdict', () => {
    expect(zh).toContain('农药残留快速检测</b> <span class="pass">合格</span>');
    expect(zh).toContain('GB/T 5009.199-2003');
    expect(zh).toContain('乐昌市农产品质量安全检测站');
    expect(zh).toContain('检测值 12.5 %，判定限 50 %');
    expect(en).toContain('<span class="pass">Pass</span>');
  });

  it('names the measured grade attributes and shows unknown ones as they are', () => {
    expect(zh).toContain('<dt>等级</dt><dd>特级</dd>');
    expect(zh).toContain('<dt>果径</dt><dd>45 mm</dd>');
    expect(zh).toContain('<dt>糖度</dt><dd>14.2 °Brix</dd>');
    expect(zh).toContain('<dt>单果重</dt><dd>62 g</dd>');
    expect(zh).toContain('<dt>firmnessN</dt><dd>7.5</dd>');
    expect(en).toContain('<dt>Diameter</dt><dd>45 mm</dd>');
    expect(en).toContain('Extra (特级)');
  });

  it('shows the compliance certificate under its legal name in both languages', () => {
    for (const html of [zh, en]) {
      const block = html.slice(html.indexOf('<section class="cert">'), html.indexOf('</section>', html.indexOf('<section class="cert">')));
      expect(block).toContain('承诺达标合格证');
      expect(block).toContain('HG-440281-20260612-0031');
      expect(block).toContain('1200 kg');
      expect(block).toContain('2026-06-12');
      expect(block).toContain('我承诺对生产销售的食用农产品');
    }
    expect(zh).toContain('自行检测合格、质量安全控制符合要求');
    expect(en).toContain('passed its own tests; quality and safety controls met');
  });

  it('shows the cold chain with the excursion highlighted and a sparkline', () => {
    expect(zh).toContain('<dt>超出温度范围</dt><dd><span class="warn">40 分钟</span></dd>');
    expect(zh).toContain('<dt>最高</dt><dd>5.6 °C</dd>');
    expect(zh).toContain('<svg class="spark"');
    expect(zh).toContain('<polyline');
    expect(en).toContain('<span class="warn">40 min</span>');
  });

  it('says how long the goods went without temperature readings, and nothing when they did not', () => {
    const unwatched = { ...passport, coldChain: { ...passport.coldChain, minutesUnmonitored: 90 } };
    expect(renderPassportPage(unwatched, 'zh')).toContain('<dt>无温度记录</dt><dd><span class="muted">90 分钟</span></dd>');
    expect(renderPassportPage(unwatched, 'en')).toContain('<dt>Without readings</dt><dd><span class="muted">90 min</span></dd>');
    const watched = { ...passport, coldChain: { ...passport.coldChain, minutesUnmonitored: 0 } };
    expect(renderPassportPage(watched, 'zh')).not.toContain('无温度记录');
  });

  it('shows the journey as a timeline with types in words and Shanghai times', () => {
    const timeline = zh.slice(zh.indexOf('<ol class="tl">'));
    for (const word of ['包装厂', '冷库', '冷链车', '县级物流中心', '镇级服务站']) expect(timeline).toContain(word);
    expect(timeline).toContain('到达 2026-06-13 09:30 · 离开 13:00');
    expect(timeline).toContain('到达 2026-06-12 14:00 · 离开 2026-06-13 06:00');
    expect(timeline).toContain('交接温度 2.4 °C · 货物完好');
    expect(timeline).toContain('粤F·A3C21');
    expect(timeline).toContain('<li class="now">');
    expect(timeline).toContain('目前在此');
    expect(en).toContain('County logistics hub');
    expect(en).toContain('Arrived 2026-06-13 09:30 · Left 13:00');
  });

  it('escapes every value from the passport', () => {
    const evil = sampleItemPassport();
    evil.journey[2].facilityName = '<script>alert("x")</script>';
    evil.coldChain.segments[2].facilityName = '<script>alert("x")</script>';
    evil.product.nameZh = '李"><img src=x>';
    evil.grade.attributes = { '<b>x</b>': 1 };
    const html = renderPassportPage(evil, 'zh');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('says plainly when a test failed or a safety interval was not respected', () => {
    const bad = sampleItemPassport();
    bad.tests[0] = { ...bad.tests[0], value: 62, passed: false };
    bad.farmInputs[0] = { ...bad.farmInputs[0], respected: false };
    const html = renderPassportPage(bad, 'zh');
    expect(html).toContain('<span class="fail">不合格</span>');
    expect(html).toContain('<span class="n">✗ 未过安全间隔期即采收</span>');
  });

  it('says first that a held batch is not for sale, why, and what to do, and withdraws its certificate’s promise', () => {
    const held = sampleItemPassport();
    held.tests[0] = { ...held.tests[0], value: 62, passed: false };
    held.hold = { since: held.tests[0].testedAt, failed: [held.tests[0]] };
    held.certificate = { ...held.certificate!, withdrawnAt: held.tests[0].testedAt };
    const page = renderPassportPage(held, 'zh');
    const notice = page.indexOf('本批次已暂停销售');
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(page.indexOf('<h2>产地</h2>') >= 0 ? page.indexOf('<h2>产地</h2>') : page.indexOf('<h2>'));
    expect(page).toContain('农药残留快速检测不合格');
    expect(page).toContain('请不要食用');
    expect(page).toContain('本合格证已撤回');
    expect(page).not.toContain(held.certificate!.promise);
    expect(page).not.toContain('残留不超标');
    const english = renderPassportPage(held, 'en');
    expect(english).toContain('This batch is held from sale');
    expect(english).toContain('This certificate is withdrawn');
    expect(english).toContain('Do not eat');
  });

  it('marks the producer’s own test as such', () => {
    const own = sampleItemPassport();
    own.tests[0] = { ...own.tests[0], labName: '北乡合作社', selfTest: true };
    expect(renderPassportPage(own, 'zh')).toContain('北乡合作社 (生产者自检)');
  });

  it('shows the delivered status and the consignee handover', () => {
    const delivered = sampleItemPassport();
    delivered.status = 'delivered';
    delivered.journey[delivered.journey.length - 1].delivered = true;
    const html = renderPassportPage(delivered, 'zh');
    expect(html).toContain('已送达');
    expect(html).toContain('已交付收货人');
    expect(html).not.toContain('目前在此');
  });

  it('renders a passport with almost nothing recorded yet', () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = renderPassportPage(minimalPassport(), lang);
      expect(html).not.toMatch(SUSPICIOUS);
      expect(html).toContain('承诺达标合格证');
      expect(html).not.toContain('<svg');
    }
    const zhMinimal = renderPassportPage(minimalPassport(), 'zh');
    expect(zhMinimal).toContain('已包装');
    expect(zhMinimal).toContain('暂无记录');
    expect(renderPassportPage(minimalPassport(), 'en')).toContain('Packed');
  });

  it('marks safety intervals as pending before harvest', () => {
    const growing = minimalPassport();
    growing.farmInputs = [{ ...sampleItemPassport().farmInputs[0], respected: null }];
    expect(renderPassportPage(growing, 'zh')).toContain('尚未采收');
  });
});
