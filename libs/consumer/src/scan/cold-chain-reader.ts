import { ColdChainHourView, ColdChainIndexView } from '../../../logistics/src/logistics.views';
import { hourDocId } from '../../../logistics/src/cold-chain.projection';
import { DocumentStore } from '../../../readmodels/src/document-store.port';
import { docKey } from '../../../readmodels/src/projection';
import { TemperatureReading } from '../cold-chain/cold-chain-summary';

/** Readings of a facility between two times, fetched by the hours the index says hold any. */
export async function readingsBetween(
  docs: DocumentStore,
  facilityId: string,
  from: string,
  to: string | undefined,
): Promise<TemperatureReading[]> {
  const index = await docs.get<ColdChainIndexView>('coldchain', facilityId);
  if (!index) return [];
  const firstHour = from.slice(0, 13);
  const lastHour = to?.slice(0, 13);
  const hours = index.hours.filter((h) => h >= firstHour && (lastHour === undefined || h <= lastHour));
  const found = await docs.getMany<ColdChainHourView>(
    hours.map((h) => ({ collection: 'coldchainHours', id: hourDocId(facilityId, h) })),
  );
  const readings: TemperatureReading[] = [];
  for (const h of hours) {
    for (const [ms, c] of found.get(docKey('coldchainHours', hourDocId(facilityId, h)))?.r ?? []) {
      readings.push({ at: new Date(ms).toISOString(), temperatureC: c });
    }
  }
  return readings;
}
