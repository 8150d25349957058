import type { ItemPassport } from '../passport/item-passport';
import { sampleItemPassport } from '../passport/sample-passport';
import { renderPassportPage } from './passport-page';

/** The card: from the top of the page to the end of its header. */
const cardOf = (html: string) => html.slice(html.indexOf('<header'), html.indexOf('</header>'));

/** The sample bag of plums, delivered with nothing wrong: a clean cold chain and handovers, compliant. */
function soundPassport(): ItemPassport {
  const p = sampleItemPassport();
  const journey = p.journey.map((s) => ({
    ...s,
    ...(s.handoverTemperatureC !== undefined && { handoverTemperatureC: 1.5, handoverInRange: true }),
  }));
  journey[journey.length - 1] = { ...journey[journey.length - 1], to: '2026-06-13T17:00:00+08:00', delivered: true };
  return {
    ...p,
    status: 'delivered',
    journey,
    coldChain: { ...p.coldChain, minC: -0.5, maxC: 2.5, minutesOutOfRange: 0, longestExcursionMinutes: 0, minutesUnmonitored: 0 },
    compliance: {
      ...p.compliance!,
      status: 'compliant',
      rules: p.compliance!.rules.map((r) => ({ ...r, status: 'met' as const })),
      brand: undefined,
    },
  };
}

