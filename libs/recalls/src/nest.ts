export * from './recalls.module';
