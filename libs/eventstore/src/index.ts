export * from './chain';
export * from './contract/event-store.contract-suite';
export * from './event-store.port';
export * from './sqlite/sqlite-event-store';
export * from './sqlite/stored-event-rows';
