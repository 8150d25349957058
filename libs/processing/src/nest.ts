export * from './mass-balance/mass-balance.module';
