import { bj, delivery, hubDispatch, plusHours, rules, storageWindow, transportWindow, villageDelivery } from './facts.fixtures';
import { evaluateHubToVillage, evaluateTemperature } from './logistics-rules';

describe('logistics rules', () => {
  describe('storage (冷藏)', () => {
    const rule = rules.storage!;

    it('is met once every stay is over and the goods delivered, naming the longest excursion', () => {
      const r = evaluateTemperature(
        'storage',
        rule,
        [storageWindow({ longestExcursionMinutes: 10, minutesOutOfRange: 15 }), transportWindow()],
        true,
      );
      expect(r).toMatchObject({
        rule: 'storage',
        status: 'met',
        evidence: { eventIds: ['evt-hub-receipt-0619'], values: { longestExcursionMinutes: 10 } },
      });
      expect(r.reason).toBe('贮存温度符合要求（最长超标10分钟）');
      expect(r.reasonEn).toBe('Storage temperatures within limits (longest excursion 10 min)');
    });

    it('is met by an excursion exactly as long as allowed', () => {
      expect(
        evaluateTemperature('storage', rule, [storageWindow({ longestExcursionMinutes: 30, minutesOutOfRange: 60 })], true).status,
      ).toBe('met');
    });

    it('is violated by an excursion longer than allowed, naming the place, the range and the minutes', () => {
      const r = evaluateTemperature('storage', rule, [storageWindow({ longestExcursionMinutes: 45, minutesOutOfRange: 45 })], false);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: {
          eventIds: ['evt-hub-receipt-0619'],
          values: { facility: '乐昌市县级物流中心冷库', longestExcursionMinutes: 45, minutesOutOfRange: 45, range: { minC: 0, maxC: 5 } },
        },
      });
      expect(r.reason).toBe('乐昌市县级物流中心冷库贮存温度超出0–5°C达45分钟，允许30分钟');
      expect(r.reasonEn).toBe('At 乐昌市县级物流中心冷库 the storage temperature left 0–5 °C for 45 min; 30 min allowed');
    });

    it('is violated by more time out of range in all than allowed, though no excursion is too long', () => {
      const r = evaluateTemperature('storage', rule, [storageWindow({ longestExcursionMinutes: 25, minutesOutOfRange: 75 })], true);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: ['evt-hub-receipt-0619'] } });
      expect(r.reasonEn).toBe('At 乐昌市县级物流中心冷库 the storage temperature was out of range 75 min in all; 60 min allowed');
    });

    it('is violated while the goods are still there: the readings so far are already too many', () => {
      expect(evaluateTemperature('storage', rule, [storageWindow({ to: undefined, longestExcursionMinutes: 31 })], false).status).toBe(
        'violated',
      );
    });

    it('is violated by a stay longer than the excursion allowed with no temperature recorded, naming how long', () => {
      const r = evaluateTemperature('storage', rule, [storageWindow({ readings: 0, minC: undefined, maxC: undefined })], true);
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: ['evt-hub-receipt-0619'], values: { minutesUnmonitored: 240 } },
      });
      expect(r.reason).toBe('乐昌市县级物流中心冷库贮存240分钟无温度记录');
      expect(r.reasonEn).toBe('No temperature was recorded during 240 min of storage at 乐昌市县级物流中心冷库');
    });

    it('lets a stay no longer than the excursion allowed go unmeasured', () => {
      const brief = storageWindow({ readings: 0, minC: undefined, maxC: undefined, to: bj('2025-06-19T10:30') });
      expect(evaluateTemperature('storage', rule, [brief], true).status).toBe('met');
    });

    it('names the stay that failed, of several', () => {
      const village = storageWindow({
        id: 'win-village',
        eventId: 'evt-village-receipt',
        facilityName: '浪石村服务站',
        longestExcursionMinutes: 50,
        minutesOutOfRange: 50,
      });
      const r = evaluateTemperature('storage', rule, [storageWindow(), village], true);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: ['evt-village-receipt'] } });
      expect(r.reasonEn).toContain('浪石村服务站');
    });

    it('is pending while the goods are in store', () => {
      const r = evaluateTemperature('storage', rule, [storageWindow({ to: undefined, readings: 3 })], false);
      expect(r).toMatchObject({ status: 'pending', evidence: { eventIds: ['evt-hub-receipt-0619'] } });
      expect(r.reasonEn).toBe('In storage; temperatures within limits so far');
    });

    it('is pending after the stay until the goods are delivered', () => {
      expect(evaluateTemperature('storage', rule, [storageWindow()], false).status).toBe('pending');
    });

    it('does not apply to goods delivered without a stay in store', () => {
      const r = evaluateTemperature('storage', rule, [transportWindow()], true);
      expect(r).toMatchObject({ status: 'not_applicable', evidence: { eventIds: [] } });
    });

    it('judges the stays only, not the legs', () => {
      const badLeg = transportWindow({ longestExcursionMinutes: 90, minutesOutOfRange: 90 });
      expect(evaluateTemperature('storage', rule, [storageWindow(), badLeg], true).status).toBe('met');
    });
  });

  describe('transport (冷链运输)', () => {
    const rule = rules.transport!;

    it('is met once every leg is over and the goods delivered', () => {
      const r = evaluateTemperature(
        'transport',
        rule,
        [storageWindow(), transportWindow({ longestExcursionMinutes: 12, minutesOutOfRange: 12 })],
        true,
      );
      expect(r).toMatchObject({ rule: 'transport', status: 'met', evidence: { eventIds: ['evt-hub-dispatch-0619'] } });
      expect(r.reasonEn).toBe('Transport temperatures within limits (longest excursion 12 min)');
    });

    it('is violated by an excursion on the road longer than allowed, naming the vehicle and the minutes', () => {
      const r = evaluateTemperature('transport', rule, [transportWindow({ longestExcursionMinutes: 45, minutesOutOfRange: 45 })], true);
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: ['evt-hub-dispatch-0619'] } });
      expect(r.reasonEn).toBe('At 粤F·冷藏车 A1234 the transport temperature left 0–8 °C for 45 min; 20 min allowed');
      expect(r.reason).toBe('粤F·冷藏车 A1234运输温度超出0–8°C达45分钟，允许20分钟');
    });

    it('is violated by more time out of range in all than allowed', () => {
      const r = evaluateTemperature('transport', rule, [transportWindow({ longestExcursionMinutes: 15, minutesOutOfRange: 41 })], true);
      expect(r.status).toBe('violated');
      expect(r.reasonEn).toContain('41 min in all; 40 min allowed');
    });

    it('is pending while on the road', () => {
      expect(evaluateTemperature('transport', rule, [transportWindow({ to: undefined })], false)).toMatchObject({
        status: 'pending',
        evidence: { eventIds: ['evt-hub-dispatch-0619'] },
      });
    });

    it('does not apply to goods delivered without a leg on the road (collected at the store)', () => {
      expect(evaluateTemperature('transport', rule, [storageWindow()], true).status).toBe('not_applicable');
    });
  });

  describe('hubToVillage (县到村)', () => {
    const rule = rules.hubToVillage!;

    it('is met when delivered within the hours, naming how long it took', () => {
      const r = evaluateHubToVillage(rule, delivery());
      expect(r).toMatchObject({
        rule: 'hubToVillage',
        status: 'met',
        evidence: { eventIds: [hubDispatch.eventId, villageDelivery.eventId], values: { hours: 30 } },
      });
      expect(r.reasonEn).toBe('Delivered 30 h after leaving the county hub');
    });

    it('is met when delivered exactly at the limit', () => {
      const atLimit = { ...villageDelivery, at: plusHours(hubDispatch.at, 48) };
      expect(evaluateHubToVillage(rule, delivery({ delivered: atLimit, asOf: atLimit.at })).status).toBe('met');
    });

    it('is violated when delivered late, naming how late', () => {
      const late = { ...villageDelivery, at: bj('2025-06-21T18:30') };
      const r = evaluateHubToVillage(rule, delivery({ delivered: late, asOf: late.at }));
      expect(r).toMatchObject({
        status: 'violated',
        evidence: { eventIds: [hubDispatch.eventId, villageDelivery.eventId], values: { hours: 52.5, maxHours: 48 } },
      });
      expect(r.reason).toBe('县级物流中心发出后52.5小时才送达，要求48小时内');
      expect(r.reasonEn).toBe('Delivered 52.5 h after leaving the county hub; 48 h allowed');
    });

    it('is violated once the hours have passed undelivered', () => {
      const r = evaluateHubToVillage(rule, delivery({ delivered: undefined, asOf: bj('2025-06-21T14:01') }));
      expect(r).toMatchObject({ status: 'violated', evidence: { eventIds: [hubDispatch.eventId], values: { maxHours: 48 } } });
      expect(r.reasonEn).toBe('Not delivered within 48 h of leaving the county hub');
    });

    it('is pending on the way, saying by when', () => {
      const r = evaluateHubToVillage(rule, delivery({ delivered: undefined, asOf: bj('2025-06-20T08:00') }));
      expect(r).toMatchObject({ status: 'pending', dueBy: bj('2025-06-21T14:00'), evidence: { eventIds: [hubDispatch.eventId] } });
    });

    it('is pending before the goods leave the hub', () => {
      expect(evaluateHubToVillage(rule, { asOf: bj('2025-06-19T12:00') })).toMatchObject({ status: 'pending', evidence: { eventIds: [] } });
    });

    it('does not apply to goods delivered without passing the county hub', () => {
      const r = evaluateHubToVillage(rule, delivery({ hubDispatch: undefined }));
      expect(r).toMatchObject({ status: 'not_applicable', evidence: { eventIds: [villageDelivery.eventId] } });
      expect(r.reasonEn).toBe('Not routed through the county hub');
    });

    it('holds a county to the 24 hours it set', () => {
      expect(evaluateHubToVillage({ maxHours: 24 }, delivery()).status).toBe('violated');
    });
  });
});
