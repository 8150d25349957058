import { join } from 'node:path';
import { AnyProjection } from '@suyuan/readmodels/projection';
import type { ReadModelSchema } from '../embedded-storage';

/** Counts the events of each stream; an event typed `Broken` makes it throw (a projection bug). */
export const counting: AnyProjection = {
  name: 'counting',
  eventTypes: ['Happened', 'Broken'],
  reads: (event) => [{ collection: 'counts', id: event.streamId }],
  apply: (event, docs) => {
    if (event.type === 'Broken') throw new Error(`cannot count ${event.id}`);
    return [{ collection: 'counts', id: event.streamId, doc: { n: (docs.get<{ n: number }>('counts', event.streamId)?.n ?? 0) + 1 } }];
  },
};

/** The worker's schema: loaded on its thread by module path. */
export const countingWorkerSchema: ReadModelSchema = { projections: [counting], indexes: [], version: 1 };

/** A main schema whose counting may run off-thread. */
export const countingSchema: ReadModelSchema = {
  ...countingWorkerSchema,
  offThread: {
    module: join(__dirname, 'counting-schemas'),
    exportName: 'countingWorkerSchema',
    runs: ['counting'],
    collections: ['counts'],
    indexes: [],
  },
};
