export * from './domain/deadlines';
export * from './domain/events';
export * from './domain/recall.decider';
export * from './recall.views';
export * from './recalls.projection';
export * from './application/recall-progress';