describe('the consumer card at the top of the page', () => {
  it('gives the reasons it is safe to eat, from the facts: test, safety interval, cold chain, delivery, certificate', () => {
    const card = cardOf(renderPassportPage(soundPassport(), 'zh'));
    expect(card).toContain('<header class="card v-ok">');
    expect(card).toContain('<h2>✓ 可放心食用</h2>');
    for (const reason of [
      '检测合格（农药残留快速检测）',
      '采收时已过安全间隔期',
      '全程冷链 −0.5–2.5 °C',
      // Packed 11:00 on the 12th, delivered 17:00 on the 13th.
      '包装后 30 小时内送达',
      '已开具承诺达标合格证',
      '符合《乐昌黄金柰李电商交易标准（示例）》',
    ])
      expect(card).toContain(`<li>${reason}</li>`);
    expect(card).toContain('产自 乐昌市北乡镇沙坪村 · 乐昌市北乡镇柰李种植专业合作社 · 2026-06-12 采收');
    expect(card).not.toContain('role="alert"');
    const en = cardOf(renderPassportPage(soundPassport(), 'en'));
    expect(en).toContain('<h2>✓ Safe to eat</h2>');
    expect(en).toContain('<li>Delivered within 30 h of packing</li>');
    expect(en).toContain('Grown in 沙坪村, 北乡镇, 乐昌市 · 乐昌市北乡镇柰李种植专业合作社 · harvested 2026-06-12');
  });

  it('says what failed and what to do when a safety test failed, and shows no promise or green tick beside it', () => {
    const failed = soundPassport();
    failed.tests = [{ ...failed.tests[0], value: 58.6, passed: false }];
    const page = renderPassportPage(failed, 'zh');
    const card = cardOf(page);
    expect(card).toContain('<header class="card v-bad">');
    expect(card).toContain('<div class="verdict" role="alert"><h2>✗ 请不要食用</h2>');
    expect(card).toContain('<li>农药残留快速检测不合格：检测值 58.6 %，限值 50 %</li>');
    expect(card).toContain(
      '<li>请不要食用。</li><li>已经购买的，请联系销售者退货。</li><li>拨打 <a href="tel:12315">12315</a> 市场监管热线反映。</li>',
    );
    expect(card).not.toMatch(/可放心|v-ok|✓/);
    expect(page).not.toContain('残留不超标');
    expect(page).toContain('该批次安全检测不合格，本合格证的承诺不成立。');
    expect(page).not.toContain('正品');
    const en = cardOf(renderPassportPage(failed, 'en'));
    expect(en).toContain('<h2>✗ Do not eat</h2>');
    expect(en).toContain('Pesticide residue rapid test failed: 58.6 %, limit 50 %');
    expect(en).toContain('If you bought it, return it to the seller.');
  });

  it('says the cold chain, a handover and a violated rule failed, and what to check, when the tests passed', () => {
    const card = cardOf(renderPassportPage(sampleItemPassport(), 'zh'));
    expect(card).toContain('<header class="card v-warn">');
    expect(card).toContain('<h2>⚠ 食用前请检查</h2>');
    expect(card).toContain('<li>运输和贮存中温度超出要求共 40 分钟，最高 5.6 °C</li>');
    // Off a packhouse with no range into the −1–0 °C store.
    expect(card).toContain('<li>北乡镇冷库交接时温度 4.2 °C，超出要求的 −1–0 °C</li>');
    expect(card).toContain('<li>不符合交易标准：运输温度</li>');
    expect(card).toContain('有异味、发黏或变质的，请不要食用。');
    expect(card).not.toContain('可放心');
  });

  it('counts a failed rapid test no more once a lab’s later confirmatory test overturned it, and shows the promise again', () => {
    const cleared = soundPassport();
    const rapid = { ...cleared.tests[0], value: 62, passed: false };
    const confirmatory = {
      ...cleared.tests[0],
      method: 'pesticide_residue_chromatography',
      testedAt: '2026-06-12T16:00:00+08:00',
      value: 0.02,
      unit: 'mg/kg',
      threshold: 0.2,
    };
    cleared.tests = [rapid, confirmatory];
    const page = renderPassportPage(cleared, 'zh');
    expect(cardOf(page)).toContain('<li>检测合格（农药残留确证检测（色谱法））</li>');
    expect(cardOf(page)).toContain('<h2>✓ 可放心食用</h2>');
    expect(page).toContain('残留不超标');
    // The producer's own chromatography, or one made before the failure, overturns nothing.
    for (const weak of [
      { ...confirmatory, selfTest: true },
      { ...confirmatory, testedAt: '2026-06-12T09:00:00+08:00' },
    ]) {
      const held = renderPassportPage({ ...cleared, tests: [rapid, weak] }, 'zh');
      expect(cardOf(held)).toContain('<h2>✗ 请不要食用</h2>');
      expect(held).not.toContain('残留不超标');
    }
  });

  it('tells the consumer of a recalled lot not to eat it, with the level and reason, in both languages', () => {
    const recalled = {
      ...soundPassport(),
      recall: { recallId: 'RC1', class: 'I' as const, reason: '毒死蜱残留超标', since: '2026-07-22T00:00:00.000Z' },
    };
    const zh = renderPassportPage(recalled, 'zh');
    expect(cardOf(zh)).toContain('<h2>✗ 请不要食用</h2>');
    expect(cardOf(zh)).toContain('<li>本批次已被召回（一级召回）：毒死蜱残留超标</li>');
    expect(cardOf(zh)).toContain('已经购买的，请联系销售者退货。');
    expect(zh).not.toContain('残留不超标');
    expect(cardOf(renderPassportPage(recalled, 'en'))).toContain('<li>This batch is recalled (class I): 毒死蜱残留超标</li>');
  });

  it('says nothing is known yet, without a verdict, when nothing failed and nothing was tested', () => {
    const untested = { ...soundPassport(), tests: [] };
    const card = cardOf(renderPassportPage(untested, 'zh'));
    expect(card).toContain('<header class="card v-open">');
    expect(card).toContain('<h2>尚无检测记录</h2>');
    expect(card).not.toContain('可放心');
  });

  it('leaves the item’s code last in the card: a scan’s own lines go after it', () => {
    const html = renderPassportPage(soundPassport(), 'zh');
    expect(html).toMatch(/<p class="code">溯源码 7K3M 9Q2R XV0Z AB12<\/p><\/header>/);
  });
});

