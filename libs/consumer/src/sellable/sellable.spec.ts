import { judgeSale, lotMembers, notIssued, sellableJson } from './sellable';

const facts = {
  product: { id: 'P1', nameZh: '黄金柰李', nameEn: 'Golden plum' },
  lotCode: 'L0715',
  packedAt: '2026-07-15T03:00:00.000Z',
  shelfLifeDays: 30,
};
const at = (iso: string) => new Date(iso);

describe('whether a code may be sold now', () => {
  it('is sellable with no reason when genuine, not held and within its shelf life', () => {
    expect(judgeSale('C1', facts, at('2026-08-14T02:59:00.000Z'))).toMatchObject({ sellable: true, reasons: [] });
  });

  it('gives every reason at once, each with its machine code and words in both languages', () => {
    const answer = judgeSale(
      'C1',
      {
        ...facts,
        voidedAt: '2026-07-20T00:00:00.000Z',
        suspended: { unit: 'lot', reason: '抽检不合格', since: '2026-07-21T00:00:00.000Z' },
        recall: { recallId: 'RC1', class: 'I', reason: '毒死蜱残留超标', since: '2026-07-22T00:00:00.000Z' },
        failedTestSince: '2026-07-19T00:00:00.000Z',
      },
      at('2026-08-14T03:01:00.000Z'),
    );
    expect(answer.sellable).toBe(false);
    expect(answer.reasons.map((r) => r.code)).toEqual(['voided', 'recalled', 'held', 'failed_safety_test', 'past_shelf_life']);
    expect(answer.reasons[1]).toMatchObject({ recallId: 'RC1', reason: '毒死蜱残留超标', zh: expect.stringContaining('召回') });
    expect(answer.reasons[2]).toMatchObject({ unit: 'lot', reason: '抽检不合格', zh: expect.stringContaining('抽检不合格') });
    expect(answer.reasons[4].since).toBe('2026-08-14T03:00:00.000Z');
    for (const r of answer.reasons) expect(r.en.length).toBeGreaterThan(0);
  });

  it('never expires a product without a shelf life', () => {
    const { shelfLifeDays: _none, ...keeps } = facts;
    expect(judgeSale('C1', keeps, at('2030-01-01T00:00:00.000Z')).sellable).toBe(true);
  });

  it('says a code never issued is not genuine', () => {
    expect(notIssued('XX', at('2026-08-01T00:00:00.000Z'))).toMatchObject({ sellable: false, reasons: [{ code: 'not_issued' }] });
  });
});

describe('the answer written out as JSON', () => {
  it('is JSON.stringify’s, with reasons and without, and for a code never issued', () => {
    const answers = [
      judgeSale('C1', facts, at('2026-07-20T00:00:00.000Z')),
      judgeSale(
        'C1',
        { ...facts, suspended: { unit: 'item', reason: '标签"不符"', since: '2026-07-21T00:00:00.000Z' } },
        at('2026-09-01T00:00:00.000Z'),
      ),
      notIssued('not-a-code', at('2026-08-01T00:00:00.000Z')),
    ];
    for (const answer of answers) {
      expect(sellableJson(answer)).toBe(JSON.stringify(answer));
      if (answer.product) expect(sellableJson(answer, lotMembers(answer))).toBe(JSON.stringify(answer));
    }
  });
});
