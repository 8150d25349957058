export * from './access/batch-readers';
export * from './production.module';
