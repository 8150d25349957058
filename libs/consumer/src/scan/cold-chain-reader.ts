import { ColdChainHourView, ColdChainIndexView, hourDocId, StoredReading } from '@suyuan/logistics';
import { docKey, DocumentStore } from '@suyuan/readmodels';
import { LoggerReadings } from '../cold-chain/cold-chain-summary';

/** Each logger's readings of a facility in the hours from `from` to `to`, fetched by the hours the index says hold any. */
export async function readingsBetween(
  docs: DocumentStore,
  facilityId: string,
  from: string,
  to: string | undefined,
): Promise<LoggerReadings> {
  const index = await docs.get<ColdChainIndexView>('coldchain', facilityId);
  if (!index) return new Map();
  const firstHour = from.slice(0, 13);
  const lastHour = to?.slice(0, 13);
  const hours = index.hours.filter((h) => h >= firstHour && (lastHour === undefined || h <= lastHour));
  const found = await docs.getMany<ColdChainHourView>(hours.map((h) => ({ collection: 'coldchainHours', id: hourDocId(facilityId, h) })));
  return loggerReadings(hours.map((h) => found.get(docKey('coldchainHours', hourDocId(facilityId, h)))));
}

/** Hour documents (in time order) as each logger's readings, joined across the hours. */
function loggerReadings(hourDocs: readonly (ColdChainHourView | undefined)[]): Map<string, StoredReading[]> {
  const loggers = new Map<string, StoredReading[]>();
  for (const doc of hourDocs) {
    for (const [deviceId, readings] of Object.entries(doc?.devices ?? {})) {
      const joined = loggers.get(deviceId);
      if (joined) for (const r of readings) joined.push(r);
      else loggers.set(deviceId, readings.slice());
    }
  }
  return loggers;
}
