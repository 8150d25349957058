export * from './domain/events';
export * from './lineage/lineage.views';
export * from './domain/transformation.decider';
export * from './transformations/transformation.views';
export * from './transformations/transformations.projection';
