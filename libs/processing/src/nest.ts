export * from './mass-balance/mass-balance.module';
export * from './processing.module';
export * from './transformations.module';
export * from './application/transformation.manager';
export * from './application/transformation.recovery';