describe('a bird’s page', () => {
  function chicken(): ItemPassport {
    const p = soundPassport();
    return {
      ...p,
      product: { ...p.product, nameZh: '乐昌雪毛鸡', nameEn: 'Lechang Xuemao chicken', category: 'chilled poultry' },
      farmInputs: [
        { ...p.farmInputs[0], name: '10%恩诺沙星溶液', activeIngredient: 'enrofloxacin', kind: 'veterinary_drug', safetyIntervalDays: 8 },
      ],
      tests: [{ ...p.tests[0], method: 'veterinary_drug_residue_rapid_test', unit: 'µg/kg', value: 12, threshold: 100 }],
      grade: { grade: 'A级', attributes: { weightG: 1380 } },
      compliance: {
        ...p.compliance!,
        rules: [
          {
            rule: 'safetyIntervals',
            status: 'met',
            reason: '采收均在安全间隔期之后',
            reasonEn: 'Every harvest came after the safety intervals',
          },
        ],
      },
    };
  }

  it('says it was raised and slaughtered after its withdrawal period (休药期), never harvested or its fruit weighed', () => {
    const zh = renderPassportPage(chicken(), 'zh');
    expect(cardOf(zh)).toContain('养殖于 乐昌市北乡镇沙坪村');
    expect(cardOf(zh)).toContain('2026-06-12 屠宰');
    expect(cardOf(zh)).toContain('<li>检测合格（兽药残留快速检测）</li>');
    expect(cardOf(zh)).toContain('<li>屠宰时已过休药期</li>');
    expect(zh).toContain('<h2>屠宰</h2>');
    expect(zh).toContain('休药期 8 天');
    expect(zh).toContain('<dt>单只重</dt><dd>1380 g</dd>');
    expect(zh).toContain('<b>休药期</b>');
    for (const word of ['采收', '安全间隔期', '单果重', '果心温度', 'veterinary_drug_residue_rapid_test']) expect(zh).not.toContain(word);
    const en = renderPassportPage(chicken(), 'en');
    expect(en).toContain('Withdrawal period 8 days: slaughter from');
    expect(en).toContain('Raised in');
    for (const word of ['harvest', 'Harvest', 'Safety interval', 'Fruit weight', 'veterinary_drug']) expect(en).not.toContain(word);
  });

  it('says a live flock left the farm (出栏) after its withdrawal period, not that it was slaughtered', () => {
    const flock = chicken();
    flock.product = { ...flock.product, nameZh: '乐昌雪毛鸡（活禽）', category: 'live poultry' };
    const zh = renderPassportPage(flock, 'zh');
    expect(cardOf(zh)).toContain('2026-06-12 出栏');
    expect(cardOf(zh)).toContain('<li>出栏时已过休药期</li>');
    expect(zh).toContain('<h2>出栏</h2>');
    expect(zh).toContain('休药期 8 天，2026-06-03 起可出栏');
    for (const word of ['屠宰', '采收', '安全间隔期']) expect(zh).not.toContain(word);
    expect(renderPassportPage(flock, 'en')).toContain('Withdrawal period 8 days: off the farm from');
  });
});

describe('an English page', () => {
  it('has no Chinese but the names people typed (and the certificate’s legal name, the link to 中文)', () => {
    for (const passport of [sampleItemPassport(), soundPassport()]) {
      const html = renderPassportPage(passport, 'en');
      // The names people typed, longest first so that none is left half removed; the reasons are the system's words.
      const { compliance, ...typedOnly } = passport;
      const typed = JSON.stringify({ ...typedOnly, title: compliance?.standard.title, brand: compliance?.brand?.brand })
        .match(/"(?:[^"\\]|\\.)*"/g)!
        .map((s) => JSON.parse(s) as string)
        .filter((s) => /\p{Script=Han}/u.test(s))
        .sort((a, b) => b.length - a.length);
      let rest = html.replace(/<[^>]*>/g, ' ');
      for (const name of typed) rest = rest.split(name).join(' ');
      const left = rest.match(/[\p{Script=Han}（），、：。]+/gu) ?? [];
      expect([...new Set(left)].sort()).toEqual(['中文', '承诺达标合格证'].sort());
    }
  });
});
