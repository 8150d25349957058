export * from './access/read-policy';
export * from './batch.projection';
export * from './batch.views';
export * from './domain/batch.decider';
export * from './domain/batch.state';
export * from './domain/events';
