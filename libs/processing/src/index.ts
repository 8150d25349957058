export * from './domain/events';
export * from './lineage/lineage.views';
export * from './domain/transformation.decider';
export * from './transformations/transformation.views';
export * from './transformations/transformations.projection';
export type { Flow } from './mass-balance/flows';
export * from './mass-balance/mass-balance.projection';
export * from './mass-balance/mass-balance.views';
