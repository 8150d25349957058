export * from './cartons.projection';
export * from './cold-chain.projection';
export * from './domain/cold-series';
export * from './domain/events';
export * from './logistics.views';
