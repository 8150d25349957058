import { ExpectedRejection, expectRejection } from '@suyuan/core/testing';
import { decideColdChainReadings } from './cold-chain';
import { RecordColdChainReadings } from './commands';
import { countyHub, recordReadings, truck, villageShop } from './logistics.fixtures';

const rejects = (command: RecordColdChainReadings, expected: ExpectedRejection) =>
  expectRejection(() => decideColdChainReadings(command), expected);

const withReading = (reading: RecordColdChainReadings['readings'][number]): RecordColdChainReadings => ({
  ...recordReadings,
  readings: [...recordReadings.readings, reading],
});

describe('decideColdChainReadings', () => {
  it('records a truck logger’s readings', () => {
    expect(decideColdChainReadings(recordReadings)).toEqual({
      type: 'ColdChainReadingsRecorded',
      data: { facilityId: truck.id, deviceId: 'TL-SENSOR-0031', readings: recordReadings.readings },
    });
  });

  it('puts readings in time order, comparing across offsets', () => {
    const [first, second, third] = recordReadings.readings;
    const inUtc = { ...second, at: '2025-06-19T00:10:00Z' };
    const event = decideColdChainReadings({ ...recordReadings, readings: [third, inUtc, first] });
    expect(event.data.readings).toEqual([first, inUtc, third]);
  });

  it('keeps a reading sent twice in one upload once, the first sent', () => {
    const [first, second, third] = recordReadings.readings;
    const again = { ...second, humidityPct: 80 };
    const event = decideColdChainReadings({ ...recordReadings, readings: [first, second, third, again, first] });
    expect(event.data.readings).toEqual([first, second, third]);
  });

  it('refuses two different temperatures at one time, naming both readings, across offsets', () => {
    const [first, second] = recordReadings.readings;
    const sameTimeInUtc = { at: '2025-06-19T00:10:00Z', temperatureC: second.temperatureC + 4 };
    const error = rejects(
      { ...recordReadings, readings: [first, second, sameTimeInUtc] },
      { kind: 'invalid', code: 'conflicting_readings' },
    );
    expect(error.details).toEqual({ index: 2, sameTimeAs: 1 });
  });

  it.each(['packhouse', 'cold_store', 'county_hub', 'town_station', 'village_point', 'vehicle'])('records readings at a %s', (type) => {
    expect(decideColdChainReadings({ ...recordReadings, facility: { ...truck, type } }).data.readings).toHaveLength(3);
  });

  it('accepts a reading up to five minutes ahead of the server clock', () => {
    const event = decideColdChainReadings(withReading({ at: '2025-06-19T10:05:00+08:00', temperatureC: 2.5 }));
    expect(event.data.readings.at(-1)?.at).toBe('2025-06-19T10:05:00+08:00');
  });

  it('accepts the sensor range limits', () => {
    const event = decideColdChainReadings({
      ...recordReadings,
      readings: [
        { at: '2025-06-19T08:00:00+08:00', temperatureC: -60, humidityPct: 0 },
        { at: '2025-06-19T08:10:00+08:00', temperatureC: 80, humidityPct: 100 },
      ],
    });
    expect(event.data.readings).toHaveLength(2);
  });

  it('accepts 10000 readings in one upload', () => {
    const readings = Array.from({ length: 10_000 }, (_, i) => ({
      at: new Date(Date.parse('2025-06-18T10:00:00+08:00') + i * 6000).toISOString(),
      temperatureC: -0.5,
    }));
    expect(decideColdChainReadings({ ...recordReadings, facility: countyHub, readings }).data.readings).toHaveLength(10_000);
  });

  it('is for the facility’s owner', () => {
    rejects({ ...recordReadings, actor: villageShop }, { kind: 'forbidden', code: 'facility_not_owned' });
  });

  it.each(['farm_plot', 'lab'])('is not for a %s', (type) => {
    rejects({ ...recordReadings, facility: { ...truck, type } }, { kind: 'invalid', code: 'wrong_facility_type' });
  });

  it('needs at least one reading', () => {
    rejects({ ...recordReadings, readings: [] }, { kind: 'invalid', code: 'no_readings' });
  });

  it('takes at most 10000 readings', () => {
    const readings = Array.from({ length: 10_001 }, () => recordReadings.readings[0]);
    rejects({ ...recordReadings, readings }, { kind: 'invalid', code: 'too_many_readings' });
  });

  it('names the reading whose time does not parse', () => {
    const error = rejects(withReading({ at: '08:30', temperatureC: 2 }), { kind: 'invalid', code: 'invalid_time' });
    expect(error.message).toContain('readings[3].at');
  });

  it('names the reading more than five minutes in the future', () => {
    const error = rejects(withReading({ at: '2025-06-19T10:05:01+08:00', temperatureC: 2 }), {
      kind: 'invalid',
      code: 'reading_in_future',
    });
    expect(error.message).toContain('Reading 3');
  });

  it.each([-60.1, 80.5, Number.NaN, Number.POSITIVE_INFINITY])('names the reading at %d °C', (temperatureC) => {
    const error = rejects(withReading({ at: '2025-06-19T08:30:00+08:00', temperatureC }), {
      kind: 'invalid',
      code: 'temperature_out_of_range',
    });
    expect(error.details).toEqual({ index: 3 });
  });

  it.each([-1, 100.5, Number.NaN])('names the reading at %d % relative humidity', (humidityPct) => {
    const error = rejects(withReading({ at: '2025-06-19T08:30:00+08:00', temperatureC: 2, humidityPct }), {
      kind: 'invalid',
      code: 'humidity_out_of_range',
    });
    expect(error.message).toContain('Reading 3');
  });

  it('rejects a server clock that does not parse', () => {
    rejects({ ...recordReadings, now: 'now' }, { kind: 'invalid', code: 'invalid_time' });
  });
});
