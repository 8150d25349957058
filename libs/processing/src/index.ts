export * from './domain/events';
export * from './lineage/lineage.views';
