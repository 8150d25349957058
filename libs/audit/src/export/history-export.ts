import { HistorySelection } from '../application/history.query';
import { HistoryRow } from '../application/history-rows';

/** Rows read from the store a chunk at a time while an export is written: memory holds one chunk. */
export const EXPORT_CHUNK = 200;

export async function* rowChunks(selection: HistorySelection): AsyncGenerator<HistoryRow[]> {
  for (let from = 0; from < selection.entries.length; from += EXPORT_CHUNK) {
    yield await selection.rows(from, from + EXPORT_CHUNK);
  }
}
