import { RecordedEvent } from '@suyuan/eventstore';
import { DocRef } from '@suyuan/readmodels';

/** What the projector worker is started with: its file, and the module exporting its read-model schema. */
export interface WorkerInit {
  file: string;
  schemaModule: string;
  schemaExport: string;
}

export type ToWorker = { type: 'events'; events: RecordedEvent[] } | { type: 'close' };

export type ToMain =
  | { type: 'ready'; position: number }
  | { type: 'projected'; position: number; changed: DocRef[] }
  | { type: 'failed'; position: number; message: string };
