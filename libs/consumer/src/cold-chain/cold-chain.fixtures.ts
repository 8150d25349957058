import { TimedReading } from '@suyuan/logistics/domain/cold-series';
import { LoggerReadings } from './cold-chain-summary';

/** A facility's readings as one logger (`TL-1`) or several, from readings by ISO time. */
export function loggers(...series: { at: string; temperatureC: number }[][]): LoggerReadings {
  return new Map(
    series.map((readings, i): [string, TimedReading[]] => [`TL-${i + 1}`, readings.map((r) => [Date.parse(r.at), r.temperatureC])]),
  );
}
