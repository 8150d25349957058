export * from './domain/events';
export * from './lineage/lineage.views';
export type { Flow } from './mass-balance/flows';
export * from './mass-balance/mass-balance.projection';
export * from './mass-balance/mass-balance.views';
