import { forbidden, invalid, parseTime } from '@suyuan/core';
import { RecordColdChainReadings } from './commands';
import { ColdChainReading, ColdChainReadingsRecorded } from './events';

/** Where goods are kept or moved cold, and so where GB 31605-2020 asks for temperature records. */
const MONITORED_TYPES = ['packhouse', 'cold_store', 'county_hub', 'town_station', 'village_point', 'vehicle'];
/** A day of readings every 10 seconds fits; more belongs in several uploads. */
const MAX_READINGS = 10_000;
/** Device clocks drift: a reading a little ahead of the server's clock is still believable. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const TEMPERATURE_RANGE_C = { min: -60, max: 80 };

/**
 * A device's bulk upload, decided without state: readings are facts that cannot conflict.
 * The event carries them in time order, whatever order the device sent them in, each time
 * once: a reading sent twice in one upload is kept once, and two different temperatures at
 * one time are refused (a logger reads one temperature at a time).
 */
export function decideColdChainReadings(command: RecordColdChainReadings): ColdChainReadingsRecorded {
  const { actor, facility, deviceId, readings, now } = command;
  if (facility.ownerId !== actor.organizationId) {
    throw forbidden('facility_not_owned', `Facility ${facility.id} does not belong to the acting organization`);
  }
  if (!MONITORED_TYPES.includes(facility.type)) {
    throw invalid(
      'wrong_facility_type',
      `Cold-chain readings are recorded at a ${MONITORED_TYPES.join(', ')}; facility ${facility.id} is a ${facility.type}`,
    );
  }
  if (!Array.isArray(readings) || readings.length === 0) {
    throw invalid('no_readings', 'An upload needs at least one reading');
  }
  if (readings.length > MAX_READINGS) {
    throw invalid('too_many_readings', `An upload holds at most ${MAX_READINGS} readings; got ${readings.length}`);
  }
  const latest = parseTime('now', now) + CLOCK_SKEW_MS;
  const timed = readings.map((reading, i) => checkReading(reading, i, latest));
  timed.sort((a, b) => a.at - b.at || a.index - b.index);
  return {
    type: 'ColdChainReadingsRecorded',
    data: { facilityId: facility.id, deviceId, readings: oncePerTime(timed) },
  };
}

interface Timed {
  reading: ColdChainReading;
  at: number;
  index: number;
}

/** The time-sorted readings with repeats dropped, the first sent kept. */
function oncePerTime(timed: readonly Timed[]): ColdChainReading[] {
  const kept: ColdChainReading[] = [];
  let previous: Timed | undefined;
  for (const t of timed) {
    if (previous && t.at === previous.at) {
      if (t.reading.temperatureC === previous.reading.temperatureC) continue;
      throw invalid(
        'conflicting_readings',
        `Readings ${previous.index} and ${t.index} are at the same time (${t.reading.at}) with different temperatures`,
        { index: t.index, sameTimeAs: previous.index },
      );
    }
    kept.push(t.reading);
    previous = t;
  }
  return kept;
}

/** The reading as the event keeps it, and its time in epoch milliseconds. */
function checkReading(reading: ColdChainReading, index: number, latest: number): Timed {
  const { at, temperatureC, humidityPct } = reading;
  const ms = parseTime(`readings[${index}].at`, at);
  if (ms > latest) {
    throw invalid('reading_in_future', `Reading ${index} is in the future (${at})`, { index });
  }
  if (!within(temperatureC, TEMPERATURE_RANGE_C.min, TEMPERATURE_RANGE_C.max)) {
    throw invalid(
      'temperature_out_of_range',
      `Reading ${index} has temperature ${temperatureC} °C; ` +
        `a sensor reads between ${TEMPERATURE_RANGE_C.min} and ${TEMPERATURE_RANGE_C.max} °C`,
      { index },
    );
  }
  if (humidityPct !== undefined && !within(humidityPct, 0, 100)) {
    throw invalid('humidity_out_of_range', `Reading ${index} has relative humidity ${humidityPct} %; it must be 0 to 100`, {
      index,
    });
  }
  return { reading: humidityPct === undefined ? { at, temperatureC } : { at, temperatureC, humidityPct }, at: ms, index };
}

function within(value: number, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}
