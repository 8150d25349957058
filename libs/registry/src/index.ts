export * from './domain/credit-code';
export * from './domain/events';
export * from './domain/gtin';
export * from './registry.projection';
export * from './registry.views';
