export * from './processing.module';
