export * from './domain/cursor';
export * from './domain/entry';
export * from './domain/filter';
export * from './domain/history-access';
export * from './domain/render';
export * from './domain/subjects';
export * from './history.projection';
export * from './history.views';
