export * from './cartons.projection';
export * from './cold-chain.projection';
export * from './logistics.views';
