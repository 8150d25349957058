import type { JourneyStop } from '../passport/item-passport';
import { judgeHandovers } from './handovers';

const stop = (facilityId: string, kind: JourneyStop['kind'], handoverTemperatureC?: number): JourneyStop => ({
  kind,
  facilityId,
  facilityName: facilityId,
  facilityType: kind === 'transit' ? 'vehicle' : 'cold_store',
  from: '2026-12-02T08:00:00Z',
  arrival: kind === 'transit' ? 'dispatched' : 'received',
  ...(handoverTemperatureC !== undefined && { handoverTemperatureC }),
});

const TRUCK = { minC: 0, maxC: 3 };
const STORE = { minC: -1, maxC: 0 };

describe('judgeHandovers', () => {
  it('flags goods handed off a 0–3 °C truck into a −1–0 °C store at 4.1 °C, warmer than either allowed', () => {
    const [, , store] = judgeHandovers(
      [stop('PACK', 'facility'), stop('TRUCK', 'transit'), stop('STORE', 'facility', 4.1)],
      [{}, { range: TRUCK }, { range: STORE }],
    );
    expect(store).toMatchObject({ handoverTemperatureC: 4.1, handoverRange: { minC: -1, maxC: 3 }, handoverInRange: false });
  });

  it('passes a handover the truck or the store allowed, and its edges', () => {
    for (const c of [-1, 0, 1.4, 3]) {
      const judged = judgeHandovers([stop('TRUCK', 'transit'), stop('STORE', 'facility', c)], [{ range: TRUCK }, { range: STORE }]);
      expect(judged[1].handoverInRange).toBe(true);
    }
  });

  it('holds a handover off a leg with no range to the place’s alone, and leaves unjudged what has no range or no temperature', () => {
    const judged = judgeHandovers(
      [stop('VAN', 'transit'), stop('STORE', 'facility', 0.5), stop('VAN2', 'transit'), stop('SHOP', 'facility', 9), stop('X', 'facility')],
      [{}, { range: STORE }, {}, {}, { range: STORE }],
    );
    expect(judged[1]).toMatchObject({ handoverRange: STORE, handoverInRange: false });
    expect(judged[3]).not.toHaveProperty('handoverInRange');
    expect(judged[4]).toEqual(stop('X', 'facility'));
  });
});
